"""Maintenance schedules: next runs, 422s naming the field, pause and resume, run now, one batch
per slot across instances, DST, and overdue batches."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select, update

from resolutionflow.config import get_settings
from resolutionflow.db.engine import make_engine, make_sessionmaker
from resolutionflow.jobs import cron, schedules
from resolutionflow.jobs.runner import Worker
from resolutionflow.models import MaintenanceBatch, MaintenanceSchedule, Notification, Schedule
from tests.fixtures.factories import Tenant
from tests.maintenance.conftest import make_list, publish_flow

NY = "America/New_York"


async def _create(
    client: AsyncClient, tenant: Tenant, **body: Any
) -> tuple[dict[str, Any], str, str]:
    flow_id = await publish_flow(client, tenant)
    target_list = await make_list(client, tenant.engineer)
    r = await client.post(
        "/api/v1/maintenance/schedules",
        headers=tenant.engineer.headers,
        json={
            "flow_id": flow_id,
            "target_list_id": target_list["id"],
            "cron": "0 22 * * 6",
            "timezone": "Europe/London",
            **body,
        },
    )
    assert r.status_code == 201, r.text
    return dict(r.json()), flow_id, str(target_list["id"])


async def _batches(app: FastAPI, schedule_id: str) -> list[MaintenanceBatch]:
    async with app.state.sessionmaker() as db:
        return list(
            await db.scalars(
                select(MaintenanceBatch)
                .where(MaintenanceBatch.schedule_id == uuid.UUID(schedule_id))
                .order_by(MaintenanceBatch.created_at)
            )
        )


async def _job_schedule(app: FastAPI, schedule_id: str) -> uuid.UUID:
    async with app.state.sessionmaker() as db:
        found = await db.scalar(
            select(MaintenanceSchedule.schedule_id).where(
                MaintenanceSchedule.id == uuid.UUID(schedule_id)
            )
        )
        assert found is not None
        return found


async def _due_at(app: FastAPI, schedule_id: str, at: datetime) -> None:
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(Schedule)
            .where(Schedule.id == await _job_schedule(app, schedule_id))
            .values(next_run_at=at)
        )
        await db.commit()


async def test_a_schedule_shows_its_next_runs_and_pauses_and_resumes(
    client: AsyncClient, tenant: Tenant
) -> None:
    created, _, _ = await _create(client, tenant, assignee_user_id=str(tenant.admin.id))
    assert len(created["next_runs"]) == 5
    london = cron.zone("Europe/London")
    for at in created["next_runs"]:
        local = datetime.fromisoformat(at).astimezone(london)
        assert (local.weekday(), local.hour, local.minute) == (5, 22, 0)
    assert created["active"] is True and created["missed"] == "run_once"
    assert created["overdue"] == "start" and created["assignment"] == "user"
    assert created["assignee_user_id"] == str(tenant.admin.id)
    assert created["title"] == "Patch a server" and created["target_list_name"]
    url = f"/api/v1/maintenance/schedules/{created['id']}"
    r = await client.patch(url, headers=tenant.engineer.headers, json={"active": False})
    assert r.status_code == 200, r.text
    assert r.json()["active"] is False and r.json()["next_runs"] == []
    r = await client.patch(
        url, headers=tenant.engineer.headers, json={"active": True, "missed": "skip"}
    )
    assert r.json()["active"] is True and len(r.json()["next_runs"]) == 5
    assert r.json()["missed"] == "skip"
    r = await client.get("/api/v1/maintenance/schedules", headers=tenant.viewer.headers)
    assert [s["id"] for s in r.json()["items"]] == [created["id"]]
    r = await client.get(
        "/api/v1/maintenance/schedules/agenda?days=30", headers=tenant.viewer.headers
    )
    assert len(r.json()["items"]) in (4, 5)
    r = await client.delete(url, headers=tenant.engineer.headers)
    assert r.status_code == 204
    r = await client.get(url, headers=tenant.engineer.headers)
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"cron": "0 25 * * *"}, "cron"),
        ({"cron": "0 0 31 2 *"}, "cron"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"flow_id": "00000000-0000-0000-0000-000000000001"}, "flow_id"),
        ({"target_list_id": "00000000-0000-0000-0000-000000000001"}, "target_list_id"),
        ({"missed": "sometimes"}, "missed"),
    ],
)
async def test_bad_schedules_are_422_naming_the_field_and_create_nothing(
    app: FastAPI, client: AsyncClient, tenant: Tenant, body: dict[str, Any], field: str
) -> None:
    flow_id = await publish_flow(client, tenant)
    target_list = await make_list(client, tenant.engineer)
    r = await client.post(
        "/api/v1/maintenance/schedules",
        headers=tenant.engineer.headers,
        json={
            "flow_id": flow_id,
            "target_list_id": target_list["id"],
            "cron": "0 2 * * *",
            "timezone": "UTC",
            **body,
        },
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["loc"][:2] == ["body", field], r.json()
    async with app.state.sessionmaker() as db:
        assert not await db.scalar(
            select(func.count()).select_from(Schedule).where(Schedule.account_id == tenant.id)
        )


async def test_run_now_launches_a_batch_and_notifies_the_assignee(
    app: FastAPI, client: AsyncClient, tenant: Tenant
) -> None:
    created, _, _ = await _create(client, tenant, assignee_user_id=str(tenant.admin.id))
    r = await client.post(
        f"/api/v1/maintenance/schedules/{created['id']}/run", headers=tenant.engineer.headers
    )
    assert r.status_code == 201, r.text
    new = r.json()
    assert new["schedule_id"] == created["id"] and len(new["items"]) == 3
    assert {i["assignee_id"] for i in new["items"]} == {str(tenant.admin.id)}
    async with app.state.sessionmaker() as db:
        titles = list(
            await db.scalars(
                select(Notification.title).where(Notification.user_id == tenant.admin.id)
            )
        )
    assert any(t.startswith("Scheduled maintenance started") for t in titles)
    r = await client.get(
        f"/api/v1/maintenance/schedules/{created['id']}", headers=tenant.engineer.headers
    )
    assert r.json()["last_batch"]["id"] == new["id"]


async def test_a_due_schedule_creates_exactly_one_batch_across_two_instances(
    app: FastAPI, client: AsyncClient, tenant: Tenant
) -> None:
    created, _, _ = await _create(client, tenant)
    await _due_at(app, created["id"], datetime.now(UTC).replace(microsecond=0))
    engines = [make_engine(get_settings()) for _ in range(2)]
    try:
        makers = [make_sessionmaker(e) for e in engines]
        await asyncio.gather(*(schedules.fire_due(m) for m in makers for _ in range(2)))
        workers = [Worker(m, name=f"instance-{i}") for i, m in enumerate(makers)]
        await asyncio.gather(*(w.run_due() for w in workers for _ in range(2)))
        await asyncio.gather(*(schedules.fire_due(m) for m in makers))
        await asyncio.gather(*(w.run_due() for w in workers))
    finally:
        for e in engines:
            await e.dispose()
    batches = await _batches(app, created["id"])
    assert len(batches) == 1
    assert batches[0].slot_at is not None and len(await _sessions_of(app, batches[0].id)) == 3


async def _sessions_of(app: FastAPI, batch_id: uuid.UUID) -> list[uuid.UUID]:
    from resolutionflow.models import MaintenanceBatchItem

    async with app.state.sessionmaker() as db:
        return list(
            await db.scalars(
                select(MaintenanceBatchItem.session_id).where(
                    MaintenanceBatchItem.batch_id == batch_id
                )
            )
        )


async def test_a_schedule_across_a_dst_change_fires_at_the_right_local_times(
    app: FastAPI, client: AsyncClient, tenant: Tenant
) -> None:
    # 02:30 every day in New York; on 8 March 2026 02:30 does not exist (clocks go 02:00 -> 03:00).
    created, _, _ = await _create(client, tenant, cron="30 2 * * *", timezone=NY)
    first = datetime(2026, 3, 7, 7, 30, tzinfo=UTC)  # 02:30 EST
    await _due_at(app, created["id"], first)
    fired: list[str] = []
    now = first
    for _ in range(3):
        await schedules.fire_due(app.state.sessionmaker, now=now + timedelta(minutes=1))
        await Worker(app.state.sessionmaker).run_due()
        async with app.state.sessionmaker() as db:
            row = await db.get(
                Schedule, await _job_schedule(app, created["id"]), populate_existing=True
            )
            assert row is not None and row.next_run_at is not None
            now = row.next_run_at
    tz = cron.zone(NY)
    for b in await _batches(app, created["id"]):
        assert b.slot_at is not None
        fired.append(b.slot_at.astimezone(tz).strftime("%Y-%m-%d %H:%M %Z"))
    assert fired == ["2026-03-07 02:30 EST", "2026-03-08 03:00 EDT", "2026-03-09 02:30 EDT"]


async def test_an_overdue_batch_skips_the_next_slot_when_told_and_warns_the_assignee(
    app: FastAPI, client: AsyncClient, tenant: Tenant
) -> None:
    created, _, _ = await _create(
        client, tenant, overdue="skip", assignee_user_id=str(tenant.admin.id)
    )
    slot = datetime.now(UTC).replace(microsecond=0)
    await _due_at(app, created["id"], slot - timedelta(days=7))
    await schedules.fire_due(
        app.state.sessionmaker, now=slot - timedelta(days=7) + timedelta(seconds=30)
    )
    await Worker(app.state.sessionmaker).run_due()
    assert len(await _batches(app, created["id"])) == 1
    # A week later the first batch is still running.
    await _due_at(app, created["id"], slot)
    await schedules.fire_due(app.state.sessionmaker)
    await Worker(app.state.sessionmaker).run_due()
    assert len(await _batches(app, created["id"])) == 1
    async with app.state.sessionmaker() as db:
        titles = list(
            await db.scalars(
                select(Notification.title).where(Notification.user_id == tenant.admin.id)
            )
        )
    assert any(t.startswith("Maintenance overdue") for t in titles)
    r = await client.get(
        f"/api/v1/maintenance/schedules/{created['id']}", headers=tenant.engineer.headers
    )
    assert r.json()["is_overdue"] is True
    # Start anyway: the next slot launches a second batch beside the unfinished one.
    r = await client.patch(
        f"/api/v1/maintenance/schedules/{created['id']}",
        headers=tenant.engineer.headers,
        json={"overdue": "start"},
    )
    assert r.status_code == 200
    await _due_at(app, created["id"], slot + timedelta(seconds=1))
    await schedules.fire_due(app.state.sessionmaker, now=slot + timedelta(seconds=30))
    await Worker(app.state.sessionmaker).run_due()
    assert len(await _batches(app, created["id"])) == 2


async def test_a_target_list_used_by_a_schedule_cannot_be_deleted(
    client: AsyncClient, tenant: Tenant
) -> None:
    _, _, list_id = await _create(client, tenant)
    r = await client.delete(f"/api/v1/target-lists/{list_id}", headers=tenant.engineer.headers)
    assert r.status_code == 409
