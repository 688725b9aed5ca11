"""The weekly digest job (`flywheel.digest`): with SMTP and a Slack webhook configured it sends
one email to each active team admin (and super admin) and one Slack notice summarising the
open proposals, redacted; with nothing open it sends nothing (docs/knowledge-loop.md)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.config import get_settings
from resolutionflow.flywheel import jobs as flywheel_jobs
from resolutionflow.jobs import queue
from resolutionflow.jobs.runner import Worker
from resolutionflow.models import Job, Role
from tests.escalations.test_channels_and_metrics import Hooks
from tests.escalations.test_channels_and_metrics import hooks as hooks
from tests.fixtures.factories import Factory, Tenant
from tests.flywheel.test_flywheel import PRINTER, freeform, listing, run
from tests.users.test_invite_email import _free_port, _Inbox

SECRET = "Hunter2-Zx9!qPlanted"


@pytest.fixture
def inbox() -> Iterator[_Inbox]:
    handler = _Inbox()
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


async def _slack(client: AsyncClient, tenant: Tenant, hooks: Hooks) -> None:
    r = await client.put(
        "/api/v1/account/escalation-channels",
        headers=tenant.admin.headers,
        json={"slack_webhook_url": f"{hooks.url}/slack/T0K3N"},
    )
    assert r.status_code == 200, r.text


async def _digest(app: FastAPI, tenant: Tenant) -> None:
    async with app.state.sessionmaker() as db:
        job = await queue.enqueue(
            db, flywheel_jobs.DIGEST, flywheel_jobs.DigestPayload(), account_id=tenant.id
        )
        job_id = job.id
        await db.commit()
    await Worker(app.state.sessionmaker).run_due()
    async with app.state.sessionmaker() as db:
        done = await db.get(Job, job_id)
        assert done is not None and done.state == "succeeded", done and done.last_error


async def _notices(app: FastAPI, tenant: Tenant) -> list[Job]:
    async with app.state.sessionmaker() as db:
        return list(
            await db.scalars(
                select(Job).where(
                    Job.account_id == tenant.id, Job.kind.in_(("notify.email", "notify.webhook"))
                )
            )
        )


async def test_the_digest_emails_each_admin_and_posts_one_slack_notice_redacted(
    app: FastAPI, client: AsyncClient, factory: Factory, hooks: Hooks, inbox: _Inbox
) -> None:
    tenant = await factory.tenant()
    second = await factory.user(tenant, Role.team_admin)
    gone = await factory.user(tenant, Role.team_admin, is_active=False)
    await _slack(client, tenant, hooks)
    # Every session's title carries a password: whichever names the proposal, it is redacted.
    for title, notes, summary in PRINTER:
        await freeform(client, tenant, f"{title} (admin password={SECRET})", notes, summary)
    await run(client, app, tenant)
    (proposal,) = await listing(client, tenant)

    # The title names the problem from a session title; its password is redacted.
    assert "password=" in proposal["title"] and SECRET not in proposal["title"]
    await _digest(app, tenant)

    admins = {tenant.admin.email, tenant.super_admin.email, second.email}
    for _ in range(50):
        if len(inbox.messages) >= len(admins) and hooks.received:
            break
        await asyncio.sleep(0.05)
    assert sorted(to for recipients, _ in inbox.messages for to in recipients) == sorted(admins)
    assert gone.email not in str(inbox.messages)
    for _, message in inbox.messages:
        assert message["subject"] == "1 flow proposals are waiting for review"
        body = message.get_body(("plain",))
        assert body is not None
        text = str(body.get_content())
        assert f"- {proposal['title']} (5 sessions)" in text
        assert "/proposals" in text
        assert SECRET not in text
    [(path, slack)] = hooks.received
    assert path == "/slack/T0K3N"
    assert "1 flow proposals are waiting for review" in json.dumps(slack)
    assert proposal["title"] in json.dumps(slack)
    assert SECRET not in json.dumps(slack)


async def test_with_nothing_open_the_digest_sends_nothing(
    app: FastAPI, client: AsyncClient, factory: Factory, hooks: Hooks, inbox: _Inbox
) -> None:
    tenant = await factory.tenant()
    await _slack(client, tenant, hooks)
    for case in PRINTER[:3]:
        await freeform(client, tenant, *case)
    await run(client, app, tenant)
    (proposal,) = await listing(client, tenant)
    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/dismiss", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text

    await _digest(app, tenant)

    assert await _notices(app, tenant) == []
    assert inbox.messages == [] and hooks.received == []
