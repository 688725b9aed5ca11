"""API shapes of maintenance: target lists, batches and their items, schedules."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, RootModel, StringConstraints

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema

ItemStatus = Literal["pending", "in_progress", "done", "skipped", "failed", "escalated"]
BatchStatus = Literal["running", "completed", "cancelled"]
Assignment = Literal["user", "pool", "round_robin"]

Label = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]
Client = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")
]
ExternalId = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]
FieldName = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
]
FieldValue = Annotated[str, StringConstraints(max_length=500)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Tickets = Annotated[
    dict[Client, Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]],
    Field(max_length=500),
]


class TargetIn(WriteSchema):
    """A machine or client site. `fields` are what flows read as `{{target.<name>}}`."""

    id: uuid.UUID | None = Field(
        default=None, description="On PUT: keep this existing target's id (omit for a new one)"
    )
    label: Label
    client: Client = ""
    notes: Annotated[str, StringConstraints(max_length=5000)] = ""
    fields: Annotated[dict[FieldName, FieldValue], Field(max_length=50)] = Field(
        default_factory=dict
    )
    psa_company_id: ExternalId | None = None
    psa_config_id: ExternalId | None = None


class TargetListCreate(WriteSchema):
    name: Name
    team_id: uuid.UUID | None = None
    targets: Annotated[list[TargetIn], Field(max_length=5000)]


class TargetListUpdate(TargetListCreate):
    """The whole list as it should be (targets given with their `id` keep it)."""


class TargetRead(ReadSchema):
    id: uuid.UUID
    position: int
    label: str
    client: str
    notes: str
    fields: dict[str, str]
    psa_company_id: str | None
    psa_config_id: str | None


class TargetListSummary(ReadSchema):
    id: uuid.UUID
    name: str
    team_id: uuid.UUID | None
    target_count: int
    clients: list[str]
    created_at: datetime
    updated_at: datetime


class TargetListRead(TargetListSummary):
    targets: list[TargetRead]


class TargetListPage(ReadSchema):
    items: list[TargetListSummary]
    next_cursor: str | None = None


class CsvPreviewIn(WriteSchema):
    csv: Annotated[str, StringConstraints(min_length=1, max_length=2_000_000)] = Field(
        description="A header row (label, client, notes, psa_company_id, psa_config_id; any "
        "other column becomes a field), then one target per row"
    )


class CsvRow(ReadSchema):
    row: int = Field(description="Line number in the file (the header is line 1)")
    label: str
    ok: bool
    errors: list[str]


class CsvPreview(ReadSchema):
    """Nothing is stored: `targets` are the valid rows, ready for POST/PUT of a target list."""

    targets: list[TargetIn]
    rows: list[CsvRow]
    error_count: int
    fields: list[str] = Field(description="The columns read as target fields")


class PsaConfigurationImport(ReadSchema):
    """Nothing is stored: `targets` are the company's configurations as targets, ready for
    POST/PUT of a target list (labels must be unique there: see `repeated_labels`)."""

    provider: str
    company_id: str
    client: str = Field(description="The company's name, as the targets' client")
    targets: list[TargetIn]
    truncated: bool = Field(description="The company has more configurations than listed")
    repeated_labels: int = Field(description="Labels that more than one configuration has")


# --- batches --------------------------------------------------------------------------------


class BatchCreate(WriteSchema):
    flow_id: uuid.UUID
    target_list_id: uuid.UUID | None = None
    targets: Annotated[list[TargetIn], Field(max_length=5000)] | None = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    assignee_user_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    assignment: Assignment | None = Field(
        default=None,
        description="user (assignee_user_id; the launcher when none), pool (the team claims "
        "targets) or round_robin (the team's members in turn); default from what is given",
    )
    client_tickets: Tickets = Field(
        default_factory=dict,
        description="Client name → PSA ticket: on completion each client gets one note there",
    )


class BatchCounts(ReadSchema):
    total: int = 0
    pending: int = 0
    in_progress: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    escalated: int = 0


class BatchItemRead(ReadSchema):
    id: uuid.UUID
    position: int
    target_id: uuid.UUID | None
    label: str
    client: str
    fields: dict[str, str]
    session_id: uuid.UUID | None
    status: ItemStatus
    reason: str
    assignee_id: uuid.UUID | None
    assignee_name: str | None
    active_seconds: int
    last_event_type: str | None
    last_event_at: datetime | None


class BatchSummary(ReadSchema):
    id: uuid.UUID
    title: str
    status: BatchStatus
    flow_id: uuid.UUID | None
    flow_title: str
    flow_version: int
    target_list_id: uuid.UUID | None
    schedule_id: uuid.UUID | None
    slot_at: datetime | None
    assignment: Assignment
    assignee_user_id: uuid.UUID | None
    team_id: uuid.UUID | None
    counts: BatchCounts
    # Who launched it (a scheduled batch: who made the schedule): they, or a team admin, may
    # cancel it.
    launched_by_id: uuid.UUID | None
    created_at: datetime
    completed_at: datetime | None


class BatchCancellation(ReadSchema):
    reason: str = Field(description="Redacted")
    cancelled_by_id: uuid.UUID | None
    cancelled_by_name: str | None
    cancelled_at: datetime


class BatchRead(BatchSummary):
    items: list[BatchItemRead]
    client_tickets: dict[str, str]
    psa_notes: dict[str, dict[str, str]]
    cancellation: BatchCancellation | None = Field(
        default=None, description="Who cancelled the batch, when and why (status `cancelled`)"
    )


class BatchPage(ReadSchema):
    items: list[BatchSummary]
    next_cursor: str | None = None


class ItemReasonIn(WriteSchema):
    reason: Reason


class BatchCancelIn(WriteSchema):
    reason: Reason


TicketId = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")
]


class ClientTicketsIn(RootModel[Annotated[dict[Client, TicketId], Field(max_length=500)]]):
    """Client name → PSA ticket, for every client that should get a note (a blank ticket or a
    client left out: no note)."""


# --- schedules --------------------------------------------------------------------------------


class MaintenanceScheduleCreate(WriteSchema):
    flow_id: uuid.UUID
    target_list_id: uuid.UUID
    cron: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    timezone: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    assignee_user_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    assignment: Assignment | None = None
    active: bool = True
    missed: Literal["run_once", "skip"] = Field(
        default="run_once", description="A slot missed while nothing ran: run it once, or skip"
    )
    overdue: Literal["start", "skip"] = Field(
        default="start",
        description="A slot that comes while the previous batch is unfinished: start anyway, "
        "or skip it (both notify the assignees)",
    )
    client_tickets: Tickets = Field(default_factory=dict)


class MaintenanceScheduleUpdate(WriteSchema):
    flow_id: uuid.UUID | None = None
    target_list_id: uuid.UUID | None = None
    cron: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
        | None
    ) = None
    timezone: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)] | None
    ) = None
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    assignee_user_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    assignment: Assignment | None = None
    active: bool | None = Field(default=None, description="false pauses, true resumes")
    missed: Literal["run_once", "skip"] | None = None
    overdue: Literal["start", "skip"] | None = None
    client_tickets: Tickets | None = None


class MaintenanceLastBatch(ReadSchema):
    id: uuid.UUID
    status: BatchStatus
    created_at: datetime


class MaintenanceScheduleRead(ReadSchema):
    id: uuid.UUID
    title: str
    flow_id: uuid.UUID
    flow_title: str
    target_list_id: uuid.UUID
    target_list_name: str
    cron: str
    timezone: str
    assignment: Assignment
    assignee_user_id: uuid.UUID | None
    team_id: uuid.UUID | None
    active: bool
    missed: Literal["run_once", "skip"]
    overdue: Literal["start", "skip"]
    client_tickets: dict[str, str]
    next_runs: list[datetime] = Field(description="The next five slots (UTC)")
    last_slot_at: datetime | None
    last_batch: MaintenanceLastBatch | None
    is_overdue: bool = Field(
        description="The last batch is unfinished and a later slot has already come"
    )
    created_at: datetime


class MaintenanceScheduleList(ReadSchema):
    items: list[MaintenanceScheduleRead]


class MaintenanceAgendaEntry(ReadSchema):
    schedule_id: uuid.UUID
    title: str
    at: datetime


class MaintenanceAgenda(ReadSchema):
    items: list[MaintenanceAgendaEntry]
