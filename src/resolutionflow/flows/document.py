"""The flow interchange format `resolutionflow.flow/1` (DESIGN.md §5): import, export, API bodies.

These models check the *shape* only. Drafts may be invalid graphs; the graph rules live in
`validation.py` and are enforced when publishing.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

FORMAT = "resolutionflow.flow/1"
MAX_NODES = 5000
MAX_EDGES = 10000

FlowKind = Literal["troubleshooting", "procedural", "maintenance"]
NodeType = Literal["question", "action", "checklist", "input", "resolution", "subflow"]
Outcome = Literal["resolved", "unresolved", "escalate"]
# "secret": the value is kept by the runner that captured it and never sent, stored or shown.
InputType = Literal["text", "secret"]

NodeId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
ShortText = Annotated[str, StringConstraints(max_length=200)]
Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=50)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value


class Position(_Strict):
    x: float = Field(allow_inf_nan=False)
    y: float = Field(allow_inf_nan=False)


class Node(_Strict):
    id: NodeId
    type: NodeType
    title: ShortText = ""
    body: Annotated[str, StringConstraints(max_length=20000)] = ""
    position: Position | None = None
    # Type-specific fields; which ones a node needs is a validation rule, not a shape rule, so
    # an editor can change a node's type without losing what the user typed.
    items: list[Annotated[str, StringConstraints(max_length=500)]] | None = Field(
        default=None, max_length=100
    )
    variable: Annotated[str, StringConstraints(max_length=64)] | None = None
    # Input steps only; absent (older files) means "text".
    input_type: InputType | None = None
    outcome: Outcome | None = None
    flow_id: uuid.UUID | None = None
    # The library step this node was inserted from (or saved to), and the step revision it
    # copied: publishing syncs the links, the editor offers "update from library" when the
    # step's revision moved on.
    step_id: uuid.UUID | None = None
    step_revision: int | None = Field(default=None, ge=1, le=2**31 - 1)
    # An action node may reference a script of the library: the runner shows it with its risk,
    # parameters pre-filled from the session's variables, and a Copy button.
    script_id: uuid.UUID | None = None

    @field_validator("input_type", mode="after")
    @classmethod
    def _text_is_the_default(cls, value: InputType | None) -> InputType | None:
        # One spelling per meaning: "text" and no field at all export alike and never differ.
        return None if value == "text" else value

    @property
    def secret(self) -> bool:
        return self.type == "input" and self.input_type == "secret"


class Edge(_Strict):
    source: NodeId
    target: NodeId
    label: ShortText = ""


class FlowDocument(_Strict):
    format: Literal["resolutionflow.flow/1"] = "resolutionflow.flow/1"
    title: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    kind: FlowKind = "troubleshooting"
    description: Annotated[str, StringConstraints(max_length=5000)] = ""
    category: Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)] = ""
    tags: list[Tag] = Field(default_factory=list, max_length=30)
    start: NodeId | None = None
    nodes: list[Node] = Field(default_factory=list, max_length=MAX_NODES)
    edges: list[Edge] = Field(default_factory=list, max_length=MAX_EDGES)

    @field_validator("tags")
    @classmethod
    def _dedupe_tags(cls, tags: list[str]) -> list[str]:
        seen: dict[str, str] = {}
        for tag in tags:
            seen.setdefault(tag.casefold(), tag)
        return list(seen.values())

    def export(self) -> dict[str, Any]:
        """The document as stored and exported: no nulls for fields a node type doesn't use."""
        data = self.model_dump(mode="json")
        for node in data["nodes"]:
            for key in (
                "position",
                "items",
                "variable",
                "input_type",
                "outcome",
                "flow_id",
                "step_id",
                "step_revision",
                "script_id",
            ):
                if node.get(key) is None:
                    node.pop(key, None)
        return data


class FlowDocumentIn(FlowDocument):
    """The format as a request body: also accepts the editor's revision and a folder."""

    revision: int | None = Field(default=None, ge=0, description="Optimistic concurrency")
    folder_id: uuid.UUID | None = None

    def document(self) -> FlowDocument:
        return FlowDocument.model_validate(self.model_dump(exclude={"revision", "folder_id"}))
