"""Several app instances on one PostgreSQL: a push queued on one instance is sent at once by
another instance's worker, woken by NOTIFY (its poll is set to a minute, so only the
notification can make it that quick)."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from pathlib import Path

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.models.psa import PsaPush
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect, start
from tests.sessions.test_durability import _free_port, _serve


@pytest.mark.skipif(
    not os.environ.get("RF_TEST_DATABASE_URL"),
    reason="wake-ups between instances go through PostgreSQL LISTEN/NOTIFY; "
    "this test runs in the PostgreSQL pass of make test",
)
async def test_another_instance_sends_a_queued_push_at_once(
    client: AsyncClient,
    tenant: Tenant,
    cw: FakeConnectWise,
    app: FastAPI,
    database_url: str,
    tmp_path: Path,
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    backup = dict(os.environ)
    os.environ["RESOLUTIONFLOW_JOBS_POLL_S"] = "60"
    try:
        server = await asyncio.to_thread(
            _serve, database_url, _free_port(), tmp_path / "server.log"
        )
    finally:
        os.environ.clear()
        os.environ.update(backup)
    try:
        await asyncio.sleep(2)  # its worker has made its first round and is listening
        # This instance (the test's app) runs no worker: only the other one can send it.
        r = await client.post(
            f"/api/v1/sessions/{session['id']}/psa/push", headers=tenant.engineer.headers, json={}
        )
        assert r.status_code == 202, r.text
        queued_at = time.monotonic()
        state = "queued"
        while time.monotonic() - queued_at < 20:
            async with app.state.sessionmaker() as db:
                state = await db.scalar(
                    select(PsaPush.state).where(PsaPush.id == uuid.UUID(r.json()["id"]))
                )
            if state == "sent":
                break
            await asyncio.sleep(0.1)
        assert state == "sent", (tmp_path / "server.log").read_text()[-2000:]
        assert time.monotonic() - queued_at < 20  # well before the other worker's 60 s poll
        assert len([n for n in cw.notes(1001) if "[ResolutionFlow RF-" in n["text"]]) == 1
    finally:
        os.kill(server.pid, signal.SIGTERM)
        await asyncio.to_thread(server.wait, 15)
