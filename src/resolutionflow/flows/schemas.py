"""API shapes of flows, versions and folders (the graph itself is `document.FlowDocument`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import Field

from resolutionflow.common.schemas import Name, ReadSchema, WriteSchema
from resolutionflow.flows.diff import FlowDiff
from resolutionflow.flows.validation import Problem


class FlowSummary(ReadSchema):
    id: uuid.UUID
    title: str
    kind: str
    description: str
    category: str
    tags: list[str]
    folder_id: uuid.UUID | None
    owner_id: uuid.UUID | None
    owner_name: str | None
    archived: bool
    latest_version: int | None
    draft_revision: int
    has_unpublished_changes: bool
    use_count: int
    created_at: datetime
    updated_at: datetime
    snippet: str | None = None


class FlowRead(FlowSummary):
    draft: dict[str, Any]
    draft_updated_at: datetime | None
    draft_updated_by_name: str | None


class FlowMove(WriteSchema):
    folder_id: uuid.UUID | None


class ValidationReport(ReadSchema):
    valid: bool
    problems: list[Problem]


class PublishRequest(WriteSchema):
    change_note: str = Field(default="", max_length=2000)


class Published(ReadSchema):
    version: int


class VersionSummary(ReadSchema):
    number: int
    change_note: str
    published_at: datetime
    published_by_name: str | None
    node_count: int
    candidate: bool = Field(
        default=False,
        description="Published for an A/B test's variant B; not the flow's current version",
    )


class VersionRead(ReadSchema):
    number: int
    change_note: str
    published_at: datetime
    published_by_name: str | None
    graph: dict[str, Any]


class DiffRead(FlowDiff):
    pass


class Facet(ReadSchema):
    name: str
    count: int


class Facets(ReadSchema):
    categories: list[Facet]
    tags: list[Facet]


class ImportedLibrary(ReadSchema):
    imported: list[FlowSummary]


SortOrder = Literal["relevance", "updated", "used"]


class FolderRead(ReadSchema):
    id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None
    flow_count: int


class FolderCreate(WriteSchema):
    name: Name
    parent_id: uuid.UUID | None = None


class FolderUpdate(WriteSchema):
    name: Name | None = None
    parent_id: uuid.UUID | None = None
