"""The flywheel as durable jobs: a run per account (on its schedule, every 15 minutes by
default, and on demand) and the weekly digest of the review queue."""

from __future__ import annotations

import uuid

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway
from resolutionflow.auth.principal import Principal
from resolutionflow.config import get_settings
from resolutionflow.escalations import channels
from resolutionflow.flowgen import builder
from resolutionflow.flywheel import repository as repo
from resolutionflow.flywheel import service
from resolutionflow.jobs import kinds, queue, schedules
from resolutionflow.jobs import repository as jobs_repo
from resolutionflow.jobs.context import JobContext
from resolutionflow.models import Session
from resolutionflow.outbound import notices
from resolutionflow.providers.notify.email import smtp_configured
from resolutionflow.sessions import service as sessions

RUN_EVERY = "*/15 * * * *"
DIGEST_AT = "0 8 * * 1"  # Mondays, 08:00 UTC


class RunPayload(BaseModel):
    # On demand: run even when no session changed since the last run.
    force: bool = False


class DigestPayload(BaseModel):
    pass


async def _run(ctx: JobContext, p: RunPayload) -> None:
    async with ctx.transaction() as db:
        state = await repo.state(db, ctx.account_id)
        newest = await repo.newest_change(db, ctx.account_id)
        if (
            not p.force
            and newest is not None
            and state.seen_until is not None
            and (newest <= state.seen_until)
        ):
            newest = None  # nothing new: the run only records that it ran
        skip = not p.force and newest is None and state.last_run_at is not None
        candidates = [] if skip else await service.analyse(db, ctx.account_id)
        plan = await gateway.prepare(db, ctx.account_id, builder.ACTION) if candidates else None
    if plan is not None:
        for cand in candidates:
            await service.word(plan, cand)
    async with ctx.finishing() as db:
        state = await repo.state(db, ctx.account_id)
        if candidates:
            await service.store(db, ctx.account_id, candidates)
        state.last_run_at = service._now()
        state.seen_until = await repo.newest_change(db, ctx.account_id)


async def _digest(ctx: JobContext, p: DigestPayload) -> None:
    async with ctx.finishing() as db:
        counts = await repo.counts(db, ctx.account_id)
        open_rows = await repo.proposals(db, ctx.account_id, "open")
        state = await repo.state(db, ctx.account_id)
        state.last_digest_at = service._now()
        if not open_rows:
            return
        link = f"{get_settings().base_url.rstrip('/')}/proposals"
        lines = [f"- {r.title} ({r.evidence_count} sessions)" for r in open_rows[:10]]
        title = f"{counts.get('open', 0)} flow proposals are waiting for review"
        text = "\n".join(lines) + (
            f"\n… and {len(open_rows) - 10} more" if len(open_rows) > 10 else ""
        )
        if smtp_configured(get_settings()):
            for admin in await repo.admins(db, ctx.account_id):
                if admin.is_active:
                    await notices.queue_email(
                        db, ctx.account_id, to=admin.email, subject=title,
                        text=f"{title}:\n\n{text}\n\nReview them: {link}\n",
                    )  # fmt: skip
        hooks = await channels.targets(db, ctx.account_id)
        if hooks:
            await notices.queue_webhooks(
                db, ctx.account_id, [k for k, _ in hooks], title=title, text=text, link=link
            )


RUN = kinds.register(
    kinds.JobKind(
        name="flywheel.run",
        payload=RunPayload,
        run=_run,
        title="Knowledge flywheel",
        max_attempts=3,
        delays=(60, 300),
        timeout_s=600,
        concurrency=2,
    )
)
DIGEST = kinds.register(
    kinds.JobKind(
        name="flywheel.digest",
        payload=DigestPayload,
        run=_digest,
        title="Weekly proposal digest",
        max_attempts=3,
        delays=(300, 1800),
    )
)


async def ensure_schedules(db: AsyncSession, account_id: uuid.UUID) -> None:
    """The account's flywheel and digest schedules, made once (owner "flywheel")."""
    have = await jobs_repo.scheduled_kinds(db, account_id, "flywheel")
    if RUN.name not in have:
        await schedules.create(
            db, account_id=account_id, owner="flywheel", name="Knowledge flywheel",
            expression=RUN_EVERY, timezone="UTC", kind=RUN, payload=RunPayload(),
        )  # fmt: skip
    if DIGEST.name not in have:
        await schedules.create(
            db, account_id=account_id, owner="flywheel", name="Proposal digest",
            expression=DIGEST_AT, timezone="UTC", kind=DIGEST, payload=DigestPayload(),
        )  # fmt: skip


async def run_now(db: AsyncSession, account_id: uuid.UUID) -> uuid.UUID:
    await ensure_schedules(db, account_id)
    job = await queue.enqueue(db, RUN, RunPayload(force=True), account_id=account_id)
    return job.id


async def _on_resolved(db: AsyncSession, session: Session, principal: Principal) -> None:
    # The first resolved session of an account starts its flywheel.
    await ensure_schedules(db, session.account_id)


if _on_resolved not in sessions.ON_RESOLVED:
    sessions.ON_RESOLVED.append(_on_resolved)
