"""Job kinds that exist only in tests, and helpers to drive a worker by hand."""

from __future__ import annotations

import uuid
from collections import Counter

from pydantic import BaseModel
from sqlalchemy import func, select

from resolutionflow.jobs import kinds
from resolutionflow.jobs.context import JobContext
from resolutionflow.models import Job, Notification

# How many times each job's handler was entered (an effect outside the database).
RUNS: Counter[uuid.UUID] = Counter()


class TouchPayload(BaseModel):
    user_id: uuid.UUID
    note: str
    fail_first: int = 0  # attempts that fail before one succeeds


async def _touch(ctx: JobContext, p: TouchPayload) -> None:
    RUNS[ctx.job_id] += 1
    if ctx.attempt <= p.fail_first:
        raise kinds.JobRetry(f"planned failure {ctx.attempt}", after_s=0)
    # The effect (a notification row) commits together with the job's success.
    async with ctx.finishing() as db:
        db.add(
            Notification(
                account_id=ctx.account_id, user_id=p.user_id, kind="test", title=p.note,
                body="", link="/",
            )
        )  # fmt: skip


class BrokenPayload(BaseModel):
    reason: str


async def _broken(ctx: JobContext, p: BrokenPayload) -> None:
    RUNS[ctx.job_id] += 1
    raise RuntimeError(f"{p.reason} https://hooks.example/secret-token")


TOUCH = kinds.register(
    kinds.JobKind(
        name="test.touch", payload=TouchPayload, run=_touch, title="Test touch",
        max_attempts=3, delays=(0,), jitter=0, describe=lambda p: p.note,
    )
)  # fmt: skip
BROKEN = kinds.register(
    kinds.JobKind(
        name="test.broken", payload=BrokenPayload, run=_broken, title="Always fails",
        max_attempts=3, delays=(0,), jitter=0,
    )
)  # fmt: skip


async def effects(db, note: str) -> int:  # type: ignore[no-untyped-def]
    return int(await db.scalar(select(func.count()).where(Notification.title == note)) or 0)


async def job(db, job_id: uuid.UUID) -> Job:  # type: ignore[no-untyped-def]
    row = await db.get(Job, job_id, populate_existing=True)
    assert row is not None
    return row


class LimitedPayload(BaseModel):
    n: int


ACTIVE = {"now": 0, "most": 0}


async def _limited(ctx: JobContext, p: LimitedPayload) -> None:
    import asyncio

    RUNS[ctx.job_id] += 1
    ACTIVE["now"] += 1
    ACTIVE["most"] = max(ACTIVE["most"], ACTIVE["now"])
    try:
        await asyncio.sleep(0.05)
    finally:
        ACTIVE["now"] -= 1


LIMITED = kinds.register(
    kinds.JobKind(
        name="test.limited", payload=LimitedPayload, run=_limited, title="One at a time",
        max_attempts=1, concurrency=1,
    )
)  # fmt: skip
