"""The API shape of Home: one read, a section per thing the caller's role acts on.

A section the caller's role does not get is `null` (never an empty section), so "nothing to do"
and "not for you" stay apart. Every list is bounded (the newest few) and carries the total."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from resolutionflow.common.schemas import ReadSchema
from resolutionflow.escalations.service import ClaimRight, Priority
from resolutionflow.models import Role
from resolutionflow.models.job import JobState

# --- engineer and up -----------------------------------------------------------------------


class HomeSession(ReadSchema):
    id: uuid.UUID
    title: str
    status: Literal["active", "paused"]
    flow_id: uuid.UUID | None
    flow_title: str | None
    ticket_id: str | None
    active_seconds: int
    updated_at: datetime


class HomeSessions(ReadSchema):
    """Your active and paused sessions, the most recently touched first. Sessions of a
    maintenance batch are left out: they are worked from their batch (see `maintenance`)."""

    items: list[HomeSession]
    total: int


class HomeHandoff(ReadSchema):
    id: uuid.UUID
    kind: Literal["escalation", "park"] = Field(
        default="escalation", description="`park`: parked with you (or your team), not escalated"
    )
    session_id: uuid.UUID
    problem_summary: str
    reason: str = Field(description="Redacted, as on the handoff")
    priority: Priority
    escalated_at: datetime
    escalated_by_name: str | None
    target_name: str | None = Field(description="The person or team it is for; null: anyone")
    you_may_claim: ClaimRight


class HomeHandoffs(ReadSchema):
    """Unclaimed handoffs meant for you: escalated to you, to one of your teams, or to no one
    in particular (the `target=me` rule of `GET /handoffs`), except those you escalated."""

    items: list[HomeHandoff]
    total: int
    account_waiting: int | None = Field(
        description="Team admins: every unclaimed handoff of the account, whoever it is for"
    )


class HomeBatch(ReadSchema):
    id: uuid.UUID
    title: str
    flow_title: str
    slot_at: datetime | None
    created_at: datetime
    assigned_to_you: int = Field(description="Your targets still to do (pending, in progress)")
    open_in_pool: int = Field(description="Unclaimed targets your team's pool still has")
    total: int = Field(description="Every target of the batch")


class HomeSlot(ReadSchema):
    schedule_id: uuid.UUID
    title: str
    at: datetime


class HomeMaintenance(ReadSchema):
    """Running batches with work for you (your targets, or your team's pool) and the next slots
    of the schedules assigned to you or your teams."""

    batches: list[HomeBatch]
    batches_total: int
    upcoming: list[HomeSlot]
    upcoming_total: int
    upcoming_days: int


class Figures(ReadSchema):
    """Sessions started in a window and what became of them."""

    sessions: int
    resolved: int = Field(description="Of those sessions, how many are resolved now")
    resolution_rate: float | None = Field(description="resolved / sessions; null: no sessions")
    median_active_seconds: float | None = Field(
        description="Median active time of the resolved ones; null: none resolved"
    )


class MyWeek(Figures):
    """Sessions you own that started in the last 7 days."""

    since: datetime


# --- team admin and up ---------------------------------------------------------------------


class HealthFigures(Figures):
    escalations: int = Field(description="Escalations raised in the window")


class HealthRow(ReadSchema):
    scope: Literal["account", "team"]
    team_id: uuid.UUID | None
    name: str
    this_week: HealthFigures
    last_week: HealthFigures


class TeamHealth(ReadSchema):
    """The last 7 days against the 7 before them: the whole account first, then each team
    (a team's figures are its members' sessions and escalations)."""

    this_week_since: datetime
    last_week_since: datetime
    rows: list[HealthRow]
    teams_total: int


class HomeProposal(ReadSchema):
    id: uuid.UUID
    kind: Literal["new_flow", "enhancement", "branch_addition"]
    title: str
    confidence: float
    evidence_count: int
    can_review: bool
    updated_at: datetime


class HomeProposals(ReadSchema):
    items: list[HomeProposal]
    total: int


class HomeFlag(ReadSchema):
    id: uuid.UUID
    step_id: uuid.UUID
    step_title: str
    reason: str
    reporter_name: str | None
    may_close: bool
    created_at: datetime


class HomeFlags(ReadSchema):
    items: list[HomeFlag]
    total: int


class HomePush(ReadSchema):
    id: uuid.UUID
    session_id: uuid.UUID
    session_title: str | None
    provider: str
    ticket_id: str
    last_error: str
    created_at: datetime


class HomePushes(ReadSchema):
    """PSA pushes that failed for good (the newest first); each can be retried."""

    items: list[HomePush]
    total: int


class HomeJob(ReadSchema):
    id: uuid.UUID
    kind: str
    title: str
    description: str
    state: JobState
    attempts: int
    max_attempts: int
    last_error: str
    updated_at: datetime


class HomeJobs(ReadSchema):
    """Background jobs failed (retrying) or dead (out of attempts), as the Jobs page's "Needs
    attention" lists them: the account's, or every account's for the super admin."""

    items: list[HomeJob]
    total: int


# --- viewer ---------------------------------------------------------------------------------


class HomeFlow(ReadSchema):
    id: uuid.UUID
    title: str
    kind: str
    category: str
    version: int
    published_at: datetime


class HomeFlows(ReadSchema):
    """The account's most recently published flows."""

    items: list[HomeFlow]
    total: int


class HomeRead(ReadSchema):
    """Sections by role (`null` when the role does not get it): engineers and up get
    `sessions`, `handoffs`, `maintenance` and `my_week`; team admins and up also `team_health`,
    `proposals`, `step_flags`, `failed_pushes` and `failed_jobs`; viewers get `flows`."""

    role: Role
    generated_at: datetime
    sessions: HomeSessions | None = None
    handoffs: HomeHandoffs | None = None
    maintenance: HomeMaintenance | None = None
    my_week: MyWeek | None = None
    team_health: TeamHealth | None = None
    proposals: HomeProposals | None = None
    step_flags: HomeFlags | None = None
    failed_pushes: HomePushes | None = None
    failed_jobs: HomeJobs | None = None
    flows: HomeFlows | None = None
