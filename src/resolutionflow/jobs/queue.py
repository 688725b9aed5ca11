"""Putting work on the queue, inside the caller's transaction: a job exists exactly when the
write that asked for it committed (a request that fails leaves no job behind)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.errors import Conflict
from resolutionflow.jobs import kinds, repository
from resolutionflow.models.job import Job, JobState
from resolutionflow.sessions import live

# Workers wake on this id after a commit that queued work (here, and on other instances by
# NOTIFY on PostgreSQL), so a job starts at once rather than at the next poll.
WAKE_ID = uuid.uuid5(uuid.NAMESPACE_URL, "resolutionflow:jobs")


def _now() -> datetime:
    return datetime.now(UTC)


async def enqueue(
    db: AsyncSession,
    kind: kinds.JobKind[Any],
    payload: BaseModel,
    *,
    account_id: uuid.UUID,
    idempotency_key: str | None = None,
    run_at: datetime | None = None,
    schedule_id: uuid.UUID | None = None,
) -> Job:
    """Adds a job to the caller's transaction. With an idempotency key, a second enqueue of
    the same kind and key in the account returns the first job instead of adding another."""
    if kinds.get(kind.name) is None:
        raise ValueError(f"job kind {kind.name!r} is not registered")
    if idempotency_key is not None:
        existing = await repository.by_idempotency_key(db, account_id, kind.name, idempotency_key)
        if existing is not None:
            return existing
    job = Job(
        account_id=account_id,
        kind=kind.name,
        payload=payload.model_dump(mode="json"),
        state=JobState.queued.value,
        attempts=0,
        max_attempts=kind.max_attempts,
        run_at=run_at or _now(),
        last_error="",
        idempotency_key=idempotency_key,
        schedule_id=schedule_id,
    )
    if idempotency_key is None:
        db.add(job)
        await db.flush()
    else:
        # Two transactions may race on one key: the unique constraint decides, and the loser
        # adopts the winner's job (the savepoint keeps the caller's transaction usable).
        try:
            async with db.begin_nested():
                db.add(job)
        except IntegrityError:
            winner = await repository.by_idempotency_key(db, account_id, kind.name, idempotency_key)
            if winner is None:
                raise
            return winner
    await live.announce(db, WAKE_ID)
    return job


async def retry(db: AsyncSession, job: Job) -> Job:
    """Queues a failed or dead job again now, with a fresh budget of attempts."""
    if job.state not in (JobState.failed.value, JobState.dead.value):
        raise Conflict(f"Only a failed or dead job can be retried; this one is {job.state}.")
    kind = kinds.get(job.kind)
    if kind is not None and kind.on_retry is not None:
        await kind.on_retry(db, job.account_id, kind.parse(job.payload))
    job.state = JobState.queued.value
    job.attempts = 0
    job.max_attempts = kind.max_attempts if kind else job.max_attempts
    job.run_at = _now()
    job.lease_until = None
    job.worker = None
    job.finished_at = None
    await db.flush()
    await live.announce(db, WAKE_ID)
    return job


def backoff(kind: kinds.JobKind[Any], attempt: int, after_s: float | None) -> timedelta:
    wait = kind.delay(attempt)
    if after_s is not None:
        wait = max(wait, after_s)
    return timedelta(seconds=min(wait, 24 * 3600))
