"""The interface every PSA provider implements, and the shapes it speaks in.

Providers parse permissively: real PSA data is messy (missing names, unknown enum values,
API-only members without a last name), so a missing field becomes None, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Protocol

NoteType = Literal["internal", "discussion", "resolution"]

ErrorKind = Literal[
    "credentials",  # the PSA refused the keys: fix them in settings
    "permission",  # signed in, but the API member's role lacks a permission
    "not_found",  # the ticket (or member) does not exist, or is outside the API member's scope
    "unreachable",  # DNS, connection refused, TLS, timeout: nothing came back
    "rate_limited",  # 429: retry later
    "server",  # 5xx: retry later
    "invalid",  # 400: the PSA rejected what we sent (a bug or a PSA-side setting)
    "conflict",  # 409
    "wrong_codebase",  # the base URL answers, but it is not this PSA's API
    "redirected",  # a 3xx on the API: call the api-* host directly
    "unsupported",  # this provider cannot do that
    "refused",  # the outbound policy refused the address (loopback, private ...): never retried
]

_ADVICE: dict[str, str] = {
    "credentials": "Check the keys in PSA settings.",
    "permission": "Ask your PSA administrator to grant the API member that permission.",
    "not_found": "Check the ticket number.",
    "unreachable": "Check the base URL, or try again later.",
    "rate_limited": "The PSA is rate limiting us; it will be retried later.",
    "server": "The PSA had a problem; it will be retried later.",
    "invalid": "The PSA rejected the request.",
    "conflict": "The record changed in the PSA; try again.",
    "wrong_codebase": "Check the base URL (or discover it from the site and company id).",
    "redirected": "Use the PSA's API host directly as the base URL.",
    "unsupported": "",
    "refused": "Use the PSA's public address, or ask the administrator of this installation "
    "to allow this one.",
}


class PsaError(Exception):
    """A failure a person can act on. `str()` is safe to show and log: it never holds a key."""

    RETRYABLE: ClassVar[frozenset[str]] = frozenset({"rate_limited", "server", "unreachable"})

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        advice = _ADVICE.get(kind, "")
        self.message = f"{message} {advice}".strip() if advice not in message else message
        super().__init__(self.message)

    @property
    def retryable(self) -> bool:
        return self.kind in self.RETRYABLE


@dataclass(frozen=True)
class ConfigField:
    """One entry of a provider's settings form; the UI renders the form from these."""

    name: str
    label: str
    kind: Literal["text", "secret", "url"] = "text"
    required: bool = True
    help: str = ""
    placeholder: str = ""


@dataclass
class Configuration:
    """A device or asset attached to the ticket."""

    id: str
    name: str
    type: str | None = None
    serial: str | None = None
    ip_address: str | None = None
    os: str | None = None


@dataclass
class CompanyConfiguration(Configuration):
    """A company's device or asset, as a maintenance target could be made of it."""

    company_id: str | None = None
    company: str | None = None
    site: str | None = None


@dataclass
class TicketSummary:
    id: str
    summary: str
    company: str | None = None
    status: str | None = None
    board: str | None = None
    priority: str | None = None


@dataclass
class Ticket(TicketSummary):
    contact_name: str | None = None
    contact_email: str | None = None
    configurations: list[Configuration] = field(default_factory=list)
    url: str | None = None


@dataclass
class Member:
    id: str
    identifier: str  # what the PSA uses to attribute work (CW identifier, Autotask resource id)
    name: str
    email: str | None = None
    active: bool = True


@dataclass
class NoteDraft:
    text: str  # already redacted, plain text
    note_type: NoteType
    notify_customer: bool = False
    member: Member | None = None  # attribute to this member when the PSA allows


@dataclass
class PostedNote:
    id: str
    text: str


@dataclass
class TimeEntry:
    minutes: int
    notes: str
    member: Member | None = None


class PsaProvider(Protocol):
    """What ResolutionFlow needs from a PSA. Instances hold one connection's config."""

    name: ClassVar[str]
    label: ClassVar[str]
    fields: ClassVar[tuple[ConfigField, ...]]
    # Optional abilities, so the UI only offers what the provider can do.
    supports_status: ClassVar[bool]
    supports_time_entries: ClassVar[bool]

    async def test(self) -> str:
        """Signs in and returns the PSA's version; raises PsaError with a plain explanation."""
        ...

    async def get_ticket(self, ticket_id: str) -> Ticket: ...

    async def search_tickets(self, query: str, *, limit: int = 20) -> list[TicketSummary]:
        """Open tickets whose number or summary matches `query` (empty: the newest open)."""
        ...

    async def list_members(self) -> list[Member]: ...

    async def list_notes(self, ticket_id: str) -> list[PostedNote]:
        """Every note on the ticket: the outbox reads them before re-posting after a timeout."""
        ...

    async def post_note(self, ticket_id: str, note: NoteDraft) -> str:
        """Adds the note; returns its id in the PSA."""
        ...

    async def set_status(self, ticket_id: str, status: str) -> str | None:
        """Asks for `status`, re-reads the ticket and returns the status it really has."""
        ...

    async def add_time_entry(self, ticket_id: str, entry: TimeEntry) -> str: ...

    async def configurations(
        self, company_id: str, *, limit: int = 1000
    ) -> list[CompanyConfiguration]:
        """A company's active configurations (devices, assets), up to `limit`. PsaError
        "not_found" for an unknown company, "unsupported" where the PSA cannot list them."""
        ...

    async def aclose(self) -> None: ...


def text(value: Any) -> str | None:
    """A string field from messy JSON: None, numbers and blank strings handled."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def ref_name(value: Any) -> str | None:
    """The `name` of a reference object ({"id": 1, "name": "Open"}), tolerating anything else."""
    if isinstance(value, dict):
        return text(value.get("name")) or text(value.get("identifier"))
    return text(value)
