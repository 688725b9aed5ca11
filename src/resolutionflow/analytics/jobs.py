"""The analytics catch-up job, its per-account schedule, and the append hook's registration.

Importing this module (jobs/handlers.py does, for every worker and app) registers the hook that
keeps session facts and step visits current in the appending transaction, and the hook that
gives an account its catch-up schedule with its first resolved session."""

from __future__ import annotations

import time
import uuid

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.analytics import recorder
from resolutionflow.analytics import repository as repo
from resolutionflow.auth.principal import Principal
from resolutionflow.jobs import kinds, queue, schedules
from resolutionflow.jobs.context import JobContext
from resolutionflow.models import Session
from resolutionflow.sessions import service as sessions

CATCH_UP_EVERY = "*/10 * * * *"
BATCH = 500
# One run folds for at most this long, then hands the rest to a follow-up job.
RUN_BUDGET_S = 240.0
OWNER = "analytics"


class CatchUpPayload(BaseModel):
    pass


async def _catch_up(ctx: JobContext, p: CatchUpPayload) -> None:
    started = time.monotonic()
    more = True
    while more and time.monotonic() - started < RUN_BUDGET_S:
        async with ctx.transaction() as db:
            more = await recorder.catch_up_stale(db, ctx.account_id, BATCH) == BATCH
    async with ctx.finishing() as db:
        if more:
            await queue.enqueue(db, CATCH_UP, CatchUpPayload(), account_id=ctx.account_id)


CATCH_UP = kinds.register(
    kinds.JobKind(
        name="analytics.catch_up",
        payload=CatchUpPayload,
        run=_catch_up,
        title="Analytics catch-up",
        max_attempts=3,
        delays=(60, 300),
        timeout_s=RUN_BUDGET_S + 60,
        concurrency=1,
    )
)


async def ensure_schedule(db: AsyncSession, account_id: uuid.UUID) -> None:
    """The account's catch-up schedule (owner "analytics"), made once."""
    if await repo.has_schedule(db, account_id, OWNER, CATCH_UP.name):
        return
    await schedules.create(
        db, account_id=account_id, owner=OWNER, name="Analytics catch-up",
        expression=CATCH_UP_EVERY, timezone="UTC", kind=CATCH_UP, payload=CatchUpPayload(),
    )  # fmt: skip


async def _on_resolved(db: AsyncSession, session: Session, principal: Principal) -> None:
    await ensure_schedule(db, session.account_id)


if recorder.on_events not in sessions.ON_EVENTS:
    sessions.ON_EVENTS.append(recorder.on_events)
if _on_resolved not in sessions.ON_RESOLVED:
    sessions.ON_RESOLVED.append(_on_resolved)
