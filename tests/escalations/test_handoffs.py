"""Escalations end to end through the API: the redacted snapshot, the assessment (offline, and a
slow model bounded at 5 seconds), notifications, the atomic claim, and the outcome loop."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.config import get_settings
from tests.ai.support import use_model
from tests.assist.support import publish_demo_library
from tests.auth.support import assert_problem
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Factory, Tenant

SECRET = "Hunter2-Zx9!qPlanted"


async def _worked_session(client: AsyncClient, tenant: Tenant) -> str:
    h = tenant.engineer.headers
    r = await client.post(
        "/api/v1/sessions",
        headers=h,
        json={"title": "Printer offline at reception", "ticket_id": "T-77"},
    )
    sid = r.json()["id"]
    await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=h,
        json={"type": "note", "text": f"Restarted the spooler; admin password is {SECRET}"},
    )
    await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=h,
        json={"type": "command_output", "command": "Get-Service Spooler", "text": "Running"},
    )
    return str(sid)


async def _escalate(client: AsyncClient, tenant: Tenant, sid: str, **extra: Any) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": "Spooler keeps stopping", "priority": "high", **extra},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_escalate_claim_and_continue(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    await publish_demo_library(client, tenant)
    sid = await _worked_session(client, tenant)
    handoff = await _escalate(client, tenant, sid)

    assert handoff["status"] == "unclaimed" and handoff["priority"] == "high"
    assert handoff["notified_count"] == 1
    assert handoff["problem_summary"] == "Printer offline at reception"
    assert handoff["step_count"] == 0 and len(handoff["tried"]) == 1
    assert SECRET not in str(handoff) and "[REDACTED:password]" in handoff["tried"][0]
    # The documentation so far travels with it, redacted like every note.
    assert "[REDACTED:password]" in handoff["snapshot"]["documentation"]
    assert "Printer offline at reception" in handoff["snapshot"]["documentation"]
    # Offline, the assessment is there at once, from the team's knowledge.
    assert handoff["assessment_status"] == "ready"
    a = handoff["ai_assessment"]
    assert a["model"] == "offline" and a["suggested_steps"]
    assert a["confidence_label"] in ("low", "medium", "high")
    session = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    assert session["status"] == "escalated" and session["timeline"][-1]["type"] == "escalated"

    # The team admin (the escalator's account-wide fallback) is notified.
    notes = (await client.get("/api/v1/notifications", headers=tenant.admin.headers)).json()
    assert notes["unread"] == 1 and notes["items"][0]["link"] == f"/handoffs/{handoff['id']}"
    stream = await client.get(
        "/api/v1/notifications/stream", headers=tenant.admin.headers, params={"max_seconds": 0}
    )
    assert stream.headers["content-type"].startswith("text/event-stream")
    assert 'event: unread\ndata: {"unread": 1}' in stream.text

    listed = (await client.get("/api/v1/handoffs", headers=tenant.admin.headers)).json()
    assert [x["id"] for x in listed["items"]] == [handoff["id"]]

    # The escalating engineer cannot claim their own; viewers cannot claim.
    url = f"/api/v1/handoffs/{handoff['id']}/claim"
    assert_problem(await client.post(url, headers=tenant.engineer.headers), 403)
    assert_problem(await client.post(url, headers=tenant.viewer.headers), 403)

    r = await client.post(url, headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "claimed" and r.json()["claimed_by_name"] == tenant.admin.name
    again = await client.post(url, headers=tenant.admin.headers)
    assert again.status_code == 200  # idempotent
    session = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.admin.headers)).json()
    assert session["status"] == "active" and session["owner_id"] == str(tenant.admin.id)
    assert session["timeline"][-1]["type"] == "claimed"
    # The junior still follows their session, read-only now that it has a new owner.
    junior = await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    assert junior.status_code == 200 and junior.json()["timeline"][-1]["type"] == "claimed"
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={"type": "note", "text": "me again"},
    )
    assert_problem(r, 403)
    # The claimer continues the same session.
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.admin.headers,
        json={"type": "resolve", "summary": "Replaced the driver"},
    )
    assert r.status_code == 201
    r = await client.post(
        f"/api/v1/handoffs/{handoff['id']}/outcome",
        headers=tenant.admin.headers,
        json={"cause_correct": False},
    )
    assert r.status_code == 200 and r.json()["cause_correct"] is False
    assert (await client.get("/api/v1/notifications", headers=tenant.admin.headers)).json()[
        "unread"
    ] == 0


async def test_of_many_racing_claimers_exactly_one_wins(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = await _worked_session(client, tenant)
    handoff = await _escalate(client, tenant, sid)
    seniors = [tenant.admin, tenant.super_admin]
    url = f"/api/v1/handoffs/{handoff['id']}/claim"
    results = await asyncio.gather(*[client.post(url, headers=p.headers) for p in seniors * 3])
    codes = sorted(r.status_code for r in results)
    winners = {r.json()["claimed_by"] for r in results if r.status_code == 200}
    assert len(winners) == 1
    assert set(codes) <= {200, 409} and codes.count(409) >= 1
    loser = next(r for r in results if r.status_code == 409)
    assert "has already claimed this since" in loser.json()["detail"]
    assert loser.json()["claimed_by_name"] in (tenant.admin.name, tenant.super_admin.name)


async def test_bad_escalations_change_nothing(client: AsyncClient, factory: Factory) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    sid = await _worked_session(client, tenant)
    url = f"/api/v1/sessions/{sid}/escalate"
    h = tenant.engineer.headers
    for body in (
        {"reason": "x"},
        {"reason": "long enough", "priority": "critical"},
        {"reason": "long enough", "target_user_id": str(other.admin.id)},
        {"reason": "long enough", "target_user_id": str(tenant.viewer.id)},
    ):
        assert_problem(await client.post(url, headers=h, json=body), 422)
    session = (await client.get(f"/api/v1/sessions/{sid}", headers=h)).json()
    assert session["status"] == "active"
    assert (await client.get("/api/v1/handoffs", headers=tenant.admin.headers)).json()[
        "items"
    ] == []
    await _escalate(client, tenant, sid)
    assert_problem(await client.post(url, headers=h, json={"reason": "again please"}), 409)


async def test_a_slow_model_never_holds_the_escalation_beyond_five_seconds(
    client: AsyncClient,
    factory: Factory,
    fake_anthropic: FakeAnthropic,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The model takes 6.5 s, within its own timeout: slow, not failing.
    monkeypatch.setattr(get_settings(), "llm_timeout_s", 15.0)
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    sid = await _worked_session(client, tenant)
    fake_anthropic.script(
        Reply(
            delay_s=6.5,
            json={
                "summary": "Spooler crashes on a bad driver.",
                "what_we_know": ["Spooler restarts help briefly"],
                "likely_cause": "A corrupt HP Universal driver",
                "suggested_steps": ["Remove the driver package", "Reinstall v7.1"],
                "confidence": 0.72,
            },
        )
    )
    started = time.perf_counter()
    handoff = await _escalate(client, tenant, sid)
    assert time.perf_counter() - started < 6.5
    assert handoff["assessment_status"] == "pending" and handoff["ai_assessment"] is None
    assert SECRET not in str(fake_anthropic.requests[-1]["json"])

    for _ in range(40):
        await asyncio.sleep(0.25)
        got = (
            await client.get(f"/api/v1/handoffs/{handoff['id']}", headers=tenant.admin.headers)
        ).json()
        if got["assessment_status"] != "pending":
            break
    assert got["assessment_status"] == "ready"
    assert got["ai_assessment"]["likely_cause"] == "A corrupt HP Universal driver"
    assert got["ai_assessment"]["confidence_label"] == "medium"
