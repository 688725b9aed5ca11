"""API shapes of the ticket queue, ticket creation, triage and spin-off."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Field(default=None, max_length=20, pattern=r"^[0-9]+$")


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DeskRead(BaseModel):
    """Whether the caller's team has a PSA whose tickets the app can list and create (the
    Tickets page and its nav entry); no call to the PSA."""

    connected: bool
    provider: str | None = None
    provider_label: str | None = None
    tickets: bool


class TicketCreateIn(_In):
    summary: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00]*$")
    description: str = Field(default="", max_length=8000, pattern=r"^[^\x00]*$")
    company_id: str | None = Id
    board_id: str | None = Id
    priority: str | None = Field(
        default=None, max_length=20, pattern=r"^[0-9]+$", description="The PSA's priority id"
    )
    type_id: str | None = Id
    contact_id: str | None = Id


class TicketCreated(BaseModel):
    ticket_id: str
    url: str | None = None
    summary: str = ""
    adopted: bool = Field(
        default=False,
        description="True when an earlier attempt with the same Idempotency-Key had already "
        "created it: the same ticket is returned, none is created.",
    )


class ChoiceRead(BaseModel):
    id: str
    name: str


class CompanyRead(ChoiceRead):
    identifier: str | None = None


class ContactRead(ChoiceRead):
    company_id: str | None = None


class OptionsRead(BaseModel):
    provider: str
    provider_label: str
    boards: list[ChoiceRead]
    priorities: list[ChoiceRead]
    types: list[ChoiceRead]
    statuses: list[ChoiceRead]
    companies: list[CompanyRead]
    contacts: list[ContactRead]


class QueueItem(BaseModel):
    id: str
    summary: str
    company: str | None = None
    status: str | None = None
    board: str | None = None
    priority: str | None = None
    owner: str | None = None
    updated: str | None = None


class QueueRead(BaseModel):
    provider: str
    provider_label: str
    view: Literal["mine", "team"]
    page: int
    has_more: bool
    items: list[QueueItem]


class TriageIn(_In):
    text: str = Field(min_length=1, max_length=20000, pattern=r"^[^\x00]*$")


class Guess(BaseModel):
    """A pre-filled field: the PSA's id where it is a choice, and how sure the triage is
    (0 to 1). The engineer confirms or changes it."""

    id: str | None = None
    name: str | None = None
    confidence: float = Field(ge=0, le=1)


class TriageRead(BaseModel):
    summary: str
    summary_confidence: float
    description: str
    company: Guess | None = None
    contact: Guess | None = None
    board: Guess | None = None
    type: Guess | None = None
    priority: Guess | None = None
    source: Literal["model", "rules"]
    note: str | None = Field(default=None, description="Why the rules answered, if a model is set")


class SpinOffIn(_In):
    summary: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00]*$")
    description: str = Field(default="", max_length=8000, pattern=r"^[^\x00]*$")
    copy_context: bool = Field(
        default=False,
        description="Add the session's documentation so far, redacted as notes pushed to the PSA are",
    )


class SpinOffRead(BaseModel):
    ticket_id: str
    url: str | None = None
    original_ticket_id: str | None = None
    original_noted: bool = Field(
        description="Whether the reference note was added to the original ticket"
    )
    adopted: bool = False
