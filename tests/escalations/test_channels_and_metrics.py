"""Slack and Teams webhooks (a local HTTP server stands in for both), and the metrics."""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.escalations import channels
from resolutionflow.logging import QUIET_LOGGERS, JsonFormatter, configure_logging
from resolutionflow.models import Account
from resolutionflow.providers.notify import webhook
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


@pytest.fixture
def production_logging() -> Iterator[None]:
    """Logging as `serve` configures it, put back afterwards (it replaces the root handlers)."""
    root = logging.getLogger()
    names = ("uvicorn", "uvicorn.error", "uvicorn.access", *QUIET_LOGGERS)
    saved = (root.handlers[:], root.level)
    loggers = {
        n: (lg.handlers[:], lg.level, lg.propagate, lg.disabled)
        for n in names
        for lg in [logging.getLogger(n)]
    }
    configure_logging("DEBUG")
    yield
    root.handlers[:], level = saved
    root.setLevel(level)
    for n, (handlers, lvl, propagate, disabled) in loggers.items():
        lg = logging.getLogger(n)
        lg.handlers[:], lg.propagate, lg.disabled = handlers, propagate, disabled
        lg.setLevel(lvl)


@pytest.mark.usefixtures("production_logging")
async def test_a_webhook_send_logs_no_url_path_or_token(
    hooks: Hooks, caplog: pytest.LogCaptureFixture
) -> None:
    """httpx logs "HTTP Request: POST <url>" at INFO, and a webhook's URL is its credential."""
    logging.getLogger().addHandler(caplog.handler)  # configure_logging replaced the handlers
    caplog.set_level(logging.DEBUG)
    url = f"{hooks.url}/services/T0/B0/LoggedT0K3N"
    await webhook.send("slack", url, "Escalated", "Mail is down", "https://rf.example/handoffs/1")
    hooks.fail_path = "/services/T0/B0/LoggedT0K3N"
    failed = await channels.deliver([("slack", url)], "Escalated", "Mail is down", "https://x/h")
    assert failed == ["slack webhook answered 500"]
    assert [p for p, _ in hooks.received] == ["/services/T0/B0/LoggedT0K3N"] * 2
    # The failure is logged (a warning), so logging was on and captured.
    assert any("slack webhook answered 500" in r.getMessage() for r in caplog.records)
    formatter = JsonFormatter()
    logged = caplog.text + "\n".join(formatter.format(r) for r in caplog.records)
    assert "LoggedT0K3N" not in logged and "/services/" not in logged


def test_the_json_formatter_drops_url_paths_whoever_logs_them() -> None:
    # A library (or a later change) that logs a full URL anyway: the path and query go.
    record = logging.makeLogRecord(
        {
            "name": "httpx",
            "levelno": logging.INFO,
            "levelname": "INFO",
            "msg": 'HTTP Request: POST %s "HTTP/1.1 200 OK"',
            "args": ("https://hooks.slack.com/services/T0/B0/FormatT0K3N?x=1",),
            "target": "https://outlook.office.com/webhook/abc/IncomingWebhook/FormatT0K3N2",
        }
    )
    line = JsonFormatter().format(record)
    assert "FormatT0K3N" not in line and "/services/" not in line
    assert "https://hooks.slack.com/[redacted]" in line
    assert "https://outlook.office.com/[redacted]" in line
