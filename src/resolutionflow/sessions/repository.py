"""Queries over sessions (scoped to what the caller may see), their timelines (scoped to the
account), their private scratchpads (scoped to one person of one account) and their attachments
(scoped to the session's account). A session the caller may not see is a 404.

A scratchpad is read and written only by its writer; nothing else in the code reads this
table (notes, shares, exports, search and prompts all read the timeline)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from sqlalchemy import (
    Select,
    Subquery,
    Table,
    and_,
    bindparam,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.sql.dml import UpdateBase

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import Handoff, Role, TeamMembership
from resolutionflow.models.attachment import SessionAttachment
from resolutionflow.models.session import Session, SessionEvent, SessionScratchpad
from resolutionflow.search import index as search
from resolutionflow.sessions.search import event_rows


def _visible(account_id: Any, user_id: Any, *, admin: bool) -> Any:
    condition = Session.account_id == account_id
    if admin:
        return condition
    escalated = select(Handoff.session_id).where(
        Handoff.account_id == account_id, Handoff.escalated_by_id == user_id
    )
    return and_(condition, or_(Session.owner_id == user_id, Session.id.in_(escalated)))


def visible(principal: Principal) -> Any:
    """Who sees a session: its owner (after a claim, the senior who picked it up), the engineer
    who escalated it (they follow what happens to it), and team admins. Share links widen this
    through their own routes."""
    return _visible(
        principal.account_id, principal.user_id, admin=principal.role.at_least(Role.team_admin)
    )


def _one_session(*, admin: bool, lock: bool) -> Select[Session]:
    query = select(Session).where(
        Session.id == bindparam("session_id"),
        _visible(bindparam("account_id"), bindparam("user_id"), admin=admin),
    )
    return query.with_for_update() if lock else query


# Built once, as `visible()` with parameters: every request that touches a session (each append
# among them) runs one, and composing it each time cost about a tenth of an append's CPU.
_ONE_SESSION = {
    (admin, lock): _one_session(admin=admin, lock=lock)
    for admin in (False, True)
    for lock in (False, True)
}


async def get_session(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, *, lock: bool = False
) -> Session:
    admin = principal.role.at_least(Role.team_admin)
    params = {"session_id": session_id, "account_id": principal.account_id}
    if not admin:
        params["user_id"] = principal.user_id
    session = await db.scalar(_ONE_SESSION[admin, lock], params)
    if session is None:
        raise NotFound(f"No session with id {session_id}.")
    return session


_EVENTS = cast(Table, SessionEvent.__table__)
_EVENT_COLUMNS = sa_inspect(SessionEvent).column_attrs
_ONE_STATEMENT_MAX = 16


async def add_events(
    db: AsyncSession,
    events: list[SessionEvent],
    extends: tuple[Session, datetime] | None = None,
) -> None:
    """Store new timeline entries and their search rows. `extends`: the one (locked) session
    they are appended to and the time, written with them as its `last_seq` and `updated_at`;
    without it, their sessions are already stored (a batch's new sessions).

    On PostgreSQL an append's few entries, rows and session update go in one statement: an
    append is a handful of round trips, and under load each costs about a tenth of its
    throughput. A batch's many go as one statement per table. The entries then belong to `db`
    as if loaded."""
    if not events:
        if extends is not None:
            extends[0].updated_at = extends[1]
        await db.flush()
        return
    values = []
    for event in events:
        if event.id is None:
            event.id = uuid.uuid4()
        values.append({prop.columns[0].key: getattr(event, prop.key) for prop in _EVENT_COLUMNS})
    rows = event_rows(events)
    if len(events) <= _ONE_STATEMENT_MAX and db.get_bind().dialect.name == "postgresql":
        params = search.along_params(db, rows)
        for i, entry in enumerate(values):
            params.update({f"entry{i}_{name}": value for name, value in entry.items()})
        if extends is not None:
            session, now = extends
            # Written by the statement: recorded as stored, so the flush below leaves them out.
            set_committed_value(session, "last_seq", events[-1].seq)
            set_committed_value(session, "updated_at", now)
            params.update(session_id=session.id, last_seq=events[-1].seq, updated_at=now)
        await db.flush()  # whatever else of the session changed (its state, its status)
        await db.execute(_entries_and_rows(len(values), len(rows), extends is not None), params)
    else:
        if extends is not None:
            session, now = extends
            session.last_seq, session.updated_at = events[-1].seq, now
        await db.flush()
        await db.execute(insert(_EVENTS), values[0] if len(values) == 1 else values)
        await search.add(db, rows)
    for event in events:
        make_transient_to_detached(event)
        db.add(event)


@functools.lru_cache(maxsize=64)
def _entries_and_rows(entries: int, rows: int, extends: bool) -> UpdateBase:
    """`entries` timeline entries, `rows` search rows and (`extends`) the session's update in
    one statement, built once."""
    writes: list[UpdateBase] = [
        insert(_EVENTS).values(
            {c.key: bindparam(f"entry{i}_{c.key}", type_=c.type) for c in _EVENTS.columns}
        )
        for i in range(entries)
    ]
    if extends:
        writes.append(
            update(Session)
            .where(Session.id == bindparam("session_id"))
            .values(last_seq=bindparam("last_seq"), updated_at=bindparam("updated_at"))
        )
    if rows:
        return search.insert_along(rows, [w.cte(f"write_{i}") for i, w in enumerate(writes)])
    *others, last = writes
    return last.add_cte(*(w.cte(f"write_{i}") for i, w in enumerate(others)))


async def sessions_page(
    db: AsyncSession,
    principal: Principal,
    *,
    scope: str,
    status: str | None,
    outcome: str | None,
    flow_id: uuid.UUID | None,
    ticket_id: str | None,
    matching: Subquery | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    offset: int,
) -> list[Session]:
    """The sessions the caller sees (`scope` "mine": their own; "team": theirs and their
    teammates'), filtered, most recently updated first; `matching`: only sessions among its
    `parent_id`s. One more than `limit`, so the caller knows whether there is more."""
    query = select(Session).where(visible(principal))
    if scope == "mine":
        query = query.where(Session.owner_id == principal.user_id)
    elif scope == "team":
        # People who share at least one team with the caller (the caller included).
        my_teams = select(TeamMembership.team_id).where(TeamMembership.user_id == principal.user_id)
        teammates = select(TeamMembership.user_id).where(TeamMembership.team_id.in_(my_teams))
        query = query.where(
            or_(Session.owner_id == principal.user_id, Session.owner_id.in_(teammates))
        )
    if status:
        query = query.where(Session.status == status)
    if outcome:
        query = query.where(Session.outcome == outcome)
    if flow_id:
        query = query.where(Session.flow_id == flow_id)
    if ticket_id:
        query = query.where(Session.ticket_id == ticket_id)
    if since:
        query = query.where(Session.created_at >= since)
    if until:
        query = query.where(Session.created_at < until)
    if matching is not None:
        query = query.where(Session.id.in_(select(matching.c.parent_id)))
    rows = await db.scalars(
        query.order_by(Session.updated_at.desc(), Session.id).offset(offset).limit(limit + 1)
    )
    return list(rows.all())


async def events_after(
    db: AsyncSession, account_id: uuid.UUID, session_id: uuid.UUID, after: int, limit: int = 200
) -> list[SessionEvent]:
    """The session's timeline entries after sequence number `after`, in order."""
    rows = await db.scalars(
        select(SessionEvent)
        .where(
            SessionEvent.account_id == account_id,
            SessionEvent.session_id == session_id,
            SessionEvent.seq > after,
        )
        .order_by(SessionEvent.seq)
        .limit(limit)
    )
    return list(rows.all())


class TimelineRow(Protocol):
    """An entry of a timeline as plain values (what a note or report reads)."""

    seq: int
    type: str
    created_at: datetime
    payload: dict[str, Any]
    actor_id: uuid.UUID | None


# Plain rows, not ORM objects: a 1,000-entry timeline read into the identity map cost most of a
# ticket note's time, and nothing that renders a note changes an entry.
_TIMELINE = (
    select(
        SessionEvent.seq,
        SessionEvent.type,
        SessionEvent.created_at,
        SessionEvent.payload,
        SessionEvent.actor_id,
    )
    .where(SessionEvent.account_id == bindparam("account_id"))
    .where(SessionEvent.session_id == bindparam("session_id"))
    .order_by(SessionEvent.seq)
)


async def timeline_rows(db: AsyncSession, session: Session) -> Sequence[TimelineRow]:
    """The session's whole timeline, in order, read only."""
    result = await db.execute(
        _TIMELINE, {"account_id": session.account_id, "session_id": session.id}
    )
    return result.all()  # Row has these attributes


async def my_scratchpad(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID
) -> SessionScratchpad | None:
    return await db.scalar(
        select(SessionScratchpad).where(
            SessionScratchpad.account_id == principal.account_id,
            SessionScratchpad.user_id == principal.user_id,
            SessionScratchpad.session_id == session_id,
        )
    )


async def save_scratchpad(
    db: AsyncSession, principal: Principal, session_id: uuid.UUID, text: str
) -> SessionScratchpad:
    """Writes the caller's scratchpad on the session: one statement, so two saves racing (two
    tabs) never collide on the unique (session, user) row."""
    now = datetime.now(UTC)
    dialect = db.bind.dialect.name if db.bind is not None else "sqlite"
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(SessionScratchpad).values(
        id=uuid.uuid4(),
        account_id=principal.account_id,
        session_id=session_id,
        user_id=principal.user_id,
        text=text,
        created_at=now,
        updated_at=now,
    )
    await db.execute(
        statement.on_conflict_do_update(
            index_elements=["session_id", "user_id"], set_={"text": text, "updated_at": now}
        )
    )
    pad = await my_scratchpad(db, principal, session_id)
    assert pad is not None
    await db.refresh(pad)
    return pad


async def attachment_of(
    db: AsyncSession, session: Session, attachment_id: uuid.UUID
) -> SessionAttachment | None:
    return await db.scalar(
        select(SessionAttachment).where(
            SessionAttachment.id == attachment_id,
            SessionAttachment.session_id == session.id,
            SessionAttachment.account_id == session.account_id,
        )
    )


async def titles_in_account(db: AsyncSession, account_id: uuid.UUID) -> set[str]:
    """Every session title of the account (demo seeding adds only what is missing)."""
    return set(
        (await db.scalars(select(Session.title).where(Session.account_id == account_id))).all()
    )
