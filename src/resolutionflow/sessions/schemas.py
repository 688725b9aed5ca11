"""API shapes of sessions, their timeline events, and the events clients append."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from resolutionflow.ai.images import MAX_IMAGES
from resolutionflow.common.schemas import ReadSchema, WriteSchema

SessionStatus = Literal["active", "paused", "escalated", "resolved", "unresolved", "abandoned"]
# How an ended session ended. A workaround is a resolved session (status `resolved`) whose
# outcome says the cause is still there: everything that counts resolved sessions keeps working.
SessionOutcome = Literal["resolved", "workaround", "unresolved", "abandoned"]
Text = Annotated[str, StringConstraints(max_length=20_000)]


class IntakeFile(WriteSchema):
    """A screenshot or a log given with the intake (base64): kept as a session attachment."""

    filename: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    data_base64: Annotated[str, StringConstraints(min_length=1, max_length=7_000_000)]


class PilotIntake(WriteSchema):
    """What FlowPilot starts from: free text (a ticket, a pasted log, a description), and
    screenshots or log files."""

    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=20_000)]
    ticket_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = (
        None
    )
    files: list[IntakeFile] = Field(default_factory=list, max_length=MAX_IMAGES)


class SessionCreate(WriteSchema):
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    flow_id: uuid.UUID | None = None
    ticket_id: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] | None = (
        None
    )
    # "pilot": FlowPilot proposes the steps from `intake` (required then; flow_id must be unset).
    mode: Literal["guided", "pilot"] = "guided"
    intake: PilotIntake | None = None

    @model_validator(mode="after")
    def _pilot_needs_intake(self) -> SessionCreate:
        if self.mode == "pilot" and self.intake is None:
            raise ValueError('a FlowPilot session needs an intake: {"text": ...}')
        if self.mode == "pilot" and self.flow_id is not None:
            raise ValueError("FlowPilot matches the flow itself; leave flow_id unset")
        return self


class StepView(ReadSchema):
    """The step the session is on, ready to show (captured values filled into its text)."""

    node_id: str
    type: str
    title: str
    body: str
    flow_id: uuid.UUID
    flow_title: str
    answers: list[str] = []
    items: list[str] = []
    ticked: list[int] = []
    variable: str | None = None
    input_type: Literal["text", "secret"] | None = Field(
        default=None,
        description="Input steps: `secret` values are kept by the runner and never sent",
    )
    outcome: str | None = None
    script_id: uuid.UUID | None = Field(
        default=None, description="Action steps: the library script the step runs, if any"
    )


class EventRead(ReadSchema):
    id: uuid.UUID
    seq: int
    type: str
    actor_id: uuid.UUID | None
    actor_name: str | None
    created_at: datetime
    payload: dict[str, Any]
    duration_seconds: float | None = Field(
        default=None,
        description="Answers: the active seconds from the step being shown to this answer "
        "(pauses, parking and escalation waits excluded)",
    )


class SessionRead(ReadSchema):
    id: uuid.UUID
    title: str
    status: SessionStatus
    owner_id: uuid.UUID | None
    owner_name: str | None
    flow_id: uuid.UUID | None
    flow_title: str | None
    flow_version: int | None
    ticket_id: str | None
    current_node: str | None
    current_step: StepView | None
    flow_outcome: str | None = Field(description="Set when the flow reached a resolution step")
    variables: dict[str, str] = Field(
        description="Captured values as they may be shown: secrets as “••• (secret captured)”, "
        "secret-looking values redacted"
    )
    withheld_variables: list[str] = Field(
        default_factory=list,
        description="Captured values only the runner that captured them holds (secrets, "
        "redacted values): `current_step` leaves these as {{name}} for the runner to fill in",
    )
    outcome: SessionOutcome | None = Field(
        description="Set when the session ended: resolved, workaround (status resolved), "
        "unresolved or abandoned"
    )
    summary: str
    active_seconds: int
    created_at: datetime
    updated_at: datetime
    ended_at: datetime | None
    last_seq: int
    mode: Literal["guided", "pilot"] = "guided"
    experiment_id: uuid.UUID | None = Field(
        default=None, description="The A/B test that assigned this session's flow version"
    )
    variant: Literal["a", "b"] | None = Field(
        default=None, description="The variant of that test the session runs (kept after it ends)"
    )


class SessionDetail(SessionRead):
    timeline: list[EventRead]


class SessionSummary(ReadSchema):
    id: uuid.UUID
    title: str
    status: SessionStatus
    owner_id: uuid.UUID | None
    owner_name: str | None
    flow_id: uuid.UUID | None
    flow_title: str | None
    ticket_id: str | None
    outcome: SessionOutcome | None = None
    active_seconds: int
    created_at: datetime
    updated_at: datetime


class EventsAppended(ReadSchema):
    session: SessionRead
    events: list[EventRead]


# --- what clients append -------------------------------------------------------------------


class AnswerIn(WriteSchema):
    type: Literal["answer"]
    node_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    answer: Annotated[str, StringConstraints(max_length=200)] = ""
    value: Annotated[str, StringConstraints(max_length=2000)] | None = None
    items: list[int | Annotated[str, StringConstraints(max_length=500)]] | None = Field(
        default=None, max_length=100
    )
    result: Text | None = None
    apply_to_remaining: bool | None = Field(
        default=None,
        description="On a maintenance batch session: give the same answer on every remaining "
        "target of the batch that is at this step (each records where it came from)",
    )


class CheckIn(WriteSchema):
    type: Literal["check"]
    node_id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    item: int | Annotated[str, StringConstraints(max_length=500)]
    checked: bool = True


class NoteIn(WriteSchema):
    type: Literal["note"]
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]


class CommandOutputIn(WriteSchema):
    type: Literal["command_output"]
    # Kept verbatim: no stripping, whitespace is part of terminal output.
    text: Annotated[
        str, StringConstraints(min_length=1, max_length=200_000, strip_whitespace=False)
    ]
    command: Annotated[str, StringConstraints(max_length=2000)] | None = None


class BackIn(WriteSchema):
    type: Literal["back"]


class SwitchFlowIn(WriteSchema):
    type: Literal["switch_flow"]
    flow_id: uuid.UUID


class PauseIn(WriteSchema):
    type: Literal["pause"]


class ResumeIn(WriteSchema):
    type: Literal["resume"]


class ResolveIn(WriteSchema):
    type: Literal["resolve"]
    outcome: Literal["resolved", "workaround"] = Field(
        default="resolved",
        description="`workaround`: the user can work, the cause is still there (the session "
        "is resolved; its outcome says workaround)",
    )
    summary: Text = ""
    follow_ups: list[Annotated[str, StringConstraints(max_length=500)]] = Field(
        default_factory=list, max_length=20
    )


class MarkUnresolvedIn(WriteSchema):
    type: Literal["mark_unresolved"]
    summary: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)
    ]
    follow_ups: list[Annotated[str, StringConstraints(max_length=500)]] = Field(
        default_factory=list, max_length=20
    )


class AcceptSuggestionIn(WriteSchema):
    """Follow one of a copilot reply's suggestions: it becomes a step on the timeline."""

    type: Literal["accept_suggestion"]
    reply_seq: Annotated[int, Field(ge=1)]
    index: Annotated[int, Field(ge=0, le=7)]


class AbandonIn(WriteSchema):
    type: Literal["abandon"]
    summary: Text = ""


EventIn = Annotated[
    AnswerIn
    | CheckIn
    | NoteIn
    | CommandOutputIn
    | BackIn
    | SwitchFlowIn
    | PauseIn
    | ResumeIn
    | ResolveIn
    | MarkUnresolvedIn
    | AbandonIn
    | AcceptSuggestionIn,
    Field(discriminator="type"),
]
