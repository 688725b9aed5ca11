"""The escalation's AI assessment as a durable job: queued with the handoff, run at once by the
escalating request (which waits up to 5 s for it), and finished by any worker after a restart."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.assist.retrieval import retrieve
from resolutionflow.db.scoping import readable
from resolutionflow.escalations import assessment
from resolutionflow.jobs import kinds
from resolutionflow.jobs.context import JobContext
from resolutionflow.models import Handoff, Notification
from resolutionflow.sessions import live

log = logging.getLogger(__name__)


class AssessPayload(BaseModel):
    handoff_id: uuid.UUID


async def _assess(ctx: JobContext, p: AssessPayload) -> None:
    async with ctx.transaction() as db:
        handoff = await db.scalar(
            readable(ctx.account_id, Handoff).where(Handoff.id == p.handoff_id)
        )
        if handoff is None:
            raise kinds.JobFailed("The handoff no longer exists.")
        if handoff.assessment_status != "pending":
            return  # an earlier attempt stored it
        snap = dict(handoff.snapshot)
        found = await retrieve(db, ctx.account_id, snap["problem_summary"])
        plan = await gateway.prepare(db, ctx.account_id, assessment.ACTION)
    try:
        result, served = await assessment.assess(plan, snap, found)
    except Exception as exc:
        if not ctx.last_attempt:
            raise kinds.JobRetry(f"The assessment failed ({type(exc).__name__}).") from exc
        log.exception("escalation assessment failed for good")
        result, served = None, None
    async with ctx.finishing() as db:
        await _save(db, p.handoff_id, result, served, plan)


async def _save(
    db: AsyncSession,
    handoff_id: uuid.UUID,
    assessment: dict[str, Any] | None,
    served: gateway.Served | None,
    plan: gateway.Plan | None,
) -> None:
    h = await db.get(Handoff, handoff_id)
    if h is None:
        return
    h.assessment = assessment
    h.assessment_status = "ready" if assessment is not None else "failed"
    if served is not None and plan is not None:
        await gateway.save(db, plan, served, session_id=h.session_id)
    await live.announce(db, h.session_id)
    for (user_id,) in await db.execute(
        select(Notification.user_id).where(Notification.handoff_id == h.id)
    ):
        await live.announce(db, user_id)


ASSESS = kinds.register(
    kinds.JobKind(
        name="escalation.assess",
        payload=AssessPayload,
        run=_assess,
        title="Escalation assessment",
        max_attempts=3,
        delays=(10, 60),
        # The model call has its own timeout and retries; this bounds the whole attempt.
        timeout_s=180,
    )
)
