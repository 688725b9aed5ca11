"""An acknowledged event survives the server being killed (kill -9) right after answering."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from httpx import AsyncClient

from tests.fixtures.factories import Factory
from tests.sessions.flows import EVERY_TYPE, publish

CLI = str(Path(sys.executable).parent / "resolutionflow")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(database_url: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "RESOLUTIONFLOW_DATABASE_URL": database_url}
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [CLI, "serve", "--port", str(port)], env=env, stdout=out, stderr=out
        )
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not start; see {log}")


def _crash_and_restart(
    database_url: str, headers: dict[str, str], flow_id: str, log: Path
) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = _serve(database_url, port, log)
    try:
        with httpx.Client(base_url=base, headers=headers, timeout=10) as http:
            session = http.post(
                "/api/v1/sessions", json={"title": "Crash test", "flow_id": flow_id}
            )
            assert session.status_code == 201, session.text
            sid = session.json()["id"]
            answered = http.post(
                f"/api/v1/sessions/{sid}/events",
                json={"type": "answer", "node_id": "q", "answer": "Yes"},
            )
            noted = http.post(
                f"/api/v1/sessions/{sid}/events",
                json={"type": "note", "text": "acknowledged right before the crash"},
            )
            assert answered.status_code == 201 and noted.status_code == 201
        # No graceful shutdown: the process dies the instant the last answer arrived.
        os.kill(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
    restarted = _serve(database_url, port, log)
    try:
        r = httpx.get(f"{base}/api/v1/sessions/{sid}", headers=headers, timeout=10)
        assert r.status_code == 200, r.text
        return dict(r.json())
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(timeout=15)


async def test_an_acknowledged_event_survives_kill_9(
    client: AsyncClient, factory: Factory, database_url: str, tmp_path: Path
) -> None:
    tenant = await factory.tenant()
    flow_id = await publish(client, tenant, EVERY_TYPE)
    session = await asyncio.to_thread(
        _crash_and_restart,
        database_url,
        tenant.engineer.headers,
        flow_id,
        tmp_path / "server.log",
    )
    timeline = session["timeline"]
    assert timeline[-1]["type"] == "note"
    assert timeline[-1]["payload"]["text"] == "acknowledged right before the crash"
    assert session["current_node"] == "code"
