"""Every analytics query, scoped to one account in one place. Figures are aggregated in the
database (GROUP BY, and medians by window functions, on SQLite and PostgreSQL alike); rows come
to Python only per day, per flow, per node or per matrix cell.

A `Scope` is the set of sessions a figure counts: the account's sessions started in a period,
narrowed by the filters."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    and_,
    case,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.analytics.timeline import RELEVANT, Entry, Folded
from resolutionflow.db.scoping import readable
from resolutionflow.errors import NotFound
from resolutionflow.models import (
    Experiment,
    Flow,
    FlowVersion,
    Handoff,
    PsaPush,
    Schedule,
    Session,
    SessionEvent,
    StepLink,
    StepRating,
    Team,
    TeamMembership,
    User,
)
from resolutionflow.models.analytics import SessionFact, StepVisit

# A select of any columns.
AnySelect = Select[*tuple[Any, ...]]

UNCATEGORISED = "Uncategorised"
UNKNOWN_CLIENT = "Unknown"


@dataclass(frozen=True)
class Scope:
    account_id: uuid.UUID
    start: datetime
    end: datetime  # exclusive
    user_id: uuid.UUID | None = None
    team_id: uuid.UUID | None = None
    flow_id: uuid.UUID | None = None
    category: str | None = None
    client: str | None = None
    outcome: str | None = None
    experiment_id: uuid.UUID | None = None
    variant: str | None = None

    def shifted(self, start: datetime, end: datetime) -> Scope:
        return replace(self, start=start, end=end)


# --- expressions -------------------------------------------------------------------------------


def category_expr() -> ColumnElement[str]:
    """The flow's category, else FlowPilot's triage category, else "Uncategorised" (needs the
    outer join with Flow that `_base` adds)."""
    triage = Session.pilot[("triage", "category")].as_string()
    return func.coalesce(
        func.nullif(Flow.category, ""), func.nullif(triage, ""), literal(UNCATEGORISED)
    )


def client_expr() -> ColumnElement[str]:
    return func.coalesce(SessionFact.client, literal(UNKNOWN_CLIENT))


def outcome_expr() -> ColumnElement[str]:
    """What a session counts as: its status when it ended or waits for a senior, "workaround"
    for a resolved session whose outcome is a workaround (so "resolved" is resolved without
    one), else "open"."""
    return case(
        (
            and_(Session.status == "resolved", Session.outcome == "workaround"),
            literal("workaround"),
        ),
        (Session.status.in_(("resolved", "unresolved", "abandoned", "escalated")), Session.status),
        else_=literal("open"),
    )


def escalated_expr() -> ColumnElement[bool]:
    """Escalated at least once (an escalation handoff exists; claimed or not). Parking a
    session with a colleague is not an escalation."""
    return exists().where(Handoff.session_id == Session.id, Handoff.kind == "escalation")


def _day(db: AsyncSession, column: Any) -> ColumnElement[str]:
    """The UTC day of a timestamp as 'YYYY-MM-DD'."""
    if db.bind is not None and db.bind.dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM-DD")
    # SQLite keeps UTC timestamps as 'YYYY-MM-DD HH:MM:SS[.ffffff]'.
    return func.substr(column, 1, 10)


@dataclass(frozen=True)
class _Needs:
    flow: bool = False
    fact: bool = False


def _conditions(scope: Scope) -> tuple[list[ColumnElement[bool]], _Needs]:
    conds: list[ColumnElement[bool]] = [
        Session.account_id == scope.account_id,
        Session.created_at >= scope.start,
        Session.created_at < scope.end,
    ]
    needs = _Needs()
    if scope.user_id is not None:
        conds.append(Session.owner_id == scope.user_id)
    if scope.team_id is not None:
        members = select(TeamMembership.user_id).where(
            TeamMembership.account_id == scope.account_id, TeamMembership.team_id == scope.team_id
        )
        conds.append(Session.owner_id.in_(members))
    if scope.flow_id is not None:
        conds.append(Session.flow_id == scope.flow_id)
    if scope.experiment_id is not None:
        conds.append(Session.experiment_id == scope.experiment_id)
    if scope.variant is not None:
        conds.append(Session.variant == scope.variant)
    if scope.outcome is not None:
        conds.append(outcome_expr() == scope.outcome)
    if scope.category is not None:
        conds.append(category_expr() == scope.category)
        needs = replace(needs, flow=True)
    if scope.client is not None:
        conds.append(client_expr() == scope.client)
        needs = replace(needs, fact=True)
    return conds, needs


def _base(scope: Scope, *columns: Any, flow: bool = False, fact: bool = False) -> AnySelect:
    """SELECT columns FROM the scope's sessions (with the joins the filters or columns need)."""
    conds, needs = _conditions(scope)
    query = select(*columns).select_from(Session)
    if flow or needs.flow:
        query = query.outerjoin(Flow, Flow.id == Session.flow_id)
    if fact or needs.fact:
        query = query.outerjoin(SessionFact, SessionFact.session_id == Session.id)
    return query.where(*conds)


def _median_query(rows: AnySelect, value: str, partition: Sequence[str] = ()) -> AnySelect:
    """The median of `value` per `partition` over `rows` (a select with those labelled
    columns): the middle row, or the mean of the two middle rows, by window functions."""
    inner = rows.subquery()
    parts = [inner.c[p] for p in partition]
    ranked = select(
        *parts,
        inner.c[value].label("v"),
        func.row_number().over(partition_by=parts or None, order_by=inner.c[value]).label("rn"),
        func.count().over(partition_by=parts or None).label("n"),
    ).subquery()
    keys = [ranked.c[p] for p in partition]
    middle = or_(ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2)
    return select(*keys, func.avg(cast(ranked.c.v, Float))).where(middle).group_by(*keys)


def _f(value: Any) -> float | None:
    return None if value is None else float(value)


# --- lookups ------------------------------------------------------------------------------------


async def team_in_account(db: AsyncSession, account_id: uuid.UUID, team_id: uuid.UUID) -> None:
    if await db.scalar(readable(account_id, Team).where(Team.id == team_id)) is None:
        raise NotFound(f"No team with id {team_id}.")


async def user_in_account(db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID) -> None:
    if await db.scalar(select(User.id).where(User.account_id == account_id, User.id == user_id)):
        return
    raise NotFound(f"No user with id {user_id}.")


async def flow_in_account(db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID) -> Flow:
    flow = await db.scalar(readable(account_id, Flow).where(Flow.id == flow_id))
    if flow is None:
        raise NotFound(f"No flow with id {flow_id}.")
    return flow


async def experiment_in_account(
    db: AsyncSession, account_id: uuid.UUID, experiment_id: uuid.UUID
) -> None:
    found = await db.scalar(
        select(Experiment.id).where(
            Experiment.account_id == account_id, Experiment.id == experiment_id
        )
    )
    if found is None:
        raise NotFound(f"No experiment with id {experiment_id}.")


async def graph_of(db: AsyncSession, flow: Flow) -> dict[str, Any]:
    """The latest published graph, else the draft."""
    if flow.latest_version is not None:
        graph = await db.scalar(
            select(FlowVersion.graph).where(
                FlowVersion.account_id == flow.account_id,
                FlowVersion.flow_id == flow.id,
                FlowVersion.number == flow.latest_version,
            )
        )
        if graph is not None:
            return dict(graph)
    return dict(flow.draft or {})


async def version_graph(db: AsyncSession, flow: Flow, number: int) -> dict[str, Any]:
    graph = await db.scalar(
        select(FlowVersion.graph).where(
            FlowVersion.account_id == flow.account_id,
            FlowVersion.flow_id == flow.id,
            FlowVersion.number == number,
        )
    )
    return dict(graph or {})


async def live_flows(db: AsyncSession, account_id: uuid.UUID) -> list[Flow]:
    rows = await db.scalars(
        readable(account_id, Flow).where(Flow.archived_at.is_(None)).order_by(Flow.title)
    )
    return list(rows.all())


# --- session figures -------------------------------------------------------------------------


@dataclass
class StatusCount:
    key: str | None  # the day or flow id as text (None when not grouped)
    status: str
    escalated: bool
    count: int
    active_seconds: int
    workaround: bool = False  # resolved with a workaround (status resolved)


async def status_counts(db: AsyncSession, scope: Scope, by: str | None = None) -> list[StatusCount]:
    """Sessions per status and escalated-or-not, optionally per "day" or per "flow"."""
    key: ColumnElement[Any] = literal(None)
    if by == "day":
        key = _day(db, Session.created_at)
    elif by == "flow":
        key = Session.flow_id.expression
    inner = _base(
        scope,
        key.label("k"),
        Session.status.label("status"),
        case((escalated_expr(), 1), else_=0).label("esc"),
        Session.active_seconds.label("secs"),
        case((Session.outcome == "workaround", 1), else_=0).label("wa"),
    ).subquery()
    rows = await db.execute(
        select(
            inner.c.k,
            inner.c.status,
            inner.c.esc,
            inner.c.wa,
            func.count(),
            func.sum(inner.c.secs),
        ).group_by(inner.c.k, inner.c.status, inner.c.esc, inner.c.wa)
    )
    return [
        StatusCount(
            key=None if k is None else str(k),
            status=status,
            escalated=bool(esc),
            count=int(n),
            active_seconds=int(secs or 0),
            workaround=bool(wa),
        )
        for k, status, esc, wa, n, secs in rows
    ]


async def resolved_medians(
    db: AsyncSession, scope: Scope, by: str | None = None
) -> dict[str | None, float]:
    """Median active seconds of resolved sessions (workarounds included), overall (key None) or
    per day / flow."""
    columns: list[Any] = [Session.active_seconds.label("secs")]
    partition: list[str] = []
    if by == "day":
        columns.append(_day(db, Session.created_at).label("k"))
        partition = ["k"]
    elif by == "flow":
        columns.append(Session.flow_id.label("k"))
        partition = ["k"]
    resolved = _base(scope, *columns).where(Session.status == "resolved")
    rows = await db.execute(_median_query(resolved, "secs", partition))
    out: dict[str | None, float] = {}
    for row in rows:
        key, median = (row[0], row[1]) if partition else (None, row[0])
        if median is not None:
            out[None if key is None else str(key)] = float(median)
    return out


async def pilot_counts(db: AsyncSession, scope: Scope) -> list[tuple[str | None, str | None, int]]:
    """FlowPilot sessions per (tier, flow decision)."""
    inner = (
        _base(
            scope,
            Session.pilot["tier"].as_string().label("tier"),
            Session.pilot["flow_decision"].as_string().label("decision"),
        )
        .where(Session.mode == "pilot")
        .subquery()
    )
    rows = await db.execute(
        select(inner.c.tier, inner.c.decision, func.count()).group_by(
            inner.c.tier, inner.c.decision
        )
    )
    return [(tier, decision, int(n)) for tier, decision, n in rows]


async def copilot_counts(db: AsyncSession, scope: Scope) -> tuple[int, int, int]:
    """(sessions offered suggestions, sessions that accepted one, suggestions accepted)."""
    row = (
        await db.execute(
            _base(
                scope,
                func.sum(case((SessionFact.copilot_suggested > 0, 1), else_=0)),
                func.sum(case((SessionFact.copilot_accepted > 0, 1), else_=0)),
                func.sum(SessionFact.copilot_accepted),
                fact=True,
            )
        )
    ).one()
    return int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)


async def push_counts(db: AsyncSession, scope: Scope) -> dict[str, int]:
    rows = await db.execute(
        _base(scope, PsaPush.state, func.count())
        .join(PsaPush, PsaPush.session_id == Session.id)
        .where(PsaPush.account_id == scope.account_id)
        .group_by(PsaPush.state)
    )
    return {state: int(n) for state, n in rows}


async def matrix(
    db: AsyncSession, scope: Scope, rows_by: str, cols_by: str
) -> list[tuple[str, str, int]]:
    exprs = {"category": category_expr(), "client": client_expr(), "outcome": outcome_expr()}
    inner = _base(
        scope,
        exprs[rows_by].label("r"),
        exprs[cols_by].label("c"),
        flow="category" in (rows_by, cols_by),
        fact="client" in (rows_by, cols_by),
    ).subquery()
    rows = await db.execute(
        select(inner.c.r, inner.c.c, func.count()).group_by(inner.c.r, inner.c.c)
    )
    return [(str(r), str(c), int(n)) for r, c, n in rows]


async def session_page(
    db: AsyncSession, scope: Scope, limit: int, offset: int
) -> list[tuple[Any, ...]]:
    """The scope's sessions, newest first, with what the drill-down list shows."""
    query = (
        _base(
            scope,
            Session.id,
            Session.title,
            Session.status,
            outcome_expr(),
            Session.owner_id,
            User.name,
            Session.flow_id,
            Flow.title,
            category_expr(),
            client_expr(),
            escalated_expr(),
            Session.active_seconds,
            Session.active_since,
            Session.created_at,
            Session.ended_at,
            flow=True,
            fact=True,
        )
        .outerjoin(User, User.id == Session.owner_id)
        .order_by(Session.created_at.desc(), Session.id)
        .offset(offset)
        .limit(limit + 1)
    )
    return [tuple(row) for row in await db.execute(query)]


# --- ratings ----------------------------------------------------------------------------------


async def flow_ratings(
    db: AsyncSession, account_id: uuid.UUID, flow_ids: Sequence[uuid.UUID] | None = None
) -> dict[uuid.UUID, tuple[float, int]]:
    """(average stars, ratings) of the library steps each flow's nodes came from."""
    query = (
        select(StepLink.flow_id, func.avg(cast(StepRating.stars, Float)), func.count())
        .join(StepRating, StepRating.step_id == StepLink.step_id)
        .where(StepLink.account_id == account_id, StepRating.account_id == account_id)
        .group_by(StepLink.flow_id)
    )
    if flow_ids is not None:
        query = query.where(StepLink.flow_id.in_(list(flow_ids)))
    return {fid: (float(avg), int(n)) for fid, avg, n in await db.execute(query)}


async def node_ratings(
    db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID
) -> dict[str, tuple[float, int]]:
    rows = await db.execute(
        select(StepLink.node_id, func.avg(cast(StepRating.stars, Float)), func.count())
        .join(StepRating, StepRating.step_id == StepLink.step_id)
        .where(
            StepLink.account_id == account_id,
            StepRating.account_id == account_id,
            StepLink.flow_id == flow_id,
        )
        .group_by(StepLink.node_id)
    )
    return {node: (float(avg), int(n)) for node, avg, n in rows}


# --- the path view ------------------------------------------------------------------------------


def _visits(scope: Scope, *columns: Any) -> AnySelect:
    """SELECT columns FROM the scope's sessions (a flow's runs) JOIN their visits of that flow."""
    assert scope.flow_id is not None
    return (
        _base(scope, *columns)
        .join(StepVisit, StepVisit.session_id == Session.id)
        .where(StepVisit.account_id == scope.account_id, StepVisit.flow_id == scope.flow_id)
    )


@dataclass
class NodeCount:
    reached: int
    answered: int
    dropped: int
    still_open: int


async def node_counts(db: AsyncSession, scope: Scope) -> dict[str, NodeCount]:
    """Per node of the scope's flow: runs shown it, times answered, and runs whose latest step
    in the flow it is and that did not resolve (of which still active or paused)."""
    last = StepVisit.last_in_flow.is_(True)
    not_resolved = and_(last, Session.status != "resolved")
    still_open = and_(last, Session.status.in_(("active", "paused")))
    rows = await db.execute(
        _visits(
            scope,
            StepVisit.node_id,
            func.count(func.distinct(StepVisit.session_id)),
            func.sum(case((StepVisit.answered, 1), else_=0)),
            func.sum(case((not_resolved, 1), else_=0)),
            func.sum(case((still_open, 1), else_=0)),
        ).group_by(StepVisit.node_id)
    )
    return {
        node: NodeCount(int(reached), int(answered or 0), int(dropped or 0), int(opened or 0))
        for node, reached, answered, dropped, opened in rows
    }


async def node_medians(db: AsyncSession, scope: Scope) -> dict[str, float]:
    """Per node: the median active seconds from showing to answering."""
    answered = _visits(
        scope, StepVisit.node_id.label("k"), StepVisit.active_seconds.label("secs")
    ).where(StepVisit.answered.is_(True), StepVisit.active_seconds.is_not(None))
    rows = await db.execute(_median_query(answered, "secs", ["k"]))
    return {str(row[0]): float(row[1]) for row in rows}


async def transitions(db: AsyncSession, scope: Scope) -> dict[tuple[str, str], int]:
    """How often a run answered one step and was shown the next."""
    rows = await db.execute(
        _visits(scope, StepVisit.prev_node_id, StepVisit.node_id, func.count())
        .where(StepVisit.prev_node_id.is_not(None))
        .group_by(StepVisit.prev_node_id, StepVisit.node_id)
    )
    return {(str(prev), str(node)): int(n) for prev, node, n in rows}


# --- keeping the read models up to date -------------------------------------------------------


async def fact(
    db: AsyncSession, account_id: uuid.UUID, session_id: uuid.UUID
) -> SessionFact | None:
    return await db.scalar(
        readable(account_id, SessionFact).where(SessionFact.session_id == session_id)
    )


async def facts(
    db: AsyncSession, account_id: uuid.UUID, session_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, SessionFact]:
    rows = await db.scalars(
        readable(account_id, SessionFact).where(SessionFact.session_id.in_(list(session_ids)))
    )
    return {f.session_id: f for f in rows}


async def entries_after(
    db: AsyncSession, account_id: uuid.UUID, after: dict[uuid.UUID, int]
) -> dict[uuid.UUID, list[Entry]]:
    """The relevant timeline entries of each session after the seq given for it."""
    out: dict[uuid.UUID, list[Entry]] = {sid: [] for sid in after}
    if not after:
        return out
    low = min(after.values())
    rows = await db.execute(
        select(
            SessionEvent.session_id,
            SessionEvent.seq,
            SessionEvent.type,
            SessionEvent.created_at,
            SessionEvent.payload,
        )
        .where(
            SessionEvent.account_id == account_id,
            SessionEvent.session_id.in_(list(after)),
            SessionEvent.seq > low,
            SessionEvent.type.in_(sorted(RELEVANT)),
        )
        .order_by(SessionEvent.session_id, SessionEvent.seq)
    )
    for sid, seq, kind, created_at, payload in rows:
        if seq > after[sid]:
            out[sid].append(Entry(seq, kind, created_at, payload or {}))
    return out


async def stale_sessions(
    db: AsyncSession, account_id: uuid.UUID, limit: int
) -> list[tuple[uuid.UUID, int]]:
    """Sessions whose timeline has entries their fact has not read (or that have no fact), as
    (id, last seq); locked, skipping any being appended to right now (PostgreSQL)."""
    query = (
        select(Session.id, Session.last_seq)
        .outerjoin(SessionFact, SessionFact.session_id == Session.id)
        .where(
            Session.account_id == account_id,
            or_(SessionFact.session_id.is_(None), SessionFact.through_seq < Session.last_seq),
        )
        .order_by(Session.created_at, Session.id)
        .limit(limit)
    )
    if db.bind is not None and db.bind.dialect.name == "postgresql":
        query = query.with_for_update(of=Session, skip_locked=True)
    return [(sid, int(seq)) for sid, seq in await db.execute(query)]


async def has_schedule(db: AsyncSession, account_id: uuid.UUID, owner: str, kind: str) -> bool:
    found = await db.scalar(
        select(Schedule.id).where(
            Schedule.account_id == account_id, Schedule.owner == owner, Schedule.job_kind == kind
        )
    )
    return found is not None


async def write_fold(
    db: AsyncSession,
    account_id: uuid.UUID,
    session_id: uuid.UUID,
    existing: SessionFact | None,
    folded: Folded,
    *,
    replace: bool,
) -> None:
    """Stores a fold's outcome: the fact row, new visits, and changes to earlier ones.
    `replace`: the fold read the whole timeline; whatever visits exist are replaced."""
    state = folded.state.model_dump(mode="json")
    if replace:
        await db.execute(
            delete(StepVisit).where(
                StepVisit.account_id == account_id, StepVisit.session_id == session_id
            )
        )
    if existing is None:
        db.add(
            SessionFact(
                account_id=account_id,
                session_id=session_id,
                through_seq=folded.through_seq,
                client=folded.client,
                escalated=folded.escalated,
                copilot_suggested=folded.copilot_suggested,
                copilot_accepted=folded.copilot_accepted,
                state=state,
            )
        )
    else:
        existing.through_seq = folded.through_seq
        existing.client = folded.client
        existing.escalated = folded.escalated
        existing.copilot_suggested = folded.copilot_suggested
        existing.copilot_accepted = folded.copilot_accepted
        existing.state = state
    for seq, values in folded.changed.items():
        await db.execute(
            update(StepVisit)
            .where(
                StepVisit.account_id == account_id,
                StepVisit.session_id == session_id,
                StepVisit.seq == seq,
            )
            .values(**values)
        )
    if folded.opened:
        await db.execute(
            insert(StepVisit),
            [
                {
                    "id": uuid.uuid4(),
                    "account_id": account_id,
                    "session_id": session_id,
                    "seq": v.seq,
                    "flow_id": v.flow_id,
                    "flow_version": v.flow_version,
                    "node_id": v.node_id,
                    "shown_at": v.shown_at,
                    "ended_at": v.ended_at,
                    "answered": v.answered,
                    "active_seconds": v.active_seconds,
                    "prev_node_id": v.prev_node_id,
                    "last_in_flow": v.last_in_flow,
                }
                for v in folded.opened.values()
            ],
        )
    # The sessionmaker does not autoflush: a second append in the same transaction must find
    # this fact row.
    await db.flush()
