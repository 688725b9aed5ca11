"""Work in flight survives the server dying: kill -9 while the escalation's model is still
thinking; after a restart the assessment job runs again, once, and its effect lands once."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select

from resolutionflow.models import AICall, Job
from tests.ai.support import use_model
from tests.escalations.test_handoffs import _worked_session
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Factory
from tests.sessions.test_durability import _free_port, _serve

ASSESSMENT = {
    "summary": "Spooler crashes on a bad driver.",
    "what_we_know": ["Spooler restarts help briefly"],
    "likely_cause": "A corrupt HP Universal driver",
    "suggested_steps": ["Remove the driver package", "Reinstall v7.1"],
    "confidence": 0.72,
}


async def _assess_job(app: FastAPI, handoff_id: str) -> Job:
    async with app.state.sessionmaker() as db:
        jobs = list(
            await db.scalars(
                select(Job)
                .where(Job.kind == "escalation.assess")
                .execution_options(populate_existing=True)
            )
        )
    mine = [j for j in jobs if j.payload.get("handoff_id") == handoff_id]
    assert len(mine) == 1, mine
    return mine[0]


@pytest.fixture
def fast_leases(monkeypatch: pytest.MonkeyPatch) -> None:
    # The servers started below read these: a dead worker's claim lapses in 5 s (not 60), and
    # an idle worker looks for such work every half second.
    monkeypatch.setenv("RESOLUTIONFLOW_JOBS_LEASE_S", "5")
    monkeypatch.setenv("RESOLUTIONFLOW_JOBS_POLL_S", "0.5")
    monkeypatch.setenv("RESOLUTIONFLOW_LLM_TIMEOUT_S", "120")


async def test_the_assessment_finishes_after_a_kill_9_while_the_model_was_thinking(
    app: FastAPI,
    client: AsyncClient,
    factory: Factory,
    fake_anthropic: FakeAnthropic,
    database_url: str,
    tmp_path: Path,
    fast_leases: None,
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    sid = await _worked_session(client, tenant)
    # The first call thinks for far longer than the server will live; the next answers at once.
    fake_anthropic.script(Reply(delay_s=60, json=ASSESSMENT), Reply(json=ASSESSMENT))

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    server = await asyncio.to_thread(_serve, database_url, port, log)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            r = await http.post(
                f"/api/v1/sessions/{sid}/escalate",
                headers=tenant.engineer.headers,
                json={"reason": "Spooler keeps stopping", "priority": "high"},
            )
        assert r.status_code == 201, r.text
        handoff = r.json()
        assert handoff["assessment_status"] == "pending", (
            handoff,
            len(fake_anthropic.requests),
            log.read_text()[-3000:],
        )
        # The request waits up to 5 s for the assessment; on a loaded machine the worker may
        # reach the model only after that. Kill the server once the model is thinking.
        for _ in range(120):
            if fake_anthropic.requests:
                break
            await asyncio.sleep(0.25)
        assert len(fake_anthropic.requests) == 1, [
            (q["json"].get("model"), q["headers"].get("x-stainless-retry-count"), q.get("at"))
            for q in fake_anthropic.requests
        ]  # the model is thinking right now
        running = await _assess_job(app, handoff["id"])
        assert (running.state, running.attempts) == ("running", 1)
        os.kill(server.pid, signal.SIGKILL)  # no graceful shutdown, no lease released
        await asyncio.to_thread(server.wait, 10)
    finally:
        if server.poll() is None:
            server.kill()

    restarted = await asyncio.to_thread(_serve, database_url, port, log)
    try:
        for _ in range(120):
            got = (
                await client.get(f"/api/v1/handoffs/{handoff['id']}", headers=tenant.admin.headers)
            ).json()
            if got["assessment_status"] != "pending":
                break
            await asyncio.sleep(0.25)
        assert got["assessment_status"] == "ready", log.read_text()[-3000:]
        assert got["ai_assessment"]["likely_cause"] == "A corrupt HP Universal driver"
    finally:
        restarted.send_signal(signal.SIGTERM)
        await asyncio.to_thread(restarted.wait, 15)

    done = await _assess_job(app, handoff["id"])
    assert (done.state, done.attempts, done.last_error) == ("succeeded", 2, "")
    assert len(fake_anthropic.requests) == 2
    # The effect happened once: one recorded model call for the assessment, not two.
    async with app.state.sessionmaker() as db:
        calls = await db.scalar(
            select(func.count())
            .select_from(AICall)
            .where(AICall.session_id == uuid.UUID(sid), AICall.action == "escalation_assessment")
        )
    assert calls == 1
