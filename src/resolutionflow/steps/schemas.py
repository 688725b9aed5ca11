"""API shapes of the step library: steps, ratings and reviews, flags, suggestions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from resolutionflow.common.schemas import ReadSchema, WriteSchema

StepKind = Literal["question", "action", "check", "script_ref"]
FlagStatus = Literal["open", "resolved", "dismissed"]
StepSort = Literal["relevance", "rating", "uses", "updated", "title"]

Title = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]
Body = Annotated[str, StringConstraints(max_length=20000)]
Answer = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Category = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Review = Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)]
ScriptRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class StepCreate(WriteSchema):
    """A reusable step. A question needs at least two distinct answers; a script reference
    names its script. `{{variable}}` placeholders in the title or body are filled in when the
    step runs inside a flow, like any node's."""

    title: Title
    body: Body = ""
    kind: StepKind
    answers: Annotated[list[Answer], Field(max_length=20)] = Field(default_factory=list)
    tags: Annotated[list[Tag], Field(max_length=30)] = Field(default_factory=list)
    category: Category = ""
    team_id: uuid.UUID | None = Field(default=None, description="The owner team (none: account)")
    script_ref: ScriptRef | None = Field(default=None, validate_default=True)

    @field_validator("answers")
    @classmethod
    def _answers_fit_the_kind(cls, answers: list[str], info: ValidationInfo) -> list[str]:
        kind = info.data.get("kind")
        if kind == "question":
            folded = [a.casefold() for a in answers]
            if len(folded) < 2:
                raise ValueError("a question needs at least two answers")
            if len(set(folded)) != len(folded):
                raise ValueError("a question's answers must differ")
        elif answers:
            raise ValueError("only a question has answers")
        return answers

    @field_validator("tags")
    @classmethod
    def _dedupe_tags(cls, tags: list[str]) -> list[str]:
        seen: dict[str, str] = {}
        for tag in tags:
            seen.setdefault(tag.casefold(), tag)
        return list(seen.values())

    @field_validator("script_ref")
    @classmethod
    def _script_named(cls, ref: str | None, info: ValidationInfo) -> str | None:
        if info.data.get("kind") != "script_ref":
            return None
        if not ref:
            raise ValueError("a script reference step names its script")
        return ref


class StepUpdate(StepCreate):
    """The step as it should be (PUT replaces it). `revision`, when given, must be the step's
    current revision (409 otherwise: someone else saved in between)."""

    revision: int | None = Field(default=None, ge=1, le=2**31 - 1)


class RatingIn(WriteSchema):
    stars: int = Field(ge=1, le=5)
    review: Review = ""


class RatingRead(ReadSchema):
    user_id: uuid.UUID
    user_name: str
    stars: int
    review: str
    updated_at: datetime


class StepRead(ReadSchema):
    id: uuid.UUID
    title: str
    body: str
    kind: StepKind
    answers: list[str]
    tags: list[str]
    category: str
    team_id: uuid.UUID | None
    team_name: str | None
    script_ref: str | None
    variables: list[str] = Field(description="The {{variable}} names the step uses")
    revision: int
    created_by_id: uuid.UUID | None
    created_by_name: str | None
    created_at: datetime
    updated_at: datetime
    rating_avg: float | None
    rating_count: int
    verified_uses: int = Field(description="Resolved sessions that passed a linked flow node")
    open_flags: int
    linked_nodes: int = Field(description="Published flow nodes linked to this step")
    my_rating: RatingRead | None = None
    can_edit: bool
    snippet: str | None = Field(default=None, description="Matched text, <mark>ed, when searched")


class StepPage(ReadSchema):
    items: list[StepRead]
    next_cursor: str | None = None


class StepFacets(ReadSchema):
    """What the library's filters offer: every tag and category in use."""

    tags: list[str]
    categories: list[str]


class RatingPage(ReadSchema):
    items: list[RatingRead]


class FlagCreate(WriteSchema):
    reason: Reason


class FlagClose(WriteSchema):
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""


class FlagRead(ReadSchema):
    id: uuid.UUID
    step_id: uuid.UUID
    step_title: str
    team_id: uuid.UUID | None
    reason: str
    status: FlagStatus
    reporter_id: uuid.UUID | None
    reporter_name: str | None
    created_at: datetime
    closed_at: datetime | None
    closed_by_id: uuid.UUID | None
    note: str
    may_close: bool = Field(description="Whether the caller may resolve or dismiss it")


class FlagPage(ReadSchema):
    items: list[FlagRead]
    next_cursor: str | None = None


class StepSuggestion(ReadSchema):
    """A library step ranked for a problem: text relevance, and that relevance with the step's
    quality signal (ratings, verified uses, open flags) applied."""

    step: StepRead
    relevance: float
    quality: float = Field(description="-1..1: ratings, verified uses and open flags combined")
    score: float


class StepSuggestionPage(ReadSchema):
    items: list[StepSuggestion]
