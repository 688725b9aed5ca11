"""The API's shapes for the PSA integration."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator

from resolutionflow.common.schemas import ReadSchema, WriteSchema

ProviderName = Literal["connectwise", "autotask", "halopsa"]
NoteType = Literal["internal", "discussion", "resolution"]
PushState = Literal["queued", "sending", "sent", "failed"]
TicketId = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]
StatusName = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]


class FieldRead(ReadSchema):
    name: str
    label: str
    kind: Literal["text", "secret", "url"]
    required: bool
    help: str
    placeholder: str


class ProviderRead(ReadSchema):
    name: ProviderName
    label: str
    fields: list[FieldRead]
    supports_status: bool
    supports_time_entries: bool
    supports_discovery: bool


class PsaSettingsWrite(WriteSchema):
    """The provider, its fields at the top level (`base_url`, `company_id`, `public_key`,
    `private_key`, `client_id` for ConnectWise; see GET /integrations/psa/providers), and what
    happens by itself. A secret left out or blank keeps the one already saved."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)

    provider: ProviderName
    push_on_resolve: bool = False
    push_on_escalate: bool = False
    resolve_note_type: NoteType = "resolution"
    escalate_note_type: NoteType = "internal"
    time_entry_on_resolve: bool = False
    # Board name → status to set; "*" applies to any board without its own entry.
    status_on_resolve: dict[StatusName, StatusName] = Field(default_factory=dict, max_length=50)
    status_on_escalate: dict[StatusName, StatusName] = Field(default_factory=dict, max_length=50)
    # Sessions resolved with a workaround; left out or null: the same as `status_on_resolve`.
    status_on_workaround: dict[StatusName, StatusName] | None = Field(default=None, max_length=50)

    @model_validator(mode="after")
    def _extras_are_strings(self) -> PsaSettingsWrite:
        for key, value in (self.model_extra or {}).items():
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{key} must be a string")
            if isinstance(value, str) and "\x00" in value:
                raise ValueError(f"{key} must not contain NUL characters")
        return self

    def fields(self) -> dict[str, str]:
        return {k: (v or "").strip() for k, v in (self.model_extra or {}).items()}


class PsaSettingsRead(ReadSchema):
    configured: bool
    # "team": this team's own connection; "account": the account default (also what a team
    # without its own connection inherits — `inherited` says so).
    scope: Literal["team", "account"]
    team_id: uuid.UUID | None
    inherited: bool
    provider: ProviderName | None
    config: dict[str, str]  # the non-secret fields
    secrets_set: list[str]  # names of the secret fields that hold a value (never the value)
    push_on_resolve: bool
    push_on_escalate: bool
    resolve_note_type: NoteType
    escalate_note_type: NoteType
    time_entry_on_resolve: bool
    status_on_resolve: dict[str, str]
    status_on_escalate: dict[str, str]
    status_on_workaround: dict[str, str] | None = Field(
        default=None, description="null: sessions resolved with a workaround map as resolved"
    )
    last_test_at: datetime | None
    last_test_ok: bool | None
    last_test_message: str


class TestResult(ReadSchema):
    ok: bool
    version: str | None = None
    kind: str | None = None  # credentials | permission | unreachable | wrong_codebase | ...
    message: str


class DiscoverIn(WriteSchema):
    # A host name (na.myconnectwise.net) or an https:// URL of one: letters, digits, dots and
    # hyphens in the host, so a typo is a 422 here rather than a failed call to nowhere.
    site: Annotated[
        str,
        StringConstraints(
            min_length=3,
            max_length=300,
            pattern=r"^(?:https?://)?[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)*[A-Za-z0-9-]{1,63}(?::\d{1,5})?/?$",
        ),
    ]
    company_id: Annotated[
        str, StringConstraints(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.-]+$")
    ]


class DiscoverRead(ReadSchema):
    base_url: str
    codebase: str
    company_name: str | None


class ConfigurationRead(ReadSchema):
    id: str
    name: str
    type: str | None = None
    serial: str | None = None
    ip_address: str | None = None
    os: str | None = None


class TicketSummaryRead(ReadSchema):
    id: str
    summary: str
    company: str | None = None
    status: str | None = None
    board: str | None = None
    priority: str | None = None


class TicketRead(TicketSummaryRead):
    contact_name: str | None = None
    contact_email: str | None = None
    configurations: list[ConfigurationRead] = []
    provider: str | None = None
    fetched_at: datetime | None = None


class LinkTicketIn(WriteSchema):
    ticket_id: TicketId


class PushIn(WriteSchema):
    note_type: NoteType = "internal"
    # Off unless asked: ConnectWise emails the ticket's contact when this is on.
    notify_customer: bool = False
    time_entry: bool = False
    status: StatusName | None = None


class PushRead(ReadSchema):
    id: uuid.UUID
    session_id: uuid.UUID
    session_title: str | None = None
    provider: str
    ticket_id: str
    trigger: Literal["manual", "resolve", "escalate"]
    note_type: NoteType
    notify_customer: bool
    state: PushState
    attempts: int
    last_error: str
    psa_note_id: str | None
    time_minutes: int | None
    target_status: str | None
    outcome: dict[str, Any]
    requested_by_name: str | None = None
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None


class PreviewRead(ReadSchema):
    text: str
    redactions: dict[str, int]
    ticket_id: str | None
    active_minutes: int


class SessionPsaRead(ReadSchema):
    """What the runner needs: is a PSA connected, the linked ticket's context, the pushes."""

    connected: bool
    provider: ProviderName | None
    provider_label: str | None
    supports_status: bool
    supports_time_entries: bool
    ticket_id: str | None
    ticket: TicketRead | None
    ticket_error: str | None  # why the ticket context could not be fetched last time
    pushes: list[PushRead]


class MemberRead(ReadSchema):
    id: str
    identifier: str
    name: str
    email: str | None


class MemberLinkRead(ReadSchema):
    user_id: uuid.UUID
    user_name: str
    user_email: str
    member_id: str | None
    member_identifier: str | None
    member_name: str | None
    source: Literal["auto", "manual"] | None


class MembersRead(ReadSchema):
    members: list[MemberRead]
    links: list[MemberLinkRead]
    unmapped: int


class MemberLinkIn(WriteSchema):
    # None removes the mapping (the user's notes are then authored by the API member).
    member_id: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None
