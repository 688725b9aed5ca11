"""`resolutionflow worker --once`: a separate process runs what is due (here, a Slack notice
queued by this process) and exits."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.jobs import queue
from resolutionflow.models import Job
from resolutionflow.outbound.notices import WEBHOOK, WebhookPayload
from tests.escalations.test_channels_and_metrics import Hooks
from tests.escalations.test_channels_and_metrics import hooks as hooks
from tests.fixtures.factories import Factory

CLI = str(Path(sys.executable).parent / "resolutionflow")


async def test_worker_once_runs_what_is_due_in_its_own_process(
    app: FastAPI, client: AsyncClient, factory: Factory, hooks: Hooks, database_url: str
) -> None:
    tenant = await factory.tenant()
    r = await client.put(
        "/api/v1/account/escalation-channels",
        headers=tenant.admin.headers,
        json={"slack_webhook_url": f"{hooks.url}/slack/CLI"},
    )
    assert r.status_code == 200
    async with app.state.sessionmaker() as db:
        job = await queue.enqueue(
            db,
            WEBHOOK,
            WebhookPayload(channel="slack", title="From the worker", text="hi", link="/"),
            account_id=tenant.id,
        )
        await db.commit()
    env = {**os.environ, "RESOLUTIONFLOW_DATABASE_URL": database_url}
    done = await asyncio.to_thread(
        subprocess.run,
        [CLI, "worker", "--once"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "ran" in done.stderr
    assert [p for p, _ in hooks.received] == ["/slack/CLI"]
    assert hooks.received[0][1]["text"].startswith("*From the worker*")
    async with app.state.sessionmaker() as db:
        row = await db.get(Job, job.id, populate_existing=True)
    assert row is not None and row.state == "succeeded"
