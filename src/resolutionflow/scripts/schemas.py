"""API shapes of the script library: scripts, their parameters, rendering and drafts."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, field_validator, model_validator

from resolutionflow.common.schemas import ReadSchema, WriteSchema

Language = Literal["powershell", "bash", "cmd", "python"]
Risk = Literal["read_only", "changes_state", "destructive"]
ParamType = Literal["string", "int", "bool", "choice", "hostname", "path", "secret"]
ParamValue = str | int | bool

SECRET_MASK = "••••"  # noqa: S105 (the mask shown instead of a secret)
# Values, defaults and bodies are kept exactly as typed: a trailing space or newline may matter.
_EXACT = ConfigDict(extra="forbid", str_strip_whitespace=False)
REVIEW_NOTE = "Review before running"

Title = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$"
    ),
]
Body = Annotated[str, StringConstraints(min_length=1, max_length=50000, pattern=r"^[^\x00]*$")]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]
Choice = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]
ParamName = Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]


class ScriptParam(WriteSchema):
    """A declared parameter. `name` is an identifier used as `{{name}}` in the body; `pattern`
    is a regular expression the whole value must match; `choices` are the allowed values of a
    `choice` parameter. A secret parameter has no default: secrets are never stored."""

    model_config = _EXACT

    name: ParamName
    type: ParamType = "string"
    required: bool = False
    default: ParamValue | None = None
    pattern: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None
    choices: Annotated[list[Choice], Field(max_length=100)] = Field(default_factory=list)
    help: Annotated[str, StringConstraints(max_length=1000)] = ""

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from None
        return pattern

    @model_validator(mode="after")
    def _fits_the_type(self) -> ScriptParam:
        if self.type == "choice" and not self.choices:
            raise ValueError(f"{self.name}: a choice parameter needs choices")
        if self.type != "choice" and self.choices:
            raise ValueError(f"{self.name}: only a choice parameter has choices")
        if self.type == "secret" and self.default is not None:
            raise ValueError(f"{self.name}: a secret parameter cannot have a default")
        return self


class ScriptCreate(WriteSchema):
    """A script template. Every `{{name}}` in the body must be a declared parameter and every
    declared parameter must be used; each stands for one complete, quoted literal."""

    model_config = _EXACT

    title: Title
    language: Language
    body: Body
    params: Annotated[list[ScriptParam], Field(max_length=50)] = Field(default_factory=list)
    description: Annotated[str, StringConstraints(max_length=5000)] = ""
    tags: Annotated[list[Tag], Field(max_length=30)] = Field(default_factory=list)
    risk: Risk = "read_only"
    team_id: uuid.UUID | None = Field(default=None, description="The owner team (none: account)")


class ScriptUpdate(ScriptCreate):
    revision: int | None = Field(
        default=None, description="The revision you edited; a different current one is a 409"
    )


class ScriptRead(ReadSchema):
    id: uuid.UUID
    title: str
    language: Language
    body: str
    params: list[ScriptParam]
    description: str
    tags: list[str]
    risk: Risk
    team_id: uuid.UUID | None
    created_by_id: uuid.UUID | None
    revision: int
    can_edit: bool
    created_at: datetime
    updated_at: datetime


class ScriptPage(ReadSchema):
    items: list[ScriptRead]


class RenderIn(WriteSchema):
    model_config = _EXACT

    values: dict[ParamName, ParamValue | None] = Field(default_factory=dict, max_length=50)
    session_id: uuid.UUID | None = Field(
        default=None, description="Record 'ran script' on this session's timeline (secrets masked)"
    )


class RenderOut(ReadSchema):
    script: str
    recorded_seq: int | None = Field(default=None, description="The timeline entry, if recorded")


class DraftIn(WriteSchema):
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=3, max_length=4000)
    ]
    language: Language


class LintFinding(ReadSchema):
    line: int | None
    message: str


class ScriptDraft(ReadSchema):
    title: str
    language: Language
    body: str
    params: list[ScriptParam]
    risk: Risk
    description: str


class DraftOut(ReadSchema):
    source: Literal["model", "library"]
    message: str
    review_note: str = REVIEW_NOTE
    draft: ScriptDraft | None = None
    lint: list[LintFinding] = Field(default_factory=list)
    lint_note: str = ""
    matches: list[ScriptRead] = Field(default_factory=list)
