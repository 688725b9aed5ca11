"""API shapes of analytics: the overview, per-flow figures and path view, the flow table with
its quality score, the coverage matrix, and the sessions behind a figure.

Every figure counts the sessions that *started* inside the range (UTC days, both ends
included); docs/analytics.md defines each one."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import ConfigDict, Field

from resolutionflow.common.schemas import ReadSchema

Outcome = Literal["resolved", "workaround", "unresolved", "abandoned", "escalated", "open"]
OUTCOMES: tuple[Outcome, ...] = (
    "resolved",
    "workaround",
    "unresolved",
    "abandoned",
    "escalated",
    "open",
)
RowsBy = Literal["category", "client"]
ColsBy = Literal["outcome", "category"]
Variant = Literal["a", "b"]


class AnalyticsRead(ReadSchema):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class Period(AnalyticsRead):
    start: date = Field(serialization_alias="from", description="First day (UTC), included")
    end: date = Field(serialization_alias="to", description="Last day (UTC), included")
    days: int


class Filters(AnalyticsRead):
    """The filters the figures were computed with (an engineer's `user_id` is always their own)."""

    team_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    flow_id: uuid.UUID | None = None
    category: str | None = None
    client: str | None = None
    experiment_id: uuid.UUID | None = None
    variant: Variant | None = None


class Headline(AnalyticsRead):
    """The headline figures of one period. Rates are shares of `sessions` (0..1, 4 decimals);
    null when there are no sessions. Times are active seconds (pauses and escalation waits
    excluded)."""

    sessions: int
    resolved: int
    resolution_rate: float | None
    mttr_seconds: float | None = Field(description="Median active time of resolved sessions")
    mttr_mean_seconds: float | None = Field(description="Mean active time of resolved sessions")
    escalated: int = Field(description="Sessions escalated at least once")
    escalation_rate: float | None
    first_contact_resolved: int = Field(description="Resolved and never escalated")
    first_contact_resolution_rate: float | None
    unresolved: int
    unresolved_rate: float | None
    abandoned: int
    abandonment_rate: float | None
    workaround_rate: float | None = Field(
        default=None,
        description="Sessions resolved with a workaround, as a share of `sessions` (they count "
        "in `resolved` too: a workaround is a resolved session whose outcome is `workaround`; "
        "`by_outcome` splits them out)",
    )


class PreviousPeriod(Headline, Period):
    """The same headline figures for the period of equal length just before."""


class OutcomeCounts(AnalyticsRead):
    """Where the period's sessions stand now; the six add up to `sessions`. `resolved` here is
    resolved *without* a workaround: the headline `resolved` is `resolved + workaround`."""

    resolved: int = Field(description="Resolved, the cause fixed (not a workaround)")
    workaround: int = Field(description="Resolved with a workaround: the cause is still there")
    unresolved: int
    abandoned: int
    escalated: int = Field(description="Escalated and waiting for a senior to pick it up")
    open: int = Field(description="Active or paused")


class TierCounts(AnalyticsRead):
    discovery: int
    exploring: int
    guided: int


class PilotFigures(AnalyticsRead):
    """FlowPilot sessions: their confidence tier (the latest), and the flow it proposed."""

    sessions: int
    tiers: TierCounts
    proposed: int = Field(description="FlowPilot sessions where FlowPilot proposed a flow")
    accepted: int
    declined: int
    accepted_rate: float | None = Field(description="accepted / proposed")


class CopilotUse(AnalyticsRead):
    sessions: int = Field(description="Sessions where the copilot offered suggestions")
    accepted_sessions: int = Field(description="Sessions where a suggestion was accepted")
    suggestions_accepted: int
    rate: float | None = Field(description="sessions / all sessions")


class PsaFunnel(AnalyticsRead):
    """Pushes of documentation to the PSA for the period's sessions."""

    queued: int = Field(description="Every push recorded (the top of the funnel)")
    sent: int
    failed: int
    pending: int = Field(description="Still queued or being sent")


class SeriesDay(AnalyticsRead):
    """A day of the range: the counts every headline rate is made of, so each has its trend."""

    day: date = Field(serialization_alias="date")
    sessions: int
    resolved: int
    escalated: int
    first_contact_resolved: int
    unresolved: int
    abandoned: int
    workaround: int
    mttr_seconds: float | None


class Overview(Headline, Period):
    filters: Filters
    by_outcome: OutcomeCounts
    pilot: PilotFigures
    copilot_use: CopilotUse
    psa_pushes: PsaFunnel
    series: list[SeriesDay] = Field(description="One row per day of the range, oldest first")
    previous: PreviousPeriod


class Rating(AnalyticsRead):
    """Stars (1-5) of the step-library steps the flow's nodes were inserted from."""

    average: float
    count: int


class NodeFigures(AnalyticsRead):
    node_id: str
    title: str
    type: str | None
    reached: int = Field(description="Runs that were shown this step at least once")
    answered: int = Field(description="Times the step was answered")
    dropped: int = Field(
        description="Runs whose last step in this flow was this one and that did not resolve"
    )
    still_open: int = Field(description="Of `dropped`: runs still active or paused here")
    median_seconds: float | None = Field(
        description="Median active time from showing to answering the step"
    )
    in_graph: bool = Field(description="False: a node of an older version only")
    rating: Rating | None


class EdgeFigures(AnalyticsRead):
    source: str
    target: str
    label: str | None
    taken: int = Field(description="Times a run answered `source` and was shown `target` next")
    in_graph: bool


class FlowAnalytics(Period):
    flow_id: uuid.UUID
    title: str
    kind: str
    category: str
    version: int | None = Field(description="The latest published version (the graph shown)")
    last_edited: datetime | None
    filters: Filters
    runs: int
    resolved: int
    resolution_rate: float | None
    median_active_seconds: float | None = Field(description="Median active time of resolved runs")
    abandoned: int
    abandonment_rate: float | None
    unresolved: int
    escalated: int
    escalation_rate: float | None
    open: int
    workaround: int = Field(description="Of `resolved`: runs resolved with a workaround")
    rating: Rating | None
    nodes: list[NodeFigures]
    edges: list[EdgeFigures]


class QualityWeights(AnalyticsRead):
    success: float
    abandonment: float
    escalation: float
    rating: float
    staleness: float


class QualityFormula(AnalyticsRead):
    text: str
    weights: QualityWeights
    stale_after_days: int
    min_runs: int


class Quality(AnalyticsRead):
    """The score (0-100, null below `min_runs` runs) and its parts (0..1, higher is better;
    rating null when nothing is rated)."""

    score: float | None
    success: float | None
    abandonment: float | None
    escalation: float | None
    rating: float | None
    staleness: float


class FlowRow(AnalyticsRead):
    flow_id: uuid.UUID
    title: str
    kind: str
    category: str
    version: int | None
    last_edited: datetime | None
    runs: int
    resolved: int
    workaround: int = Field(description="Of `resolved`: runs resolved with a workaround")
    resolution_rate: float | None
    median_active_seconds: float | None
    abandoned: int
    abandonment_rate: float | None
    escalated: int
    escalation_rate: float | None
    rating: Rating | None
    staleness_days: int
    quality: Quality


class FlowTable(Period):
    filters: Filters
    formula: QualityFormula
    items: list[FlowRow] = Field(description="Worst quality first; flows without a score last")


class CoverageCell(AnalyticsRead):
    row: str
    col: str
    count: int
    sessions_query: str = Field(
        description="Query string for GET /api/v1/analytics/sessions listing this cell's sessions"
    )


class Coverage(Period):
    rows_by: RowsBy
    cols_by: ColsBy
    filters: Filters
    rows: list[str] = Field(description="Most sessions first")
    cols: list[str]
    cells: list[CoverageCell] = Field(description="Non-empty cells only; a missing cell is 0")
    total: int


class SessionRow(AnalyticsRead):
    id: uuid.UUID
    title: str
    status: str
    outcome: Outcome
    owner_id: uuid.UUID | None
    owner_name: str | None
    flow_id: uuid.UUID | None
    flow_title: str | None
    category: str
    client: str
    escalated: bool
    active_seconds: int
    created_at: datetime
    ended_at: datetime | None
