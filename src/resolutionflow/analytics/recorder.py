"""Keeps the analytics read models (session facts, step visits) up to date with timelines.

In the appending transaction: every append with an entry the fold reads folds the session's
new entries (`on_events`), so the figures never lag behind the timeline and nothing can arrive
"late" for them. Sessions written without it (maintenance batches insert their first entries
in bulk; timelines from before analytics existed) are caught up by the `analytics.catch_up`
job, which folds whatever a session's fact has not read yet.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.analytics import repository as repo
from resolutionflow.analytics.timeline import RELEVANT, Entry, FoldState, fold
from resolutionflow.models import Session, SessionEvent, SessionFact


async def _fold_into(
    db: AsyncSession,
    account_id: uuid.UUID,
    session_id: uuid.UUID,
    existing: SessionFact | None,
    entries: list[Entry],
    last_seq: int,
    *,
    replace: bool,
) -> None:
    folded = fold(
        entries,
        state=FoldState.model_validate(existing.state) if existing else None,
        through_seq=existing.through_seq if existing else 0,
        client=existing.client if existing else None,
        escalated=existing.escalated if existing else False,
        copilot_suggested=existing.copilot_suggested if existing else 0,
        copilot_accepted=existing.copilot_accepted if existing else 0,
    )
    folded.through_seq = max(folded.through_seq, last_seq)
    await repo.write_fold(db, account_id, session_id, existing, folded, replace=replace)


async def catch_up(
    db: AsyncSession, account_id: uuid.UUID, last_seqs: dict[uuid.UUID, int]
) -> None:
    """Folds each session's entries its fact has not read. `last_seqs`: each session's last
    seq, read under its lock; the fact then counts as having read everything up to it."""
    if not last_seqs:
        return
    known = await repo.facts(db, account_id, list(last_seqs))
    after = {sid: (known[sid].through_seq if sid in known else 0) for sid in last_seqs}
    entries = await repo.entries_after(db, account_id, after)
    for sid, last_seq in last_seqs.items():
        fact = known.get(sid)
        await _fold_into(db, account_id, sid, fact, entries[sid], last_seq, replace=fact is None)


async def on_events(db: AsyncSession, session: Session, events: Sequence[SessionEvent]) -> None:
    """The append hook (sessions.service.ON_EVENTS): the session is locked by the appender."""
    relevant = [e for e in events if e.type in RELEVANT]
    if not relevant:
        return
    existing = await repo.fact(db, session.account_id, session.id)
    through = existing.through_seq if existing is not None else 0
    if through == events[0].seq - 1:
        # The fact has read everything before these entries: fold them as they are.
        entries = [Entry(e.seq, e.type, e.created_at, e.payload or {}) for e in relevant]
        await _fold_into(
            db, session.account_id, session.id, existing, entries, session.last_seq, replace=False
        )
    else:
        await catch_up(db, session.account_id, {session.id: session.last_seq})


async def catch_up_stale(db: AsyncSession, account_id: uuid.UUID, limit: int = 500) -> int:
    """One batch of the account's sessions whose facts are behind; how many there were."""
    stale = await repo.stale_sessions(db, account_id, limit)
    await catch_up(db, account_id, dict(stale))
    return len(stale)
