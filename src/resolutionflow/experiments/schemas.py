"""The API's shapes for A/B tests of flow versions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import Field

from resolutionflow.common.schemas import ReadSchema, WriteSchema

Variant = Literal["a", "b"]


class ExperimentCreate(WriteSchema):
    """Exactly one of `candidate_version` and `use_draft` names variant B; A is the flow's
    published version."""

    candidate_version: int | None = Field(
        default=None, ge=1, description="A published version of the flow to run as variant B"
    )
    use_draft: bool | None = Field(
        default=None,
        description="Run the current draft as variant B: it is published as a candidate "
        "version (immutable; not the flow's current version unless the test promotes it)",
    )
    split: float = Field(
        default=0.5,
        ge=0.05,
        le=0.95,
        description="The share of new sessions that get variant B (0.05 to 0.95)",
    )


class ExperimentStop(WriteSchema):
    promote: Variant | None = Field(
        default=None,
        description="`b`: B becomes the flow's published version (as a new version number); "
        "`a` or null: the published version stays as it is",
    )


class VariantResults(ReadSchema):
    variant: Variant
    version: int
    runs: int = Field(description="Sessions assigned this variant")
    open: int = Field(description="Still active or paused")
    completed: int = Field(description="Resolved, unresolved, abandoned or escalated")
    resolved: int
    resolution_rate: float | None = Field(description="resolved / completed; null before any")
    median_active_seconds: float | None = Field(
        description="Median active time of the resolved sessions"
    )
    escalations: int = Field(description="Sessions escalated at least once")
    abandoned: int


class SignificanceTest(ReadSchema):
    method: Literal["z-test", "fisher", "mann-whitney"]
    statistic: float | None = Field(description="z, the odds ratio (Fisher) or U of variant A")
    p_value: float


class ExperimentResults(ReadSchema):
    a: VariantResults
    b: VariantResults
    resolution_test: SignificanceTest | None = Field(
        description="Resolution rate B vs A: two-proportion z-test, or Fisher's exact test "
        "when an expected count is below 5; null until both variants have completed runs"
    )
    time_test: SignificanceTest | None = Field(
        description="Active time to resolve: Mann-Whitney U; null until both have resolved runs"
    )
    runs_needed_per_variant: int = Field(
        description="Completed runs per variant needed to detect a 10-point difference in "
        "resolution rate (alpha 0.05 two-sided, power 0.8)"
    )
    more_runs_needed: int = Field(
        description="How many more completed runs the smaller variant needs for that"
    )
    conclusion: str = Field(description="The results in one plain sentence")


class ExperimentRead(ReadSchema):
    id: uuid.UUID
    flow_id: uuid.UUID
    status: Literal["running", "stopped"]
    split: float = Field(description="The share of new sessions that get variant B")
    version_a: int
    version_b: int
    b_source: Literal["version", "draft"] = Field(
        description="`draft`: B is the draft as it was when the test started"
    )
    draft_revision: int | None
    started_at: datetime
    started_by_id: uuid.UUID | None
    started_by_name: str | None
    ended_at: datetime | None
    ended_by_id: uuid.UUID | None
    ended_by_name: str | None
    promoted: Variant | None
    promoted_version: int | None = Field(description="The version B became when promoted")
    results: ExperimentResults


class ExperimentPage(ReadSchema):
    items: list[ExperimentRead]
