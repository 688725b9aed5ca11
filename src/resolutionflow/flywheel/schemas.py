"""The API shapes of proposals, the review queue and coverage gaps."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from resolutionflow.steps.schemas import FlagRead

ProposalKind = Literal["new_flow", "enhancement", "branch_addition"]
ProposalStatus = Literal["open", "approved", "dismissed", "rejected"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(BaseModel):
    session_id: uuid.UUID
    title: str
    status: str
    ended_at: datetime | None = None
    engineer_id: uuid.UUID | None = None
    link: str


class CommentRead(BaseModel):
    id: uuid.UUID
    author_id: uuid.UUID | None
    author_name: str | None
    text: str
    created_at: datetime


class ProposalRead(BaseModel):
    id: uuid.UUID
    kind: ProposalKind
    status: ProposalStatus
    title: str
    rationale: str
    confidence: float
    evidence: list[Evidence]
    evidence_count: int
    first_seen_at: datetime | None
    last_seen_at: datetime | None
    span_days: int
    reinforced_count: int
    reinforced_at: datetime | None
    flow_id: uuid.UUID | None = None
    flow_version: int | None = None
    draft: dict[str, Any] | None = None
    source: str
    worded_by: str
    team_id: uuid.UUID | None
    reject_reason: str | None = None
    reviewed_at: datetime | None = None
    result_flow_id: uuid.UUID | None = None
    can_review: bool
    comments: list[CommentRead] = Field(default_factory=list)
    created_at: datetime
    updated_at: datetime


class ProposalPage(BaseModel):
    items: list[ProposalRead]
    # Open "this step is wrong" flags from the step library: reviewed in the same queue (only
    # with the open proposals).
    step_flags: list[FlagRead] = Field(default_factory=list)


class RunStarted(BaseModel):
    job_id: uuid.UUID


class Approved(BaseModel):
    flow_id: uuid.UUID
    draft_version: int | None = None


class RejectIn(_In):
    reason: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class CommentIn(_In):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class ProposalCounts(BaseModel):
    open: int = 0
    approved: int = 0
    dismissed: int = 0
    rejected: int = 0
    step_flags: int = 0


class GapTrend(BaseModel):
    last_7_days: int
    previous_7_days: int
    direction: Literal["rising", "falling", "steady"]


class GapEngineer(BaseModel):
    id: uuid.UUID
    name: str


class Gap(BaseModel):
    key: str
    label: str
    keywords: list[str]
    count: int
    examples: list[str]
    sources: dict[str, int]
    last_seen: datetime
    trend: GapTrend
    engineers: list[GapEngineer]
    session_ids: list[uuid.UUID]


class GapPage(BaseModel):
    items: list[Gap]


class GapDraftIn(_In):
    session_ids: list[uuid.UUID] = Field(min_length=1, max_length=200)
    title: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None


class GapDrafted(BaseModel):
    flow_id: uuid.UUID
    draft_version: int
    proposal_id: uuid.UUID
