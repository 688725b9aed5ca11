"""Email and Slack/Teams notices are jobs: a failing SMTP server or webhook is retried with
backoff, and the job records the delivery once it succeeds."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select, update

from resolutionflow.config import get_settings
from resolutionflow.jobs.runner import Worker
from resolutionflow.models import Job
from tests.escalations.test_channels_and_metrics import Hooks
from tests.escalations.test_channels_and_metrics import hooks as hooks
from tests.fixtures.factories import Factory, Tenant
from tests.users.test_invite_email import _free_port, _Inbox


class _FlakyInbox(_Inbox):
    """Answers 451 (try again later) to the first `refuse` messages, then keeps them."""

    def __init__(self, refuse: int) -> None:
        super().__init__()
        self.refuse = refuse
        self.refused = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refused < self.refuse:
            self.refused += 1
            return "451 4.3.0 Mailbox busy, try again later"
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def flaky_inbox() -> Iterator[_FlakyInbox]:
    handler = _FlakyInbox(refuse=1)
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setenv("RESOLUTIONFLOW_SMTP_HOST", "127.0.0.1")
            mp.setenv("RESOLUTIONFLOW_SMTP_PORT", str(controller.port))
            get_settings.cache_clear()
            try:
                yield handler
            finally:
                get_settings.cache_clear()
        get_settings.cache_clear()
    finally:
        controller.stop()


async def _escalate(client: AsyncClient, tenant: Tenant, app: FastAPI) -> str:
    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "VPN down"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": "Tunnel drops every 5 minutes", "priority": "high"},
    )
    assert r.status_code == 201, r.text
    await app.state.jobs.drain()
    return sid


async def _jobs(app: FastAPI, tenant: Tenant, kind: str) -> list[Job]:
    async with app.state.sessionmaker() as db:
        return list(
            await db.scalars(
                select(Job)
                .where(Job.account_id == tenant.id, Job.kind == kind)
                .execution_options(populate_existing=True)
            )
        )


async def _time_passes(app: FastAPI, tenant: Tenant) -> None:
    """The backoff wait is over (rather than sleeping 30 s in a test)."""
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(Job)
            .where(Job.account_id == tenant.id, Job.state == "failed")
            .values(run_at=datetime.now(UTC))
        )
        await db.commit()


async def test_a_failing_webhook_is_retried_and_the_delivery_recorded(
    app: FastAPI, client: AsyncClient, factory: Factory, hooks: Hooks
) -> None:
    tenant = await factory.tenant()
    r = await client.put(
        "/api/v1/account/escalation-channels",
        headers=tenant.admin.headers,
        json={"slack_webhook_url": f"{hooks.url}/slack/T0K3N"},
    )
    assert r.status_code == 200
    hooks.fail_path = "/slack/T0K3N"
    await _escalate(client, tenant, app)
    [job] = await _jobs(app, tenant, "notify.webhook")
    assert job.state == "failed" and job.attempts == 1
    assert job.last_error == "slack webhook answered 500"
    waited = (job.run_at - job.updated_at).total_seconds()
    assert 20 <= waited <= 40, waited  # about 30 s
    # The admin sees it failing, and why.
    listed = await client.get("/api/v1/jobs?state=failed", headers=tenant.admin.headers)
    assert [x["description"] for x in listed.json()["items"]] == [f"Slack: {job.payload['title']}"]

    hooks.fail_path = None
    await _time_passes(app, tenant)
    await Worker(app.state.sessionmaker).run_due()
    [job] = await _jobs(app, tenant, "notify.webhook")
    assert (job.state, job.attempts, job.last_error) == ("succeeded", 2, "")
    assert job.finished_at is not None
    assert [p for p, _ in hooks.received] == ["/slack/T0K3N", "/slack/T0K3N"]
    assert "T0K3N" not in str(job.payload)  # the URL (a credential) is never in the job


async def test_a_failing_smtp_server_is_retried_and_the_delivery_recorded(
    app: FastAPI, client: AsyncClient, factory: Factory, flaky_inbox: _FlakyInbox
) -> None:
    tenant = await factory.tenant()
    await _escalate(client, tenant, app)
    emails = await _jobs(app, tenant, "notify.email")
    assert emails, "the escalation queued no email"
    assert flaky_inbox.refused == 1
    failed = [j for j in emails if j.state == "failed"]
    assert len(failed) == 1 and "451" in failed[0].last_error
    # The body travels encrypted in the job (it may carry a link that is a credential).
    assert "Tunnel drops" not in str(failed[0].payload)

    await _time_passes(app, tenant)
    await Worker(app.state.sessionmaker).run_due()
    emails = await _jobs(app, tenant, "notify.email")
    assert {j.state for j in emails} == {"succeeded"}
    for _ in range(20):
        if len(flaky_inbox.messages) == len(emails):
            break
        await asyncio.sleep(0.05)
    assert sorted(r[0] for r, _ in flaky_inbox.messages) == sorted(j.payload["to"] for j in emails)


async def test_an_invite_email_is_a_job_retried_until_the_smtp_server_takes_it(
    app: FastAPI, client: AsyncClient, factory: Factory, flaky_inbox: _FlakyInbox
) -> None:
    tenant = await factory.tenant()
    address = "retried.invite@example.com"
    r = await client.post(
        "/api/v1/users",
        json={"email": address, "name": "Retried Invite", "role": "engineer"},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 201, r.text
    assert r.json()["invite"]["emailed"] is True
    await app.state.jobs.drain()

    [job] = await _jobs(app, tenant, "notify.email")
    assert job.state == "failed" and "451" in job.last_error
    assert flaky_inbox.messages == []
    # The link is a credential: it is not in the job's clear payload.
    assert "/invite/" not in str(job.payload)

    await _time_passes(app, tenant)
    await Worker(app.state.sessionmaker).run_due()
    [job] = await _jobs(app, tenant, "notify.email")
    assert (job.state, job.attempts) == ("succeeded", 2)
    [(recipients, message)] = flaky_inbox.messages
    assert recipients == [address]
    assert "/invite/" in str(message.get_body(("plain",)).get_content())  # type: ignore[union-attr]
