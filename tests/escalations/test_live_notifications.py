"""A senior's notification stream hears an escalation at once: on the same instance, and on
another instance through PostgreSQL LISTEN/NOTIFY. The servers poll only every 60 s, so an
event within seconds proves the notification path."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import signal
import subprocess
import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Tenant
from tests.sessions.test_durability import _free_port, _serve
from tests.sessions.test_live import SLOW_POLL


def _reader(url: str, headers: dict[str, str], out: queue.Queue[Any]) -> None:
    # The servers stop while the stream is open: that ending is expected, not an error.
    with contextlib.suppress(httpx.HTTPError):
        _read(url, headers, out)


def _read(url: str, headers: dict[str, str], out: queue.Queue[Any]) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(30, read=90)) as http,
        http.stream("GET", url, headers=headers) as response,
    ):
        event: dict[str, str] = {}
        for line in response.iter_lines():
            if line.startswith(("event:", "data:")):
                key, _, value = line.partition(":")
                event[key] = value.strip()
            elif line == "" and event:
                out.put(event)
                event = {}


def _scenario(database_url: str, tenant: Tenant, two: bool, log: Path) -> list[dict[str, str]]:
    backup = dict(os.environ)
    os.environ.update(SLOW_POLL)
    try:
        port_a = _free_port()
        servers = [_serve(database_url, port_a, log)]
        port_b = port_a
        if two:
            port_b = _free_port()
            servers.append(_serve(database_url, port_b, log))
    finally:
        os.environ.clear()
        os.environ.update(backup)
    try:
        a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        out: queue.Queue[dict[str, str]] = queue.Queue()
        threading.Thread(
            target=_reader,
            args=(f"{a}/api/v1/notifications/stream?max_seconds=12", tenant.admin.headers, out),
            daemon=True,
        ).start()
        first = out.get(timeout=20)  # the count when the stream opens
        sid = httpx.post(
            f"{b}/api/v1/sessions",
            json={"title": "Live escalation"},
            headers=tenant.engineer.headers,
        ).json()["id"]
        r = httpx.post(
            f"{b}/api/v1/sessions/{sid}/escalate",
            json={"reason": "Need a senior now"},
            headers=tenant.engineer.headers,
            timeout=30,
        )
        assert r.status_code == 201, r.text
        events = [first]
        while True:
            event = out.get(timeout=15)
            events.append(event)
            if event.get("event") == "unread" and json.loads(event["data"])["unread"] >= 1:
                return events
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)


async def test_the_bell_hears_an_escalation_at_once(
    client: AsyncClient, factory: Factory, database_url: str, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    events = await asyncio.to_thread(_scenario, database_url, tenant, False, tmp_path / "s.log")
    assert events[0] == {"event": "unread", "data": '{"unread": 0}'}
    assert json.loads(events[-1]["data"]) == {"unread": 1}


@pytest.mark.skipif(
    not os.environ.get("RF_TEST_DATABASE_URL"),
    reason="fan-out between instances goes through PostgreSQL LISTEN/NOTIFY; "
    "this test runs in the PostgreSQL pass of make test",
)
async def test_the_bell_hears_an_escalation_made_on_another_instance(
    client: AsyncClient, factory: Factory, database_url: str, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    events = await asyncio.to_thread(_scenario, database_url, tenant, True, tmp_path / "s.log")
    assert json.loads(events[-1]["data"]) == {"unread": 1}
