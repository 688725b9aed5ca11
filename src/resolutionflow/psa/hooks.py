"""Pushes that happen by themselves: on resolve and on escalate, when the connection asks for
them. Registered on the sessions and escalations hook lists by `register()` (app startup)."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.escalations import service as escalations
from resolutionflow.models import Handoff, Session
from resolutionflow.psa import connections, outbox, tickets
from resolutionflow.sessions import service as sessions


async def push_for(
    db: AsyncSession, session: Session, trigger: str, actor_id: uuid.UUID | None
) -> None:
    if not session.ticket_id:
        return
    conn = await connections.for_user(db, session.account_id, session.owner_id)
    if conn is None:
        return
    resolving = trigger == "resolve"
    if not (conn.push_on_resolve if resolving else conn.push_on_escalate):
        return
    context, _ = await tickets.latest(db, session)
    board = (context or {}).get("board")
    mapping = conn.status_on_resolve if resolving else conn.status_on_escalate
    if resolving and session.outcome == "workaround" and conn.status_on_workaround is not None:
        # A workaround leaves the cause in place; teams may keep such tickets open elsewhere.
        mapping = conn.status_on_workaround
    await outbox.enqueue(
        db,
        session,
        conn,
        actor_id=actor_id,
        trigger=trigger,
        note_type=conn.resolve_note_type if resolving else conn.escalate_note_type,
        time_entry=resolving and conn.time_entry_on_resolve,
        status=outbox.status_for(mapping or {}, board),
    )


async def on_resolved(db: AsyncSession, session: Session, principal: Principal) -> None:
    await push_for(db, session, "resolve", principal.user_id)


async def on_escalated(db: AsyncSession, session: Session, handoff: Handoff) -> None:
    await push_for(db, session, "escalate", handoff.escalated_by_id)


def register() -> None:
    if on_resolved not in sessions.ON_RESOLVED:
        sessions.ON_RESOLVED.append(on_resolved)
    if on_escalated not in escalations.ON_ESCALATE:
        escalations.ON_ESCALATE.append(on_escalated)
