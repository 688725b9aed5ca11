"""A scheduled batch that starts, and one that is overdue, reach the assignees beyond the bell:
by email when SMTP is configured (a local aiosmtpd server) and on the account's Slack/Teams
webhooks (a local stand-in), redacted and linking to the batch page, as retried jobs."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.config import get_settings
from resolutionflow.jobs import schedules
from resolutionflow.jobs.runner import Worker
from resolutionflow.models import Job, MaintenanceBatch, RedactionReport
from tests.escalations.test_channels_and_metrics import Hooks
from tests.escalations.test_channels_and_metrics import hooks as hooks
from tests.fixtures.factories import Tenant
from tests.maintenance.test_schedules import _create, _due_at
from tests.users.test_invite_email import _Inbox
from tests.users.test_invite_email import inbox as inbox

SECRET = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"


async def _channels(client: AsyncClient, tenant: Tenant, hooks: Hooks) -> None:
    r = await client.put(
        "/api/v1/account/escalation-channels",
        headers=tenant.admin.headers,
        json={
            "slack_webhook_url": f"{hooks.url}/slack/T0K3N",
            "teams_webhook_url": f"{hooks.url}/teams/T0K3N",
        },
    )
    assert r.status_code == 200, r.text


async def _fire(app: FastAPI, schedule_id: str, slot: datetime) -> None:
    """The slot comes: the scheduler queues it, a worker launches it, then sends the notices."""
    await _due_at(app, schedule_id, slot)
    await schedules.fire_due(app.state.sessionmaker, now=slot + timedelta(seconds=30))
    await Worker(app.state.sessionmaker).run_due()
    await Worker(app.state.sessionmaker).run_due()


async def _batches(app: FastAPI, schedule_id: str) -> list[MaintenanceBatch]:
    async with app.state.sessionmaker() as db:
        return list(
            await db.scalars(
                select(MaintenanceBatch)
                .where(MaintenanceBatch.schedule_id == uuid.UUID(schedule_id))
                .order_by(MaintenanceBatch.created_at)
            )
        )


async def _jobs(app: FastAPI, tenant: Tenant, kind: str) -> list[Job]:
    async with app.state.sessionmaker() as db:
        return list(
            await db.scalars(
                select(Job)
                .where(Job.account_id == tenant.id, Job.kind == kind)
                .order_by(Job.created_at)
                .execution_options(populate_existing=True)
            )
        )


async def _until(check: Any) -> None:
    for _ in range(60):
        if check():
            return
        await asyncio.sleep(0.05)


async def test_a_scheduled_start_and_an_overdue_batch_are_emailed_and_posted_redacted(
    app: FastAPI, client: AsyncClient, tenant: Tenant, inbox: _Inbox, hooks: Hooks
) -> None:
    await _channels(client, tenant, hooks)
    created, _, _ = await _create(
        client,
        tenant,
        title=f"Patch night {SECRET}",
        assignee_user_id=str(tenant.admin.id),
        overdue="skip",
    )
    slot = datetime.now(UTC).replace(microsecond=0) - timedelta(days=7)
    await _fire(app, created["id"], slot)
    [first] = await _batches(app, created["id"])
    link = f"{get_settings().base_url.rstrip('/')}/maintenance/batches/{first.id}"

    emails = await _jobs(app, tenant, "notify.email")
    assert [(j.payload["to"], j.state) for j in emails] == [(tenant.admin.email, "succeeded")]
    await _until(lambda: len(inbox.messages) >= 1)
    [(to, message)] = inbox.messages
    assert to == [tenant.admin.email]
    assert str(message["Subject"]).startswith("Scheduled maintenance started: Patch night")
    text = str(message.get_body(("plain",)).get_content())  # type: ignore[union-attr]
    assert link in text and "3 targets to work" in text
    assert SECRET not in text and SECRET not in str(message["Subject"])

    await _until(lambda: len(hooks.received) >= 2)
    assert sorted(p for p, _ in hooks.received) == ["/slack/T0K3N", "/teams/T0K3N"]
    assert SECRET not in json.dumps(hooks.received)
    teams = next(b for p, b in hooks.received if p.startswith("/teams"))
    assert teams["potentialAction"][0]["targets"][0]["uri"] == link
    slack = next(b for p, b in hooks.received if p.startswith("/slack"))
    assert "Scheduled maintenance started" in slack["text"]

    # A week later the batch is unfinished: the slot is skipped and the assignee told so.
    hooks.received.clear()
    await _fire(app, created["id"], slot + timedelta(days=7))
    assert len(await _batches(app, created["id"])) == 1
    emails = await _jobs(app, tenant, "notify.email")
    assert len(emails) == 2 and emails[-1].state == "succeeded"
    await _until(lambda: len(inbox.messages) >= 2)
    overdue = inbox.messages[-1][1]
    assert str(overdue["Subject"]).startswith("Maintenance overdue")
    assert link in str(overdue.get_body(("plain",)).get_content())  # type: ignore[union-attr]
    await _until(lambda: len(hooks.received) >= 2)
    assert all("Maintenance overdue" in json.dumps(b) for _, b in hooks.received)

    # What left is recorded: kinds and counts of what was redacted, per channel.
    async with app.state.sessionmaker() as db:
        sent = list(
            await db.scalars(select(RedactionReport).where(RedactionReport.account_id == tenant.id))
        )
    assert sorted(r.channel for r in sent) == ["email", "email", "webhook", "webhook"]
    assert all(sum(r.counts.values()) >= 1 for r in sent)


async def test_without_smtp_only_the_webhooks_get_the_notice(
    app: FastAPI, client: AsyncClient, tenant: Tenant, hooks: Hooks
) -> None:
    assert not get_settings().smtp_host
    await _channels(client, tenant, hooks)
    created, _, _ = await _create(client, tenant, assignee_user_id=str(tenant.admin.id))
    await _fire(app, created["id"], datetime.now(UTC).replace(microsecond=0))
    assert len(await _batches(app, created["id"])) == 1
    assert await _jobs(app, tenant, "notify.email") == []
    assert [j.state for j in await _jobs(app, tenant, "notify.webhook")] == ["succeeded"] * 2


async def test_a_batch_launched_by_hand_sends_nothing_outside(
    app: FastAPI, client: AsyncClient, tenant: Tenant, inbox: _Inbox, hooks: Hooks
) -> None:
    await _channels(client, tenant, hooks)
    _, flow_id, list_id = await _create(client, tenant)
    r = await client.post(
        "/api/v1/maintenance/batches",
        headers=tenant.engineer.headers,
        json={
            "flow_id": flow_id,
            "target_list_id": list_id,
            "assignee_user_id": str(tenant.admin.id),
        },
    )
    assert r.status_code == 201, r.text
    await Worker(app.state.sessionmaker).run_due()
    assert await _jobs(app, tenant, "notify.email") == []
    assert await _jobs(app, tenant, "notify.webhook") == []
