"""Live timelines over server-sent events, on one instance and across two on PostgreSQL.

The servers run with a 60 s fallback poll, so an event arriving within seconds proves the
notification path (after-commit wake-up, and LISTEN/NOTIFY between instances)."""

from __future__ import annotations

import asyncio
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

from tests.fixtures.factories import Factory
from tests.sessions.test_durability import _free_port, _serve

SLOW_POLL = {"RESOLUTIONFLOW_SSE_POLL_INTERVAL_S": "60", "RESOLUTIONFLOW_SSE_HEARTBEAT_S": "60"}


def _reader(
    url: str, headers: dict[str, str], out: queue.Queue[Any], ready: threading.Event
) -> None:
    with (
        httpx.Client(timeout=httpx.Timeout(30, read=90)) as http,
        http.stream("GET", url, headers=headers) as response,
    ):
        out.put(("status", response.status_code, response.headers.get("content-type")))
        event: dict[str, str] = {}
        try:
            for line in response.iter_lines():
                if line.startswith("retry:"):
                    ready.set()
                elif line.startswith(("id:", "event:", "data:")):
                    key, _, value = line.partition(":")
                    event[key] = value.strip()
                elif line == "" and event:
                    out.put(("event", event))
                    event = {}
        except httpx.RemoteProtocolError:
            pass  # the scenario stops the servers under the open stream


def _scenario(
    database_url: str, headers: dict[str, str], two_instances: bool, log: Path
) -> list[Any]:
    env_backup = dict(os.environ)
    os.environ.update(SLOW_POLL)
    try:
        port_a = _free_port()
        servers = [_serve(database_url, port_a, log)]
        port_b = port_a
        if two_instances:
            port_b = _free_port()
            servers.append(_serve(database_url, port_b, log))
    finally:
        os.environ.clear()
        os.environ.update(env_backup)
    try:
        a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        created = httpx.post(f"{b}/api/v1/sessions", json={"title": "Live"}, headers=headers)
        sid = created.json()["id"]
        out: queue.Queue[Any] = queue.Queue()
        ready = threading.Event()
        thread = threading.Thread(
            target=_reader,
            # Open longer than the wait below: the stream's last read as it closes (or the
            # 60 s poll) cannot be what delivers the note; only a wake-up can.
            args=(f"{a}/api/v1/sessions/{sid}/stream?max_seconds=60", headers, out, ready),
            daemon=True,
        )
        thread.start()
        assert ready.wait(15), "the stream never opened"
        note = httpx.post(
            f"{b}/api/v1/sessions/{sid}/events",
            headers=headers,
            json={"type": "note", "text": "seen live on the other instance"},
        )
        assert note.status_code == 201, note.text
        received = [out.get(timeout=15)]  # status line
        received.append(out.get(timeout=15))  # the first event after the note
        return received
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)


def _assert_note_arrived(received: list[Any]) -> None:
    (_, status, content_type), (_, event) = received
    assert status == 200 and content_type.startswith("text/event-stream")
    assert event["event"] == "session_event"
    payload = json.loads(event["data"])
    assert payload["type"] == "note" and payload["seq"] == int(event["id"])
    assert payload["payload"]["text"] == "seen live on the other instance"


async def test_a_viewer_of_the_session_sees_new_events_live(
    client: AsyncClient, factory: Factory, database_url: str, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    received = await asyncio.to_thread(
        _scenario, database_url, tenant.engineer.headers, False, tmp_path / "server.log"
    )
    _assert_note_arrived(received)


@pytest.mark.skipif(
    not os.environ.get("RF_TEST_DATABASE_URL"),
    reason="fan-out between instances goes through PostgreSQL LISTEN/NOTIFY; "
    "this test runs in the PostgreSQL pass of make test",
)
async def test_events_reach_a_stream_on_another_instance(
    client: AsyncClient, factory: Factory, database_url: str, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    received = await asyncio.to_thread(
        _scenario, database_url, tenant.engineer.headers, True, tmp_path / "server.log"
    )
    _assert_note_arrived(received)


async def test_streams_are_authorised_like_the_session(
    client: AsyncClient, factory: Factory
) -> None:
    from resolutionflow.models import Role

    tenant = await factory.tenant()
    created = await client.post(
        "/api/v1/sessions", json={"title": "Private"}, headers=tenant.engineer.headers
    )
    sid = created.json()["id"]
    colleague = await factory.user(tenant, Role.engineer)
    r = await client.get(f"/api/v1/sessions/{sid}/stream?max_seconds=0", headers=colleague.headers)
    assert r.status_code == 404
    assert (await client.get(f"/api/v1/sessions/{sid}/stream?max_seconds=0")).status_code == 401
    # Catching up: from seq 0 the stream replays the timeline, then closes (max_seconds=0).
    r = await client.get(
        f"/api/v1/sessions/{sid}/stream?after=0&max_seconds=0", headers=tenant.engineer.headers
    )
    ids = [int(line[3:]) for line in r.text.splitlines() if line.startswith("id:")]
    assert ids == [1]
