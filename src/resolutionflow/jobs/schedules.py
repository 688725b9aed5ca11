"""Recurring schedules: rows that features own (maintenance, the flywheel), turned into jobs
slot by slot.

Exactly once per slot, across instances and restarts: a due schedule is locked (SKIP LOCKED on
PostgreSQL; SQLite's write lock), its slot's job carries the idempotency key
`schedule:<id>:<slot>`, and `next_run_at` moves on in the same transaction. Slots missed while
nothing ran collapse into one run on start, or none (`misfire`).
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.db import uow
from resolutionflow.jobs import cron, kinds, queue
from resolutionflow.models.job import Misfire, Schedule

log = logging.getLogger("resolutionflow.schedules")
# A slot found due within this long of its time is on time; later, it was missed.
GRACE = timedelta(minutes=2)


def _now() -> datetime:
    return datetime.now(UTC)


def preview(
    expression: str, timezone: str, count: int = 5, after: datetime | None = None
) -> list[datetime]:
    """The next `count` slots (UTC instants); raises cron.CronError naming the field."""
    parsed, tz = cron.validate(expression, timezone)
    return cron.next_slots(parsed, tz, after or _now(), count)


async def create(
    db: AsyncSession,
    *,
    account_id: uuid.UUID,
    owner: str,
    name: str,
    expression: str,
    timezone: str,
    kind: kinds.JobKind[Any],
    payload: BaseModel,
    misfire: Misfire = Misfire.run_once,
    enabled: bool = True,
) -> Schedule:
    parsed, tz = cron.validate(expression, timezone)
    schedule = Schedule(
        account_id=account_id,
        owner=owner,
        name=name,
        cron=" ".join(expression.split()),
        timezone=timezone,
        job_kind=kind.name,
        job_payload=payload.model_dump(mode="json"),
        misfire=misfire.value,
        enabled=enabled,
        next_run_at=cron.next_slot(parsed, tz, _now()) if enabled else None,
    )
    db.add(schedule)
    await db.flush()
    return schedule


def reschedule(schedule: Schedule, *, expression: str, timezone: str, enabled: bool) -> None:
    """After an edit: the next slot from now under the new rule (missed ones are not owed)."""
    parsed, tz = cron.validate(expression, timezone)
    schedule.cron, schedule.timezone, schedule.enabled = (
        " ".join(expression.split()),
        timezone,
        enabled,
    )
    schedule.next_run_at = cron.next_slot(parsed, tz, _now()) if enabled else None


async def fire_due(maker: async_sessionmaker[AsyncSession], now: datetime | None = None) -> int:
    """Turns every due slot into a job; returns how many jobs were queued."""
    queued = 0
    while True:
        async with uow.transaction(maker) as db:
            batch = list(
                (
                    await db.scalars(
                        select(Schedule)
                        .where(Schedule.enabled.is_(True), Schedule.next_run_at <= (now or _now()))
                        .order_by(Schedule.next_run_at)
                        .limit(50)
                        .with_for_update(skip_locked=True)
                    )
                ).all()
            )
            for schedule in batch:
                queued += await _fire(db, schedule, now or _now())
        if len(batch) < 50:
            return queued


async def _fire(db: AsyncSession, schedule: Schedule, now: datetime) -> int:
    due = schedule.next_run_at
    assert due is not None
    try:
        parsed, tz = cron.parse(schedule.cron), cron.zone(schedule.timezone)
    except cron.CronError as exc:
        log.warning("schedule %s disabled: %s", schedule.id, exc.message)
        schedule.enabled, schedule.next_run_at = False, None
        return 0
    # Every slot up to now: the first due one, and any that followed it while nothing ran.
    latest = due
    for slot in cron.next_slots(parsed, tz, due, 10_000):
        if slot > now:
            schedule.next_run_at = slot
            break
        latest = slot
    else:
        schedule.next_run_at = cron.next_slot(parsed, tz, now)
    missed = now - latest > GRACE
    kind = kinds.get(schedule.job_kind)
    if kind is None:
        log.warning("schedule %s names an unknown job kind %s", schedule.id, schedule.job_kind)
        return 0
    if missed and schedule.misfire == Misfire.skip.value:
        log.info("schedule %s: skipped the slot missed at %s", schedule.id, latest.isoformat())
        return 0
    schedule.last_slot_at = latest
    await queue.enqueue(
        db,
        kind,
        kind.parse(schedule.job_payload),
        account_id=schedule.account_id,
        idempotency_key=f"schedule:{schedule.id}:{latest.isoformat()}",
        schedule_id=schedule.id,
    )
    return 1


async def seconds_to_next(maker: async_sessionmaker[AsyncSession]) -> float | None:
    async with maker() as db:
        nxt = await db.scalar(
            select(Schedule.next_run_at)
            .where(Schedule.enabled.is_(True), Schedule.next_run_at.is_not(None))
            .order_by(Schedule.next_run_at)
            .limit(1)
        )
    if nxt is None:
        return None
    return max(0.0, (nxt - _now()).total_seconds())


class Scheduler:
    """The worker's per-round hook: fires due slots, says when the next one is."""

    def __init__(self, maker: async_sessionmaker[AsyncSession]) -> None:
        self.maker = maker

    async def __call__(self) -> float | None:
        await fire_due(self.maker)
        return await seconds_to_next(self.maker)
