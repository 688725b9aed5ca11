"""API shapes of FlowPilot."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.pilot.triage import Triage
from resolutionflow.sessions.schemas import SessionDetail

StepType = Literal["question", "action", "resolution_suggestion", "fork"]
ActionKind = Literal["instruction", "script", "verification", "info_request"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20_000)]


class IntakeIn(WriteSchema):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=20_000)]
    ticket_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = (
        None
    )


class SourceRef(ReadSchema):
    """What a step came from: a flow, a past session, a knowledge document or a library step."""

    kind: Literal["flow", "session", "knowledge", "step"]
    id: uuid.UUID
    title: str


class Hypothesis(ReadSchema):
    id: str
    title: str
    why: str = ""


class FixDraft(ReadSchema):
    title: str
    instructions: str = ""
    command: str | None = None


class InferredAnswer(ReadSchema):
    """Why a question was answered from the intake instead of being asked."""

    evidence: str = Field(description="The intake's sentence that answers the question")
    confidence: float = Field(description="Share of the question's key terms that sentence says")
    via: str | None = Field(
        default=None,
        description="The later question the sentence answers, when this answer is implied by "
        "the branch that leads to it rather than said (null when said)",
    )


class PilotStepRead(ReadSchema):
    id: uuid.UUID
    ordinal: int
    type: StepType
    confidence: float
    source: str
    status: str
    # question
    text: str | None = None
    options: list[str] = []
    allow_text: bool = False
    purpose: str | None = None
    # action
    kind: ActionKind | None = None
    title: str | None = None
    instructions: str | None = None
    command: str | None = None
    expected: str | None = None
    # resolution_suggestion
    summary: str | None = None
    fix: FixDraft | None = None
    follow_ups: list[str] = []
    # fork
    hypotheses: list[Hypothesis] = []
    source_ref: SourceRef | None = None
    step_id: uuid.UUID | None = Field(
        default=None,
        description="The step-library step this suggestion comes from (/steps/{id}), if any",
    )
    answer: dict[str, Any] | None = None
    inferred: InferredAnswer | None = Field(
        default=None,
        description="Set when FlowPilot answered this flow question from the intake (skipped "
        "it); the step's answer is that inferred answer. POST …/revisit goes back to it",
    )


class RevisitIn(WriteSchema):
    """Nothing to send: the step in the path is the one gone back to."""


class StepAnswerIn(WriteSchema):
    option: Annotated[str, StringConstraints(max_length=300)] | None = None
    text: Text | None = None
    skip: bool = False

    @model_validator(mode="after")
    def _something(self) -> StepAnswerIn:
        if not self.skip and not self.option and not self.text:
            raise ValueError("give an option, some text, or skip")
        return self


class MatchedFlow(ReadSchema):
    id: uuid.UUID
    title: str
    score: float


class FactRead(ReadSchema):
    id: uuid.UUID
    text: str
    origin: Literal["ai", "engineer"]
    status: Literal["proposed", "confirmed", "deleted"]
    created_at: datetime
    updated_at: datetime


class FactIn(WriteSchema):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class FactPatch(WriteSchema):
    text: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
        | None
    ) = None
    status: Literal["confirmed", "deleted"] | None = None


class FixRead(ReadSchema):
    id: uuid.UUID
    title: str
    instructions: str
    command: str | None
    status: Literal["proposed", "verifying", "applied", "dismissed"]
    outcome: Literal["success", "failed", "partial", "pending"] | None
    note: str
    created_at: datetime
    updated_at: datetime


class FixIn(WriteSchema):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
    instructions: Text = ""
    command: Annotated[str, StringConstraints(max_length=2000)] | None = None


class FixPatch(WriteSchema):
    status: Literal["verifying", "applied", "dismissed"] | None = None
    outcome: Literal["success", "failed", "partial", "pending"] | None = None
    note: Text | None = None


class PilotState(ReadSchema):
    session_id: uuid.UUID
    intake: dict[str, Any]
    triage: Triage
    triage_edited: list[str]
    confidence: float
    tier: Literal["discovery", "exploring", "guided"]
    matched_flow: MatchedFlow | None
    flow_decision: Literal["proposed", "accepted", "declined"] | None
    pilot_step: PilotStepRead | None
    steps: list[PilotStepRead]
    facts: list[FactRead]
    fixes: list[FixRead]
    model: str
    note: str | None = None


class StepResult(ReadSchema):
    """What answering a step returns: the next step and the updated confidence and tier."""

    pilot_step: PilotStepRead | None
    confidence: float
    tier: Literal["discovery", "exploring", "guided"]
    facts: list[FactRead] = Field(default_factory=list)
    note: str | None = None


class ResolutionPackage(ReadSchema):
    psa_note: str
    kb_article: str
    client_summary: str
    model: str
    note: str | None = None


class SessionCreated(SessionDetail):
    """A new session; FlowPilot sessions also carry the matched flow, the confidence and tier,
    and the first structured step."""

    matched_flow: MatchedFlow | None = None
    confidence: float | None = None
    tier: Literal["discovery", "exploring", "guided"] | None = None
    pilot_step: PilotStepRead | None = None
