"""Delivering a PSA push as a durable job. The push row keeps its own state, attempts and
marker-based dedupe (psa/outbox.py); the job makes sure some worker sends it when it is due,
after any restart, and shows a push that failed for good among the dead jobs."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db.scoping import readable
from resolutionflow.jobs import kinds
from resolutionflow.jobs.context import JobContext
from resolutionflow.models.psa import PsaPush


class DeliverPayload(BaseModel):
    push_id: uuid.UUID


async def _load(ctx: JobContext, push_id: uuid.UUID) -> PsaPush:
    async with ctx.transaction() as db:
        push = await db.scalar(readable(ctx.account_id, PsaPush).where(PsaPush.id == push_id))
    if push is None:
        raise kinds.JobFailed("The push no longer exists (its session was deleted).")
    return push


async def _deliver(ctx: JobContext, p: DeliverPayload) -> None:
    from resolutionflow.psa import outbox

    await outbox.Outbox(ctx.sessionmaker).deliver(p.push_id)
    push = await _load(ctx, p.push_id)
    now = datetime.now(UTC)
    if push.state == "sent":
        return
    if push.state == "failed":
        raise kinds.JobFailed(push.last_error or "The PSA refused the note.")
    if push.state == "queued":
        wait = (push.next_attempt_at - now).total_seconds()
        raise kinds.JobRetry(push.last_error or "Waiting for its next attempt.", after_s=wait)
    # "sending": another worker holds it; look again when its lease ends.
    until = push.lease_until or now
    raise kinds.JobRetry("Another worker is sending it.", after_s=(until - now).total_seconds())


async def _on_retry(db: AsyncSession, account_id: uuid.UUID, p: DeliverPayload) -> None:
    """Retrying the dead job retries the push: a fresh budget, as the PSA activity's own Retry
    gives it (a push that is not failed is left as it is)."""
    from resolutionflow.psa import outbox

    push = await db.scalar(
        readable(account_id, PsaPush).where(PsaPush.id == p.push_id).with_for_update()
    )
    if push is not None and push.state == "failed":
        await outbox.requeue(db, push, None)


DELIVER = kinds.register(
    kinds.JobKind(
        name="psa.push",
        payload=DeliverPayload,
        run=_deliver,
        title="PSA note",
        # The push's own budget (psa_outbox_max_attempts) decides when it has failed; the job
        # only keeps coming back on the push's schedule until then.
        max_attempts=60,
        delays=(1,),
        jitter=0,
        timeout_s=600,
        describe=lambda p: f"Push {str(p.push_id)[:8]}",
        on_retry=_on_retry,
    )
)
