"""Slack and Teams webhooks (a local HTTP server stands in for both), and the metrics."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.models import Account
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory

SECRET = "Hunter2-Zx9!qPlanted"


class Hooks:
    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, Any]]] = []
        self.fail_path: str | None = None
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                hooks.received.append((self.path, json.loads(body)))
                status = 500 if self.path == hooks.fail_path else 200
                self.send_response(status)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def hooks() -> Iterator[Hooks]:
    h = Hooks()
    yield h
    h.server.shutdown()


async def test_webhooks_get_a_redacted_notice_and_their_urls_stay_secret(
    client: AsyncClient, factory: Factory, hooks: Hooks
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    r = await client.put(
        "/api/v1/account/escalation-channels",
        headers=h,
        json={
            "slack_webhook_url": f"{hooks.url}/slack/T0K3N",
            "teams_webhook_url": f"{hooks.url}/teams/T0K3N",
        },
    )
    assert r.json() == {"slack_webhook_set": True, "teams_webhook_set": True}
    assert "T0K3N" not in r.text
    async with factory._db() as db:
        account = await db.scalar(select(Account).where(Account.id == tenant.id))
    assert account is not None and "T0K3N" not in (account.slack_webhook_encrypted or "")

    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Mail down"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": f"The password {SECRET} no longer works", "priority": "urgent"},
    )
    assert r.status_code == 201, r.text
    for _ in range(40):
        if len(hooks.received) >= 2:
            break
        await asyncio.sleep(0.05)
    paths = sorted(p for p, _ in hooks.received)
    assert paths == ["/slack/T0K3N", "/teams/T0K3N"]
    slack = next(b for p, b in hooks.received if p.startswith("/slack"))
    teams = next(b for p, b in hooks.received if p.startswith("/teams"))
    assert "[urgent]" in slack["text"] and "Mail down" in slack["text"]
    assert teams["@type"] == "MessageCard" and teams["potentialAction"][0]["targets"][0][
        "uri"
    ].endswith(f"/handoffs/{r.json()['id']}")
    assert SECRET not in json.dumps(hooks.received)
    sent = (await client.get(f"/api/v1/sessions/{sid}/redaction-reports", headers=h)).json()
    assert {x["channel"] for x in sent} >= {"escalation", "webhook"}

    # The test button reports a failing hook by kind, never by URL.
    hooks.fail_path = "/teams/T0K3N"
    r = await client.post("/api/v1/account/escalation-channels/test", headers=h)
    assert r.json()["ok"] is False and r.json()["sent_to"] == ["slack", "teams"]
    assert "teams" in r.json()["failed"][0] and "T0K3N" not in r.text

    assert_problem(
        await client.put(
            "/api/v1/account/escalation-channels",
            headers=h,
            json={"slack_webhook_url": "http://hooks.example/x"},
        ),
        422,
    )
    r = await client.put(
        "/api/v1/account/escalation-channels", headers=h, json={"slack_webhook_url": ""}
    )
    assert r.json()["slack_webhook_set"] is False and r.json()["teams_webhook_set"] is True


async def test_metrics_pickup_resolution_rates_and_accuracy(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    eng, admin = tenant.engineer.headers, tenant.admin.headers
    for i, correct in enumerate((True, False)):
        sid = (
            await client.post("/api/v1/sessions", headers=eng, json={"title": f"Case {i}"})
        ).json()["id"]
        handoff = (
            await client.post(
                f"/api/v1/sessions/{sid}/escalate", headers=eng, json={"reason": "Need help"}
            )
        ).json()
        await client.post(f"/api/v1/handoffs/{handoff['id']}/claim", headers=admin)
        await client.post(
            f"/api/v1/sessions/{sid}/events",
            headers=admin,
            json={"type": "resolve", "summary": "done"},
        )
        r = await client.post(
            f"/api/v1/handoffs/{handoff['id']}/outcome",
            headers=admin,
            json={"cause_correct": correct},
        )
        assert r.status_code == 200, r.text
    await client.post("/api/v1/sessions", headers=eng, json={"title": "Not escalated"})

    m = (await client.get("/api/v1/escalations/metrics", headers=admin)).json()
    assert m["escalations"] == 2 and m["claimed"] == 2
    assert (
        m["median_time_to_pickup_s"] is not None and m["median_pickup_to_resolution_s"] is not None
    )
    assert m["assessments_rated"] == 2 and m["assessment_accuracy"] == 0.5
    mine = next(r for r in m["per_engineer"] if r["name"] == tenant.engineer.name)
    assert mine["escalated"] == 2
    assert sum(b["rated"] for b in m["calibration"]) == 2
    assert_problem(
        await client.get("/api/v1/escalations/metrics", headers=admin, params={"days": 0}), 422
    )
