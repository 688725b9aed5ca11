"""Analytics: who sees which figures, the period arithmetic, and the figures themselves
assembled from the repository's aggregates (docs/analytics.md defines each one).

Roles: team admins and the super admin see their account (narrowed by the filters); engineers
see their own sessions only (`user_id` is forced to theirs, another user's id is a 403);
viewers run no sessions and get a 403 at the route.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.analytics import repository as repo
from resolutionflow.analytics import schemas as s
from resolutionflow.analytics.repository import Scope, StatusCount
from resolutionflow.auth.principal import Principal
from resolutionflow.errors import Forbidden, ValidationFailed
from resolutionflow.models import Flow, Role

DEFAULT_DAYS = 30
MAX_DAYS = 366
SESSIONS_PAGE_MAX = 200
SESSIONS_CSV_MAX = 10_000  # rows in the sessions list's CSV (docs/analytics.md)

# The flow quality score (docs/analytics.md): each part is 0..1, higher is better.
WEIGHTS = s.QualityWeights(success=0.4, abandonment=0.2, escalation=0.2, rating=0.1, staleness=0.1)
STALE_AFTER_DAYS = 365
MIN_RUNS = 5
FORMULA = (
    "score = 100 * (0.4 * success + 0.2 * abandonment + 0.2 * escalation + 0.1 * rating "
    "+ 0.1 * staleness) / (sum of the weights of the parts present), where success = resolved "
    "/ runs, abandonment = 1 - abandoned / runs, escalation = 1 - escalated / runs, rating = "
    "(average stars - 1) / 4 (left out when no linked step is rated), staleness = 1 - "
    f"min(1, days since the last edit / {STALE_AFTER_DAYS}). No score below {MIN_RUNS} runs. "
    "Worst first."
)


def _today() -> date:
    return datetime.now(UTC).date()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Params:
    """What the caller asked for (every analytics route takes these query parameters)."""

    start: date | None = None
    end: date | None = None
    team_id: uuid.UUID | None = None
    user_id: uuid.UUID | None = None
    flow_id: uuid.UUID | None = None
    category: str | None = None
    client: str | None = None
    experiment_id: uuid.UUID | None = None
    variant: str | None = None


def _invalid(field: str, message: str) -> ValidationFailed:
    return ValidationFailed(
        message, errors=[{"loc": ["query", field], "msg": message, "type": "value_error"}]
    )


def period(start: date | None, end: date | None, today: date | None = None) -> s.Period:
    """The inclusive UTC days asked for: by default the 30 days up to today."""
    end = end or today or _today()
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise _invalid("from", "`from` is after `to`.")
    days = (end - start).days + 1
    if days > MAX_DAYS:
        raise _invalid("from", f"The range is {days} days; at most {MAX_DAYS} days are allowed.")
    if end >= date.max:
        raise _invalid("to", "`to` is out of range.")
    return s.Period(start=start, end=end, days=days)


def _bounds(p: s.Period) -> tuple[datetime, datetime]:
    start = datetime.combine(p.start, time.min, tzinfo=UTC)
    return start, datetime.combine(p.end + timedelta(days=1), time.min, tzinfo=UTC)


def previous(p: s.Period) -> s.Period:
    end = p.start - timedelta(days=1)
    return s.Period(start=end - timedelta(days=p.days - 1), end=end, days=p.days)


async def resolve(
    db: AsyncSession, principal: Principal, params: Params
) -> tuple[Scope, s.Filters, s.Period]:
    """The sessions the caller may count under these parameters (404 for another account's
    team, user, flow or experiment; 403 for an engineer asking for someone else)."""
    p = period(params.start, params.end)
    user_id = params.user_id
    if not principal.role.at_least(Role.team_admin):
        if user_id is not None and user_id != principal.user_id:
            raise Forbidden(
                "Engineers see their own figures only: leave user_id out or give your own."
            )
        user_id = principal.user_id
    account = principal.account_id
    if params.team_id is not None:
        await repo.team_in_account(db, account, params.team_id)
    if user_id is not None and user_id != principal.user_id:
        await repo.user_in_account(db, account, user_id)
    if params.flow_id is not None:
        await repo.flow_in_account(db, account, params.flow_id)
    if params.experiment_id is not None:
        await repo.experiment_in_account(db, account, params.experiment_id)
    start, end = _bounds(p)
    scope = Scope(
        account_id=account,
        start=start,
        end=end,
        user_id=user_id,
        team_id=params.team_id,
        flow_id=params.flow_id,
        category=params.category,
        client=params.client,
        experiment_id=params.experiment_id,
        variant=params.variant,
    )
    filters = s.Filters(
        team_id=params.team_id,
        user_id=user_id,
        flow_id=params.flow_id,
        category=params.category,
        client=params.client,
        experiment_id=params.experiment_id,
        variant=params.variant,
    )
    return scope, filters, p


# --- arithmetic ------------------------------------------------------------------------------


def rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _seconds(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass
class Tally:
    sessions: int = 0
    resolved: int = 0
    unresolved: int = 0
    abandoned: int = 0
    escalated_now: int = 0
    open: int = 0
    escalated: int = 0
    first_contact: int = 0
    resolved_seconds: int = 0
    workaround: int = 0  # of `resolved`: closed with a workaround

    def add(self, c: StatusCount) -> None:
        self.sessions += c.count
        if c.status == "resolved":
            self.resolved += c.count
            if c.workaround:
                self.workaround += c.count
            self.resolved_seconds += c.active_seconds
            if not c.escalated:
                self.first_contact += c.count
        elif c.status == "unresolved":
            self.unresolved += c.count
        elif c.status == "abandoned":
            self.abandoned += c.count
        elif c.status == "escalated":
            self.escalated_now += c.count
        else:
            self.open += c.count
        if c.escalated:
            self.escalated += c.count

    def headline(self, median: float | None) -> dict[str, Any]:
        n = self.sessions
        return {
            "sessions": n,
            "resolved": self.resolved,
            "resolution_rate": rate(self.resolved, n),
            "mttr_seconds": _seconds(median),
            "mttr_mean_seconds": _seconds(self.resolved_seconds / self.resolved)
            if self.resolved
            else None,
            "escalated": self.escalated,
            "escalation_rate": rate(self.escalated, n),
            "first_contact_resolved": self.first_contact,
            "first_contact_resolution_rate": rate(self.first_contact, n),
            "unresolved": self.unresolved,
            "unresolved_rate": rate(self.unresolved, n),
            "abandoned": self.abandoned,
            "abandonment_rate": rate(self.abandoned, n),
            "workaround_rate": rate(self.workaround, n),
        }


def _tallies(counts: list[StatusCount]) -> tuple[Tally, dict[str | None, Tally]]:
    total, per = Tally(), dict[str | None, Tally]()
    for c in counts:
        total.add(c)
        per.setdefault(c.key, Tally()).add(c)
    return total, per


# --- the overview ------------------------------------------------------------------------------


async def overview(db: AsyncSession, principal: Principal, params: Params) -> s.Overview:
    scope, filters, p = await resolve(db, principal, params)
    total, per_day = _tallies(await repo.status_counts(db, scope, by="day"))
    day_medians = await repo.resolved_medians(db, scope, by="day")
    median = (await repo.resolved_medians(db, scope)).get(None)
    series = []
    for i in range(p.days):
        day = p.start + timedelta(days=i)
        t = per_day.get(day.isoformat(), Tally())
        series.append(
            s.SeriesDay(
                day=day,
                sessions=t.sessions,
                resolved=t.resolved,
                escalated=t.escalated,
                first_contact_resolved=t.first_contact,
                unresolved=t.unresolved,
                abandoned=t.abandoned,
                workaround=t.workaround,
                mttr_seconds=_seconds(day_medians.get(day.isoformat())),
            )
        )
    prev = previous(p)
    prev_scope = scope.shifted(*_bounds(prev))
    prev_total, _ = _tallies(await repo.status_counts(db, prev_scope))
    prev_median = (await repo.resolved_medians(db, prev_scope)).get(None)

    tiers = {"discovery": 0, "exploring": 0, "guided": 0}
    decisions = {"accepted": 0, "declined": 0, "proposed": 0}
    pilot_sessions = 0
    for tier, decision, n in await repo.pilot_counts(db, scope):
        pilot_sessions += n
        tiers[tier if tier in tiers else "discovery"] += n
        if decision in ("accepted", "declined", "proposed"):
            decisions["proposed"] += n
            if decision != "proposed":
                decisions[decision] += n
    suggested, accepted_sessions, accepted = await repo.copilot_counts(db, scope)
    pushes = await repo.push_counts(db, scope)
    return s.Overview(
        start=p.start,
        end=p.end,
        days=p.days,
        filters=filters,
        **total.headline(median),
        by_outcome=s.OutcomeCounts(
            resolved=total.resolved - total.workaround,
            workaround=total.workaround,
            unresolved=total.unresolved,
            abandoned=total.abandoned,
            escalated=total.escalated_now,
            open=total.open,
        ),
        pilot=s.PilotFigures(
            sessions=pilot_sessions,
            tiers=s.TierCounts(**tiers),
            proposed=decisions["proposed"],
            accepted=decisions["accepted"],
            declined=decisions["declined"],
            accepted_rate=rate(decisions["accepted"], decisions["proposed"]),
        ),
        copilot_use=s.CopilotUse(
            sessions=suggested,
            accepted_sessions=accepted_sessions,
            suggestions_accepted=accepted,
            rate=rate(suggested, total.sessions),
        ),
        psa_pushes=s.PsaFunnel(
            queued=sum(pushes.values()),
            sent=pushes.get("sent", 0),
            failed=pushes.get("failed", 0),
            pending=pushes.get("queued", 0) + pushes.get("sending", 0),
        ),
        series=series,
        previous=s.PreviousPeriod(
            start=prev.start, end=prev.end, days=prev.days, **prev_total.headline(prev_median)
        ),
    )


# --- flows -------------------------------------------------------------------------------------


def _rating(value: tuple[float, int] | None) -> s.Rating | None:
    return s.Rating(average=round(value[0], 2), count=value[1]) if value else None


def _last_edited(flow: Flow) -> datetime | None:
    # Not updated_at: starting a session bumps the flow's use count, which is not an edit.
    return flow.draft_updated_at or flow.created_at


def quality(t: Tally, rating: s.Rating | None, last_edited: datetime | None) -> s.Quality:
    days = max(0, (_now() - last_edited).days) if last_edited else STALE_AFTER_DAYS
    staleness = 1 - min(1.0, days / STALE_AFTER_DAYS)
    parts: dict[str, float | None] = {
        "success": None,
        "abandonment": None,
        "escalation": None,
        "rating": (rating.average - 1) / 4 if rating else None,
        "staleness": staleness,
    }
    score = None
    if t.sessions >= MIN_RUNS:
        parts["success"] = t.resolved / t.sessions
        parts["abandonment"] = 1 - t.abandoned / t.sessions
        parts["escalation"] = 1 - t.escalated / t.sessions
        weights = WEIGHTS.model_dump()
        used = {k: v for k, v in parts.items() if v is not None}
        score = round(
            100 * sum(weights[k] * v for k, v in used.items()) / sum(weights[k] for k in used), 1
        )
    return s.Quality(
        score=score,
        **{k: (None if v is None else round(v, 4)) for k, v in parts.items()},
    )


async def flow_table(db: AsyncSession, principal: Principal, params: Params) -> s.FlowTable:
    scope, filters, p = await resolve(db, principal, params)
    _, per_flow = _tallies(await repo.status_counts(db, scope, by="flow"))
    medians = await repo.resolved_medians(db, scope, by="flow")
    flows = await repo.live_flows(db, scope.account_id)
    if params.flow_id is not None:
        flows = [f for f in flows if f.id == params.flow_id]
    ratings = await repo.flow_ratings(db, scope.account_id)
    rows = []
    for flow in flows:
        t = per_flow.get(str(flow.id), Tally())
        rating = _rating(ratings.get(flow.id))
        edited = _last_edited(flow)
        rows.append(
            s.FlowRow(
                flow_id=flow.id,
                title=flow.title,
                kind=flow.kind,
                category=flow.category,
                version=flow.latest_version,
                last_edited=edited,
                runs=t.sessions,
                resolved=t.resolved,
                workaround=t.workaround,
                resolution_rate=rate(t.resolved, t.sessions),
                median_active_seconds=_seconds(medians.get(str(flow.id))),
                abandoned=t.abandoned,
                abandonment_rate=rate(t.abandoned, t.sessions),
                escalated=t.escalated,
                escalation_rate=rate(t.escalated, t.sessions),
                rating=rating,
                staleness_days=max(0, (_now() - edited).days) if edited else 0,
                quality=quality(t, rating, edited),
            )
        )
    rows.sort(
        key=lambda r: (
            r.quality.score is None,
            r.quality.score if r.quality.score is not None else 0.0,
            -r.runs,
            r.title.casefold(),
        )
    )
    return s.FlowTable(
        start=p.start,
        end=p.end,
        days=p.days,
        filters=filters,
        formula=s.QualityFormula(
            text=FORMULA, weights=WEIGHTS, stale_after_days=STALE_AFTER_DAYS, min_runs=MIN_RUNS
        ),
        items=rows,
    )


def _graph(graph: dict[str, Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = [n for n in graph.get("nodes") or [] if isinstance(n, dict) and n.get("id")]
    edges = [
        e
        for e in graph.get("edges") or []
        if isinstance(e, dict) and e.get("source") and e.get("target")
    ]
    return nodes, edges


async def flow_detail(
    db: AsyncSession, principal: Principal, flow_id: uuid.UUID, params: Params
) -> s.FlowAnalytics:
    flow = await repo.flow_in_account(db, principal.account_id, flow_id)
    scope, filters, p = await resolve(db, principal, Params(**{**params.__dict__, "flow_id": None}))
    scope = Scope(**{**scope.__dict__, "flow_id": flow.id})
    filters = filters.model_copy(update={"flow_id": flow.id})
    total, _ = _tallies(await repo.status_counts(db, scope))
    median = (await repo.resolved_medians(db, scope)).get(None)
    counts = await repo.node_counts(db, scope)
    medians = await repo.node_medians(db, scope)
    taken = await repo.transitions(db, scope)
    node_ratings = await repo.node_ratings(db, scope.account_id, flow.id)
    flow_rating = _rating((await repo.flow_ratings(db, scope.account_id, [flow.id])).get(flow.id))

    graph_nodes, graph_edges = _graph(await repo.graph_of(db, flow))
    known = {str(n["id"]) for n in graph_nodes}
    extra = sorted(set(counts) - known)
    old: dict[str, dict[str, Any]] = {}
    if extra:
        for number in range((flow.latest_version or 0) - 1, 0, -1):
            older = await repo.version_graph(db, flow, number)
            for n in _graph(older)[0]:
                old.setdefault(str(n["id"]), n)
            if all(e in old for e in extra):
                break

    def node(n: dict[str, Any], in_graph: bool) -> s.NodeFigures:
        nid = str(n["id"])
        c = counts.get(nid) or repo.NodeCount(0, 0, 0, 0)
        return s.NodeFigures(
            node_id=nid,
            title=str(n.get("title") or nid),
            type=n.get("type"),
            reached=c.reached,
            answered=c.answered,
            dropped=c.dropped,
            still_open=c.still_open,
            median_seconds=_seconds(medians.get(nid)),
            in_graph=in_graph,
            rating=_rating(node_ratings.get(nid)),
        )

    nodes = [node(n, True) for n in graph_nodes]
    nodes += [node(old.get(nid, {"id": nid}), False) for nid in extra]
    edges = []
    seen: set[tuple[str, str]] = set()
    for e in graph_edges:
        key = (str(e["source"]), str(e["target"]))
        seen.add(key)
        edges.append(
            s.EdgeFigures(
                source=key[0],
                target=key[1],
                label=str(e.get("label") or ""),
                taken=taken.get(key, 0),
                in_graph=True,
            )
        )
    for key in sorted(set(taken) - seen):
        edges.append(
            s.EdgeFigures(
                source=key[0], target=key[1], label=None, taken=taken[key], in_graph=False
            )
        )
    return s.FlowAnalytics(
        start=p.start,
        end=p.end,
        days=p.days,
        flow_id=flow.id,
        title=flow.title,
        kind=flow.kind,
        category=flow.category,
        version=flow.latest_version,
        last_edited=_last_edited(flow),
        filters=filters,
        runs=total.sessions,
        resolved=total.resolved,
        resolution_rate=rate(total.resolved, total.sessions),
        median_active_seconds=_seconds(median),
        abandoned=total.abandoned,
        abandonment_rate=rate(total.abandoned, total.sessions),
        unresolved=total.unresolved,
        escalated=total.escalated,
        escalation_rate=rate(total.escalated, total.sessions),
        open=total.open + total.escalated_now,
        workaround=total.workaround,
        rating=flow_rating,
        nodes=nodes,
        edges=edges,
    )


# --- coverage and the sessions behind a figure --------------------------------------------------


def _query(p: s.Period, filters: s.Filters, **more: str) -> str:
    values: dict[str, str] = {"from": p.start.isoformat(), "to": p.end.isoformat()}
    for name, value in filters.model_dump(exclude_none=True).items():
        values[name] = str(value)
    values.update(more)
    return urlencode(values)


async def coverage(
    db: AsyncSession, principal: Principal, params: Params, rows_by: str, cols_by: str
) -> s.Coverage:
    if rows_by == cols_by:
        raise _invalid("cols", f"Rows and columns are both `{rows_by}`; pick two different ones.")
    scope, filters, p = await resolve(db, principal, params)
    cells = await repo.matrix(db, scope, rows_by, cols_by)
    row_totals: dict[str, int] = {}
    col_totals: dict[str, int] = {}
    for r, c, n in cells:
        row_totals[r] = row_totals.get(r, 0) + n
        col_totals[c] = col_totals.get(c, 0) + n

    def by_total(totals: dict[str, int]) -> list[str]:
        return sorted(totals, key=lambda k: (-totals[k], k.casefold()))

    cols = list(s.OUTCOMES) if cols_by == "outcome" else by_total(col_totals)
    row_keys = by_total(row_totals)
    rank = {k: i for i, k in enumerate(row_keys)}
    col_rank = {k: i for i, k in enumerate(cols)}
    return s.Coverage(
        start=p.start,
        end=p.end,
        days=p.days,
        rows_by=rows_by,
        cols_by=cols_by,
        filters=filters,
        rows=row_keys,
        cols=cols,
        cells=[
            s.CoverageCell(
                row=r, col=c, count=n, sessions_query=_query(p, filters, **{rows_by: r, cols_by: c})
            )
            for r, c, n in sorted(cells, key=lambda x: (rank[x[0]], col_rank.get(x[1], 99)))
        ],
        total=sum(row_totals.values()),
    )


async def sessions(
    db: AsyncSession,
    principal: Principal,
    params: Params,
    outcome: str | None,
    limit: int,
    offset: int,
) -> tuple[list[s.SessionRow], bool]:
    scope, _, _ = await resolve(db, principal, params)
    if outcome is not None:
        scope = Scope(**{**scope.__dict__, "outcome": outcome})
    return await _session_rows(db, scope, limit, offset)


async def sessions_export(
    db: AsyncSession, principal: Principal, params: Params, outcome: str | None
) -> tuple[s.Period, list[s.SessionRow], bool]:
    """Every session of the list (newest first) up to SESSIONS_CSV_MAX, and whether there were
    more."""
    scope, _, p = await resolve(db, principal, params)
    if outcome is not None:
        scope = Scope(**{**scope.__dict__, "outcome": outcome})
    items, more = await _session_rows(db, scope, SESSIONS_CSV_MAX, 0)
    return s.Period(start=p.start, end=p.end, days=p.days), items, more


async def _session_rows(
    db: AsyncSession, scope: Scope, limit: int, offset: int
) -> tuple[list[s.SessionRow], bool]:
    rows = await repo.session_page(db, scope, limit, offset)
    now = _now()
    items = []
    for (
        sid, title, status, out, owner_id, owner_name, flow_id, flow_title, category, client,
        escalated, active, active_since, created_at, ended_at,
    ) in rows[:limit]:  # fmt: skip
        running = int((now - active_since).total_seconds()) if active_since else 0
        items.append(
            s.SessionRow(
                id=sid,
                title=title,
                status=status,
                outcome=out,
                owner_id=owner_id,
                owner_name=owner_name,
                flow_id=flow_id,
                flow_title=flow_title,
                category=category,
                client=client,
                escalated=bool(escalated),
                active_seconds=active + max(0, running),
                created_at=created_at,
                ended_at=ended_at,
            )
        )
    return items, len(rows) > limit
