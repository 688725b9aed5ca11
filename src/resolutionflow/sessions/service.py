"""Sessions: start (pinning a flow version), append to the timeline through the engine, read.

Appending is serialised per session (row lock on PostgreSQL; SQLite takes the write lock at
BEGIN), so events get gap-free sequence numbers and the engine state never forks.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.analytics import timeline as timeline_fold
from resolutionflow.auth.principal import Principal
from resolutionflow.db.scoping import get_in_account
from resolutionflow.errors import Conflict, Forbidden, NotFound, ValidationFailed
from resolutionflow.escalations import repository as handoffs
from resolutionflow.experiments import assignment as experiments
from resolutionflow.flows.document import FlowDocument
from resolutionflow.models import (
    Flow,
    FlowVersion,
    Role,
    Session,
    SessionEvent,
    User,
)
from resolutionflow.redaction.inputs import shown_payload
from resolutionflow.search import index as text_index
from resolutionflow.sessions import live, repository, search
from resolutionflow.sessions import schemas as s
from resolutionflow.sessions.engine import Engine, Step, fill

ENDED = ("resolved", "unresolved", "abandoned")


# Called in the resolving transaction with (db, session, principal): where integrations (the PSA
# push on resolve) join in.
ON_RESOLVED: list[Callable[[AsyncSession, Session, Principal], Awaitable[None]]] = []
# Called in the appending transaction with (db, session, principal, event) after every event
# appended through `append_event`: where features that own sessions (maintenance batches) join in.
ON_APPENDED: list[Callable[[AsyncSession, Session, Principal, Any], Awaitable[None]]] = []
# Called in the appending transaction with (db, session, entries) after anything is appended to
# a timeline (engine steps, escalations, claims, copilot replies, ticket links): where read models
# derived from timelines (analytics) keep up.
ON_EVENTS: list[Callable[[AsyncSession, Session, list[SessionEvent]], Awaitable[None]]] = []


def _now() -> datetime:
    return datetime.now(UTC)


# --- visibility ------------------------------------------------------------------------------


async def get_session(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, *, lock: bool = False
) -> Session:
    """The session, if the caller may see it (repository.visible); else a 404."""
    return await repository.get_session(db, principal, session_id, lock=lock)


def may_work(principal: Principal, session: Session) -> None:
    if session.owner_id != principal.user_id and not principal.role.at_least(Role.team_admin):
        raise Forbidden("Only the session's owner can work on it.")


# --- flows the engine runs ---------------------------------------------------------------------


def loader(db: AsyncSession, account_id: uuid.UUID):  # type: ignore[no-untyped-def]
    async def load(flow_id: uuid.UUID, version: int | None) -> tuple[int, FlowDocument, str]:
        flow = await get_in_account(db, account_id, Flow, flow_id, what="flow")
        number = version or flow.latest_version
        if number is None:
            raise ValidationFailed(
                f"“{flow.title}” has no published version yet; publish it to run it.",
                errors=[
                    {"loc": ["body", "flow_id"], "msg": "not published", "type": "value_error"}
                ],
            )
        graph = await db.scalar(
            select(FlowVersion.graph).where(
                FlowVersion.flow_id == flow.id, FlowVersion.number == number
            )
        )
        if graph is None:
            raise NotFound(f"“{flow.title}” has no version {number}.")
        return number, FlowDocument.model_validate(graph), flow.title

    return load


# --- writing ---------------------------------------------------------------------------------


async def _append(
    db: AsyncSession,
    session: Session,
    principal: Principal,
    entries: list[tuple[str, dict[str, Any]]],
) -> list[SessionEvent]:
    return await append_as(db, session, principal.user_id, entries)


async def append_as(
    db: AsyncSession,
    session: Session,
    actor_id: uuid.UUID | None,
    entries: list[tuple[str, dict[str, Any]]],
) -> list[SessionEvent]:
    """Append to a locked session's timeline; `actor_id` None for work done by ResolutionFlow
    itself (the PSA outbox reporting a delivery)."""
    now = _now()
    events = [
        SessionEvent(
            account_id=session.account_id,
            session_id=session.id,
            seq=seq,
            type=kind,
            actor_id=actor_id,
            created_at=now,
            payload={k: v for k, v in payload.items() if v is not None},
        )
        for seq, (kind, payload) in enumerate(entries, session.last_seq + 1)
    ]
    await repository.add_events(db, events, extends=(session, now))
    for hook in ON_EVENTS:
        await hook(db, session, events)
    await live.announce(db, session.id)
    return events


def _sync(session: Session, engine: Engine) -> None:
    session.state = engine.state
    frame = engine.frame
    session.current_node = frame["node"] if frame else None
    if frame is not None:
        session.flow_id = uuid.UUID(engine.state["stack"][0]["flow_id"])
        session.flow_version = engine.state["stack"][0]["version"]


async def create_session(
    db: AsyncSession, principal: Principal, data: s.SessionCreate
) -> tuple[Session, list[SessionEvent]]:
    now = _now()
    session = Session(
        account_id=principal.account_id,
        owner_id=principal.user_id,
        title=data.title,
        status="active",
        ticket_id=data.ticket_id or None,
        state={},
        active_seconds=0,
        active_since=now,
        last_seq=0,
        summary="",
    )
    db.add(session)
    await db.flush()
    await search.index_session(db, session)
    engine = Engine({}, loader(db, principal.account_id))
    step = Step()
    flow_title = None
    assigned: list[tuple[str, dict[str, Any]]] = []
    if data.flow_id is not None:
        # A flow under an A/B test: the session runs the version of the variant it is assigned.
        assignment = await experiments.assign(db, session, data.flow_id)
        step = await engine.start(data.flow_id, assignment.version if assignment else None)
        if assignment is not None:
            assigned.append(assignment.entry(data.flow_id))
        flow_title = (await engine.graph(engine.frame))[1] if engine.frame else None
        # "Most used" in the library counts the sessions started from each flow.
        await db.execute(
            update(Flow).where(Flow.id == data.flow_id).values(use_count=Flow.use_count + 1)
        )
    _sync(session, engine)
    started = (
        "started",
        {
            "title": data.title,
            "ticket_id": data.ticket_id,
            "flow_id": str(data.flow_id) if data.flow_id else None,
            "flow_title": flow_title,
            "version": session.flow_version,
        },
    )
    events = await _append(db, session, principal, [started, *assigned, *step.entries])
    return session, events


async def append_event(
    db: AsyncSession,
    principal: Principal,
    session_id: uuid.UUID,
    event: Any,
    *,
    mark: dict[str, Any] | None = None,
) -> tuple[Session, list[SessionEvent]]:
    """`mark`: more fields for the answer entry (an answer applied from another session says
    where it came from)."""
    session = await get_session(db, principal, session_id, lock=True)
    may_work(principal, session)
    kind = event.type
    if session.status in ENDED and kind != "note":
        raise Conflict(f"This session is {session.status}; only notes can be added now.")
    if session.status == "paused" and kind not in (
        "note",
        "resume",
        "resolve",
        "mark_unresolved",
        "abandon",
    ):
        raise Conflict("This session is paused; resume it first.")
    engine = Engine(session.state, loader(db, principal.account_id))
    step = Step()
    now = _now()
    if kind == "answer":
        step = await engine.answer(
            event.node_id, event.answer, value=event.value, items=event.items, result=event.result
        )
        extra = dict(mark or {})
        if getattr(event, "apply_to_remaining", False):
            extra["apply_to_remaining"] = True
        for entry_kind, payload in step.entries:
            if entry_kind == "answer":
                payload.update(extra)
    elif kind == "check":
        step = await engine.tick(event.node_id, event.item, event.checked)
    elif kind == "back":
        step = await engine.back()
    elif kind == "switch_flow":
        # Picking a flow (or FlowPilot's accepted one) starts it: an A/B test assigns here too.
        assignment = await experiments.assign(db, session, event.flow_id)
        step = await engine.switch(event.flow_id, assignment.version if assignment else None)
        if assignment is not None and assignment.new:
            step.entries.insert(1, assignment.entry(event.flow_id))
    elif kind == "note":
        step.add("note", text=event.text)
    elif kind == "accept_suggestion":
        suggestion = await _suggestion(db, session, event.reply_seq, event.index)
        step.add("suggestion_accepted", reply_seq=event.reply_seq, index=event.index, **suggestion)
    elif kind == "command_output":
        step.add("command_output", text=event.text, command=event.command)
    elif kind == "pause":
        if session.status != "active":
            raise Conflict("Only an active session can be paused.")
        _stop_clock(session, now)
        session.status = "paused"
        step.add("paused")
    elif kind == "resume":
        if session.status != "paused":
            raise Conflict("Only a paused session can be resumed.")
        session.status, session.active_since = "active", now
        # Resuming a parked session takes it back: the park can no longer be claimed.
        parked = await handoffs.take_back_park(db, session)
        step.add("resumed", took_back_handoff_id=str(parked.id) if parked else None)
    elif kind in ("resolve", "mark_unresolved", "abandon"):
        if session.status == "paused":
            # An ended session has nothing left to hand on.
            await handoffs.take_back_park(db, session)
        _stop_clock(session, now)
        session.status = {
            "resolve": "resolved",
            "mark_unresolved": "unresolved",
            "abandon": "abandoned",
        }[kind]
        session.outcome = session.status
        if kind == "resolve" and event.outcome == "workaround":
            session.outcome = "workaround"
        session.summary = event.summary
        session.ended_at = now
        step.add(
            session.status,
            outcome="workaround" if session.outcome == "workaround" else None,
            summary=event.summary,
            follow_ups=getattr(event, "follow_ups", None) or None,
            active_seconds=session.active_seconds,
        )
    _sync(session, engine)
    events = await _append(db, session, principal, step.entries)
    if kind == "resolve":
        for hook in ON_RESOLVED:
            await hook(db, session, principal)
    for appended in ON_APPENDED:
        await appended(db, session, principal, event)
    return session, events


async def append_entries(
    db: AsyncSession,
    principal: Principal,
    session: Session,
    entries: list[tuple[str, dict[str, Any]]],
) -> list[SessionEvent]:
    """Append entries made outside the engine (attachments) to a locked session's timeline."""
    return await _append(db, session, principal, entries)


async def _suggestion(
    db: AsyncSession, session: Session, reply_seq: int, index: int
) -> dict[str, Any]:
    reply = await db.scalar(
        select(SessionEvent).where(
            SessionEvent.session_id == session.id,
            SessionEvent.seq == reply_seq,
            SessionEvent.type == "copilot_reply",
        )
    )
    suggestions = (reply.payload.get("suggestions") or []) if reply else []
    if reply is None or index >= len(suggestions):
        raise ValidationFailed(
            "No such copilot suggestion on this session.",
            errors=[{"loc": ["body", "index"], "msg": "no such suggestion", "type": "value_error"}],
        )
    chosen = suggestions[index]
    source = chosen.get("source") or {}
    return {
        "title": chosen.get("title", ""),
        "instructions": chosen.get("instructions") or None,
        "command": chosen.get("command") or None,
        "source_title": source.get("title"),
        "source_kind": source.get("kind"),
    }


def stop_clock(session: Session, now: datetime) -> None:
    """Stop counting active time (pause, end, escalation)."""
    _stop_clock(session, now)


def _stop_clock(session: Session, now: datetime) -> None:
    if session.active_since is not None:
        session.active_seconds += max(0, int((now - session.active_since).total_seconds()))
        session.active_since = None


def active_seconds(session: Session, now: datetime | None = None) -> int:
    running = 0
    if session.active_since is not None:
        running = int(((now or _now()) - session.active_since).total_seconds())
    return session.active_seconds + max(0, running)


# --- reading ---------------------------------------------------------------------------------


async def _names(db: AsyncSession, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        i: n for i, n in await db.execute(select(User.id, User.name).where(User.id.in_(wanted)))
    }


async def _flow_titles(db: AsyncSession, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        i: t for i, t in await db.execute(select(Flow.id, Flow.title).where(Flow.id.in_(wanted)))
    }


async def events_after(
    db: AsyncSession, account_id: uuid.UUID, session_id: uuid.UUID, after: int, limit: int = 200
) -> list[SessionEvent]:
    return await repository.events_after(db, account_id, session_id, after, limit)


async def events_of(db: AsyncSession, session: Session) -> list[SessionEvent]:
    return list(
        (
            await db.scalars(
                select(SessionEvent)
                .where(SessionEvent.session_id == session.id)
                .order_by(SessionEvent.seq)
            )
        ).all()
    )


def step_durations(events: list[SessionEvent]) -> dict[int, float]:
    """Active seconds each answered step took, by the answer's seq (a whole timeline, in order)."""
    return timeline_fold.answer_durations(
        timeline_fold.Entry(e.seq, e.type, e.created_at, e.payload)
        for e in events
        if e.type in timeline_fold.RELEVANT
    )


async def durations_of(
    db: AsyncSession, session: Session, events: list[SessionEvent]
) -> dict[int, float]:
    """Step durations of just-appended `events` (read from the session's whole timeline, only
    when one of them is an answer)."""
    if not any(e.type == "answer" for e in events):
        return {}
    rows = await db.execute(
        select(SessionEvent.seq, SessionEvent.type, SessionEvent.created_at, SessionEvent.payload)
        .where(
            SessionEvent.session_id == session.id,
            SessionEvent.type.in_(timeline_fold.RELEVANT),
        )
        .order_by(SessionEvent.seq)
    )
    return timeline_fold.answer_durations(
        timeline_fold.Entry(seq, kind, at, payload) for seq, kind, at, payload in rows
    )


def event_reads(
    events: list[SessionEvent],
    names: dict[uuid.UUID, str],
    durations: dict[int, float] | None = None,
) -> list[s.EventRead]:
    # Built without validation: every field comes from a stored row of the same types, and a
    # timeline is read often and grows long (validating copied each payload once more).
    durations = durations or {}
    return [
        s.EventRead.model_construct(
            id=e.id,
            seq=e.seq,
            type=e.type,
            actor_id=e.actor_id,
            actor_name=names.get(e.actor_id) if e.actor_id else None,
            created_at=e.created_at,
            payload=shown_payload(e.type, e.payload),
            duration_seconds=durations.get(e.seq),
        )
        for e in events
    ]


async def read(
    db: AsyncSession, session: Session, names: dict[uuid.UUID, str] | None = None
) -> s.SessionRead:
    """`names`: user names the caller already has (the caller's own, the timeline's actors);
    the owner's is read only when it is not among them."""
    names = names or {}
    if session.owner_id is not None and session.owner_id not in names:
        names = names | await _names(db, {session.owner_id})
    titles = await _flow_titles(db, {session.flow_id})
    engine = Engine(session.state, loader(db, session.account_id))
    step_view = None
    node, doc = await engine.current()
    frame = engine.frame
    # The engine shows captured values redacted; values only the runner holds stay {{name}} in
    # the current step, for the runner to fill in from what it kept.
    withheld = sorted(set(engine.state["withheld"]) & set(engine.state["variables"]))
    if node is not None and doc is not None and frame is not None:
        variables = {k: v for k, v in engine.state["variables"].items() if k not in withheld}
        _, flow_title = await engine.graph(frame)
        ticks = engine.state["ticks"].get(f"{frame['flow_id']}:{frame['version']}:{node.id}", [])
        step_view = s.StepView(
            node_id=node.id,
            type=node.type,
            title=fill(node.title, variables),
            body=fill(node.body, variables),
            flow_id=uuid.UUID(frame["flow_id"]),
            flow_title=flow_title,
            answers=[e.label for e in doc.edges if e.source == node.id]
            if node.type == "question"
            else [],
            items=[fill(i, variables) for i in node.items or []],
            ticked=ticks,
            variable=node.variable,
            input_type=("secret" if node.secret else "text") if node.type == "input" else None,
            outcome=node.outcome,
            script_id=node.script_id if node.type == "action" else None,
        )
    finished = engine.finished
    return s.SessionRead(
        id=session.id,
        title=session.title,
        status=session.status,
        owner_id=session.owner_id,
        owner_name=names.get(session.owner_id) if session.owner_id else None,
        flow_id=session.flow_id,
        flow_title=titles.get(session.flow_id) if session.flow_id else None,
        flow_version=session.flow_version,
        ticket_id=session.ticket_id,
        current_node=session.current_node,
        current_step=step_view,
        flow_outcome=finished["outcome"] if finished else None,
        variables=dict(engine.state["variables"]),
        withheld_variables=withheld,
        outcome=session.outcome,
        summary=session.summary,
        active_seconds=active_seconds(session),
        created_at=session.created_at,
        updated_at=session.updated_at,
        ended_at=session.ended_at,
        last_seq=session.last_seq,
        mode=session.mode or "guided",
        experiment_id=session.experiment_id,
        variant=session.variant,
    )


async def detail(db: AsyncSession, session: Session) -> s.SessionDetail:
    events = await events_of(db, session)
    names = await _names(db, {session.owner_id, *(e.actor_id for e in events)})
    head = await read(db, session, names)
    return s.SessionDetail.model_construct(
        **{name: getattr(head, name) for name in type(head).model_fields},
        timeline=event_reads(events, names, step_durations(events)),
    )


async def list_sessions(
    db: AsyncSession,
    principal: Principal,
    *,
    scope: str,
    status: str | None,
    flow_id: uuid.UUID | None,
    ticket_id: str | None,
    q: str | None,
    outcome: str | None = None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    offset: int,
) -> tuple[list[s.SessionSummary], bool]:
    found = None
    if q:
        # Full-text, every term as a word prefix, over titles, tickets, notes and outputs.
        found = text_index.parents_matching(db, principal.account_id, q, search.KINDS)
        if found is None:
            return [], False
    rows = await repository.sessions_page(
        db,
        principal,
        scope=scope,
        status=status,
        outcome=outcome,
        flow_id=flow_id,
        ticket_id=ticket_id,
        matching=found,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )
    page = rows[:limit]
    names = await _names(db, {r.owner_id for r in page})
    titles = await _flow_titles(db, {r.flow_id for r in page})
    return [
        s.SessionSummary(
            id=r.id,
            title=r.title,
            status=r.status,
            owner_id=r.owner_id,
            owner_name=names.get(r.owner_id) if r.owner_id else None,
            flow_id=r.flow_id,
            flow_title=titles.get(r.flow_id) if r.flow_id else None,
            ticket_id=r.ticket_id,
            outcome=r.outcome,
            active_seconds=active_seconds(r),
            created_at=r.created_at,
            updated_at=r.updated_at,
        )
        for r in page
    ], len(rows) > limit
