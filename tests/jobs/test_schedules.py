"""Cron in IANA zones (DST included), previews with field-naming 422s, and schedule slots that
become exactly one job each: across instances, across restarts, and after downtime."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select, update

from resolutionflow.config import get_settings
from resolutionflow.db.engine import make_engine, make_sessionmaker
from resolutionflow.jobs import cron, schedules
from resolutionflow.models import Job, Misfire, Schedule
from tests.fixtures.factories import Factory, Tenant, unique
from tests.jobs.support import TOUCH, TouchPayload

NY = "America/New_York"


def _local(slots: list[datetime], zone: str) -> list[str]:
    tz = cron.zone(zone)
    return [s.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z") for s in slots]


def test_spring_forward_a_slot_in_the_missing_hour_runs_once_when_the_clocks_jump() -> None:
    # 8 March 2026, New York: 02:00 EST becomes 03:00 EDT; 02:30 does not exist that day.
    slots = schedules.preview("30 2 * * *", NY, 3, datetime(2026, 3, 7, 12, tzinfo=UTC))
    assert _local(slots, NY) == [
        "2026-03-08 03:00 EDT",
        "2026-03-09 02:30 EDT",
        "2026-03-10 02:30 EDT",
    ]
    # Every 15 minutes through the missing hour: the four lost slots are one run, not four.
    slots = schedules.preview("*/15 2 * * *", NY, 6, datetime(2026, 3, 7, 12, tzinfo=UTC))
    assert _local(slots, NY)[:3] == [
        "2026-03-08 03:00 EDT",
        "2026-03-09 02:00 EDT",
        "2026-03-09 02:15 EDT",
    ]
    assert len(set(slots)) == len(slots)


def test_fall_back_a_slot_in_the_repeated_hour_runs_once_but_hourly_jobs_run_every_hour() -> None:
    # 1 November 2026, New York: 01:00-01:59 happens twice (EDT, then EST).
    slots = schedules.preview("30 1 * * *", NY, 2, datetime(2026, 10, 31, 12, tzinfo=UTC))
    assert _local(slots, NY) == ["2026-11-01 01:30 EDT", "2026-11-02 01:30 EST"]
    hourly = schedules.preview("0 * * * *", NY, 4, datetime(2026, 11, 1, 4, 30, tzinfo=UTC))
    assert _local(hourly, NY) == [
        "2026-11-01 01:00 EDT",
        "2026-11-01 01:00 EST",
        "2026-11-01 02:00 EST",
        "2026-11-01 03:00 EST",
    ]
    # Real hours apart, each one.
    assert all(b - a == timedelta(hours=1) for a, b in itertools.pairwise(hourly))


def test_cron_syntax_names_days_ranges_steps_and_macros() -> None:
    after = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)  # a Monday
    assert _local(schedules.preview("0 9 * * mon-fri", "UTC", 6, after), "UTC")[4:] == [
        "2026-12-11 09:00 UTC",
        "2026-12-14 09:00 UTC",
    ]
    assert _local(schedules.preview("@monthly", "Europe/London", 2, after), "Europe/London") == [
        "2027-01-01 00:00 GMT",
        "2027-02-01 00:00 GMT",
    ]
    # Both day fields restricted: either matches (Vixie cron).
    both = _local(schedules.preview("0 0 13 * fri", "UTC", 3, after), "UTC")
    assert both == ["2026-12-11 00:00 UTC", "2026-12-13 00:00 UTC", "2026-12-18 00:00 UTC"]


async def test_preview_returns_the_next_five_runs_and_422s_name_the_field(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    r = await client.post(
        "/api/v1/schedules/preview",
        json={"cron": "0 2 * * 1", "timezone": "Europe/Berlin"},
        headers=h,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["next_runs"]) == 5
    assert all(
        x.endswith(("+01:00", "+02:00")) and "T02:00:00" in x for x in body["next_runs_local"]
    )
    for payload, field in (
        ({"cron": "0 25 * * *", "timezone": "UTC"}, "cron"),
        ({"cron": "0 2 * *", "timezone": "UTC"}, "cron"),
        ({"cron": "0 0 31 2 *", "timezone": "UTC"}, "cron"),
        ({"cron": "0 2 * * *", "timezone": "Mars/Olympus"}, "timezone"),
        ({"cron": "0 2 * * *", "timezone": "../../etc/passwd"}, "timezone"),
    ):
        r = await client.post("/api/v1/schedules/preview", json=payload, headers=h)
        assert r.status_code == 422, (payload, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["loc"] == ["body", field], r.json()


async def _schedule(
    app: FastAPI, tenant: Tenant, *, misfire: Misfire, minutes_ago: int
) -> Schedule:
    async with app.state.sessionmaker() as db:
        s = await schedules.create(
            db, account_id=tenant.id, owner="test", name=unique("nightly"),
            expression="*/5 * * * *", timezone="UTC", kind=TOUCH,
            payload=TouchPayload(user_id=tenant.admin.id, note=unique("slot")), misfire=misfire,
        )  # fmt: skip
        # As if the last run was long ago: next_run_at is in the past.
        s.next_run_at = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(
            minutes=minutes_ago
        )
        await db.commit()
        return s


async def _jobs_of(app: FastAPI, schedule_id) -> int:  # type: ignore[no-untyped-def]
    async with app.state.sessionmaker() as db:
        return int(
            await db.scalar(
                select(func.count()).select_from(Job).where(Job.schedule_id == schedule_id)
            )
            or 0
        )


async def test_a_due_slot_makes_exactly_one_job_across_two_instances_and_restarts(
    app: FastAPI, factory: Factory
) -> None:
    tenant = await factory.tenant()
    s = await _schedule(app, tenant, misfire=Misfire.run_once, minutes_ago=0)
    engines = [make_engine(get_settings()) for _ in range(2)]
    try:
        makers = [make_sessionmaker(e) for e in engines]
        # Both instances fire at once, several times (as after restarts): one job.
        await asyncio.gather(*(schedules.fire_due(m) for m in makers for _ in range(3)))
        assert await _jobs_of(app, s.id) == 1
        async with app.state.sessionmaker() as db:
            row = await db.get(Schedule, s.id, populate_existing=True)
            assert row is not None and row.next_run_at is not None
            assert row.next_run_at > datetime.now(UTC)
        # Even a stale schedule row (next_run_at wound back to the same slot) adds no second job.
        async with app.state.sessionmaker() as db:
            await db.execute(
                update(Schedule).where(Schedule.id == s.id).values(next_run_at=row.last_slot_at)
            )
            await db.commit()
        await schedules.fire_due(makers[0])
        assert await _jobs_of(app, s.id) == 1
    finally:
        for e in engines:
            await e.dispose()


@pytest.mark.parametrize(("misfire", "expected"), [(Misfire.run_once, 1), (Misfire.skip, 0)])
async def test_slots_missed_while_down_run_once_or_are_skipped(
    app: FastAPI, factory: Factory, misfire: Misfire, expected: int
) -> None:
    tenant = await factory.tenant()
    s = await _schedule(app, tenant, misfire=misfire, minutes_ago=0)
    # Down for an hour: twelve five-minute slots were missed; we are back 3 minutes after
    # the last of them (past the grace that counts a slot as on time).
    down_from = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
    back_at = down_from + timedelta(minutes=63)
    async with app.state.sessionmaker() as db:
        await db.execute(update(Schedule).where(Schedule.id == s.id).values(next_run_at=down_from))
        await db.commit()
    await schedules.fire_due(app.state.sessionmaker, now=back_at)
    await schedules.fire_due(app.state.sessionmaker, now=back_at)
    assert await _jobs_of(app, s.id) == expected
    async with app.state.sessionmaker() as db:
        row = await db.get(Schedule, s.id, populate_existing=True)
        assert row is not None
        assert row.next_run_at == datetime(2026, 6, 1, 11, 5, tzinfo=UTC)
        assert row.last_slot_at == (datetime(2026, 6, 1, 11, 0, tzinfo=UTC) if expected else None)
