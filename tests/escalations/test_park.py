"""Parking a session with a colleague (end of shift): a handoff of kind `park` with a short,
redacted note, claimed like any handoff, with no AI assessment; the session paused until then.
Who may park, which targets are accepted, and what is refused."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.models import Job
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Tenant

SECRET = "Hunter2-Zx9!qPlanted"


async def _session(client: AsyncClient, tenant: Tenant, title: str = "Printer offline") -> str:
    h = tenant.engineer.headers
    r = await client.post("/api/v1/sessions", headers=h, json={"title": title})
    assert r.status_code == 201, r.text
    sid = str(r.json()["id"])
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=h,
        json={"type": "note", "text": "Restarted the spooler"},
    )
    assert r.status_code == 201, r.text
    return sid


async def _park(
    client: AsyncClient, who: dict[str, str], sid: str, status: int = 201, **body: Any
) -> dict[str, Any]:
    r = await client.post(f"/api/v1/sessions/{sid}/park", headers=who, json=body)
    assert r.status_code == status, r.text
    return dict(r.json())


async def _detail(client: AsyncClient, who: dict[str, str], sid: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/sessions/{sid}", headers=who)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_park_with_a_person_then_they_claim_and_continue(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    sid = await _session(client, tenant)
    parked = await _park(
        client,
        tenant.engineer.headers,
        sid,
        target_user_id=str(colleague.id),
        note=f"Waiting on the user; admin password is {SECRET}",
    )
    assert parked["handoff_id"] == parked["id"] and parked["kind"] == "park"
    assert parked["status"] == "unclaimed" and parked["target_name"] == colleague.name
    # The note is stored and shown redacted, like an escalation's reason.
    assert SECRET not in str(parked) and "[REDACTED:password]" in parked["reason"]
    assert parked["ai_assessment"] is None and parked["assessment_status"] == "ready"
    # No assessment is queued for a parked session.
    async with app.state.sessionmaker() as db:
        kinds = list(await db.scalars(select(Job.kind).where(Job.account_id == tenant.id)))
    assert not any("assess" in k for k in kinds), kinds

    session = await _detail(client, tenant.engineer.headers, sid)
    assert session["status"] == "paused"
    assert [e["type"] for e in session["timeline"]][-2:] == ["paused", "parked"]

    # The colleague sees it waiting for them (Home and the handoffs list), labelled a park.
    home = (await client.get("/api/v1/home", headers=colleague.headers)).json()
    [item] = home["handoffs"]["items"]
    assert (item["id"], item["kind"]) == (parked["id"], "park")
    listed = (
        await client.get(
            "/api/v1/handoffs", headers=colleague.headers, params={"kind": "park", "target": "me"}
        )
    ).json()
    assert [h["id"] for h in listed["items"]] == [parked["id"]]
    escalations = (
        await client.get(
            "/api/v1/handoffs", headers=colleague.headers, params={"kind": "escalation"}
        )
    ).json()
    assert escalations["items"] == []
    bell = (await client.get("/api/v1/notifications", headers=colleague.headers)).json()
    assert any(n.get("handoff_id") == parked["id"] for n in bell["items"])

    # The parker cannot claim their own park (they resume instead).
    r = await client.post(f"/api/v1/handoffs/{parked['id']}/claim", headers=tenant.engineer.headers)
    assert_problem(r, 403)
    r = await client.post(f"/api/v1/handoffs/{parked['id']}/claim", headers=colleague.headers)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "claimed" and r.json()["claimed_by"] == str(colleague.id)
    session = await _detail(client, colleague.headers, sid)
    assert session["status"] == "active" and session["owner_id"] == str(colleague.id)
    assert session["timeline"][-1]["type"] == "claimed"
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=colleague.headers,
        json={"type": "note", "text": "User back; printing works"},
    )
    assert r.status_code == 201, r.text


async def test_park_with_a_team_is_claimed_by_a_member(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    member, outsider = await factory.user(tenant), await factory.user(tenant)
    team = await factory.team(tenant, [member])
    sid = await _session(client, tenant)
    parked = await _park(
        client,
        tenant.engineer.headers,
        sid,
        target_team_id=str(team),
        note="Night shift: call back",
    )
    r = await client.post(f"/api/v1/handoffs/{parked['id']}/claim", headers=outsider.headers)
    assert_problem(r, 403)
    r = await client.post(f"/api/v1/handoffs/{parked['id']}/claim", headers=member.headers)
    assert r.status_code == 200, r.text


async def test_parking_is_not_an_escalation_in_the_figures(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    sid = await _session(client, tenant)
    await _park(client, tenant.engineer.headers, sid, target_user_id=str(colleague.id), note="x")
    r = await client.get("/api/v1/escalations/metrics", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["escalations"] == 0


async def test_resuming_takes_the_park_back(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    sid = await _session(client, tenant)
    parked = await _park(
        client, tenant.engineer.headers, sid, target_user_id=str(colleague.id), note="Back at 8"
    )
    r = await client.post(
        f"/api/v1/sessions/{sid}/events", headers=tenant.engineer.headers, json={"type": "resume"}
    )
    assert r.status_code == 201, r.text
    r = await client.get(f"/api/v1/handoffs/{parked['id']}", headers=colleague.headers)
    assert r.json()["status"] == "cancelled"
    r = await client.post(f"/api/v1/handoffs/{parked['id']}/claim", headers=colleague.headers)
    assert_problem(r, 409)
    home = (await client.get("/api/v1/home", headers=colleague.headers)).json()
    assert home["handoffs"]["items"] == []
    # Parked again after resuming: a new handoff.
    again = await _park(
        client, tenant.engineer.headers, sid, target_user_id=str(colleague.id), note="Now really"
    )
    assert again["id"] != parked["id"]


async def test_park_refusals(client: AsyncClient, factory: Factory) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    colleague = await factory.user(tenant)
    team = await factory.team(tenant, [colleague])
    other_team = await factory.team(other, [other.engineer])
    sid = await _session(client, tenant)
    h = tenant.engineer.headers

    def field(r: dict[str, Any]) -> list[Any]:
        return [e["loc"][-1] for e in r["errors"]]

    # Exactly one target.
    both = await _park(
        client, h, sid, 422, target_user_id=str(colleague.id), target_team_id=str(team), note="x"
    )
    assert "target_team_id" in field(both)
    assert "target_user_id" in field(await _park(client, h, sid, 422, note="x"))
    # The target must be in the same account.
    assert "target_user_id" in field(
        await _park(client, h, sid, 422, target_user_id=str(other.engineer.id), note="x")
    )
    assert "target_team_id" in field(
        await _park(client, h, sid, 422, target_team_id=str(other_team), note="x")
    )
    assert "target_user_id" in field(
        await _park(client, h, sid, 422, target_user_id=str(tenant.engineer.id), note="x")
    )
    assert "target_user_id" in field(
        await _park(client, h, sid, 422, target_user_id=str(tenant.viewer.id), note="x")
    )
    # A note is required and short.
    target = str(colleague.id)
    assert "note" in field(await _park(client, h, sid, 422, target_user_id=target, note="  "))
    assert "note" in field(await _park(client, h, sid, 422, target_user_id=target))
    assert "note" in field(await _park(client, h, sid, 422, target_user_id=target, note="x" * 1001))
    # Nothing was stored by the refusals.
    assert (await _detail(client, h, sid))["status"] == "active"

    # Only the owner (or a team admin) parks: another engineer does not see the session, and a
    # viewer's role is refused outright.
    await _park(client, colleague.headers, sid, 404, target_user_id=target, note="x")
    await _park(client, tenant.viewer.headers, sid, 403, target_user_id=target, note="x")
    # Another account's session is not found.
    await _park(client, other.engineer.headers, sid, 404, target_user_id=target, note="x")
    await _park(client, other.admin.headers, sid, 404, target_user_id=target, note="x")
    # A team admin may park an engineer's session.
    await _park(client, tenant.admin.headers, sid, 201, target_user_id=target, note="Handover")
    # Already parked: 409.
    await _park(client, h, sid, 409, target_user_id=target, note="again")

    ended = await _session(client, tenant)
    r = await client.post(
        f"/api/v1/sessions/{ended}/events", headers=h, json={"type": "resolve", "summary": "ok"}
    )
    assert r.status_code == 201
    problem = await _park(client, h, ended, 409, target_user_id=target, note="x")
    assert problem["status"] == 409
    r = await client.post(f"/api/v1/sessions/{uuid.uuid4()}/park", headers=h, json={"note": "x"})
    assert_problem(r, 404)


async def test_ending_a_parked_session_cancels_the_park(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    sid = await _session(client, tenant)
    parked = await _park(
        client, tenant.engineer.headers, sid, target_user_id=str(colleague.id), note="x"
    )
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={"type": "resolve", "summary": "User fixed it themselves"},
    )
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/v1/handoffs/{parked['id']}/claim", headers=colleague.headers)
    assert_problem(r, 409)
    assert (await _detail(client, tenant.engineer.headers, sid))["status"] == "resolved"
