"""A handoff escalated to a person (or a team) is theirs to claim: anyone else gets a 403 naming
who it is for; a team admin may step in, and that is audited. The claim stays atomic."""

from __future__ import annotations

import asyncio
from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Person, Tenant


async def _named(client: AsyncClient, factory: Factory, tenant: Tenant, name: str) -> Person:
    person = await factory.user(tenant, Role.engineer)
    r = await client.patch("/api/v1/me", headers=person.headers, json={"name": name})
    assert r.status_code == 200, r.text
    person.name = name
    return person


async def _escalated(client: AsyncClient, tenant: Tenant, **target: str) -> dict[str, Any]:
    h = tenant.engineer.headers
    sid = (await client.post("/api/v1/sessions", headers=h, json={"title": "VPN drops"})).json()[
        "id"
    ]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=h,
        json={"reason": "Needs the firewall people", **target},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _status(client: AsyncClient, tenant: Tenant, handoff_id: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/handoffs/{handoff_id}", headers=tenant.admin.headers)
    return dict(r.json())


async def test_only_the_named_person_claims_a_handoff_meant_for_them(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    priya = await _named(client, factory, tenant, "Priya Senior")
    bystander = await _named(client, factory, tenant, "Bob Bystander")
    handoff = await _escalated(client, tenant, target_user_id=str(priya.id))
    url = f"/api/v1/handoffs/{handoff['id']}/claim"

    body = assert_problem(await client.post(url, headers=bystander.headers), 403)
    assert "Priya Senior" in body["detail"]
    assert body["target_user_id"] == str(priya.id) and body["target_name"] == "Priya Senior"
    after = await _status(client, tenant, handoff["id"])
    assert after["status"] == "unclaimed" and after["claimed_by"] is None

    r = await client.post(url, headers=priya.headers)
    assert r.status_code == 200, r.text
    assert r.json()["claimed_by"] == str(priya.id)
    # Nobody stepped in: nothing for the audit log.
    audit = await client.get(
        "/api/v1/audit-events",
        headers=tenant.admin.headers,
        params={"action": "handoff.claim_override"},
    )
    assert audit.status_code == 200 and audit.json()["items"] == []


async def test_only_the_named_teams_members_claim_a_handoff_meant_for_the_team(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    member = await _named(client, factory, tenant, "Nina Network")
    outsider = await _named(client, factory, tenant, "Oscar Outsider")
    team_id = await factory.team(tenant, [member])
    teams = (await client.get("/api/v1/teams", headers=tenant.admin.headers)).json()["items"]
    team_name = next(t["name"] for t in teams if t["id"] == str(team_id))
    handoff = await _escalated(client, tenant, target_team_id=str(team_id))
    url = f"/api/v1/handoffs/{handoff['id']}/claim"

    body = assert_problem(await client.post(url, headers=outsider.headers), 403)
    assert team_name in body["detail"] and body["target_team_id"] == str(team_id)
    assert (await _status(client, tenant, handoff["id"]))["status"] == "unclaimed"

    r = await client.post(url, headers=member.headers)
    assert r.status_code == 200 and r.json()["claimed_by"] == str(member.id)


async def test_a_team_admin_may_step_in_and_it_is_audited(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    priya = await _named(client, factory, tenant, "Priya Senior")
    handoff = await _escalated(client, tenant, target_user_id=str(priya.id))
    url = f"/api/v1/handoffs/{handoff['id']}/claim"

    r = await client.post(url, headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["claimed_by"] == str(tenant.admin.id)
    audit = await client.get(
        "/api/v1/audit-events",
        headers=tenant.admin.headers,
        params={"action": "handoff.claim_override"},
    )
    (event,) = audit.json()["items"]
    assert event["actor_id"] == str(tenant.admin.id)
    assert event["target_type"] == "handoff" and event["target_id"] == handoff["id"]
    assert event["detail"]["target_user_id"] == str(priya.id)
    assert event["detail"]["session_id"] == handoff["session_id"]
    # The person it was meant for now finds it taken, by whom.
    body = assert_problem(await client.post(url, headers=priya.headers), 409)
    assert body["claimed_by"] == str(tenant.admin.id)


async def test_a_handoff_for_no_one_in_particular_is_open_to_any_engineer(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant, Role.engineer)
    handoff = await _escalated(client, tenant)
    r = await client.post(f"/api/v1/handoffs/{handoff['id']}/claim", headers=colleague.headers)
    assert r.status_code == 200 and r.json()["claimed_by"] == str(colleague.id)


async def test_of_a_teams_racing_members_and_an_admin_exactly_one_wins(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    members = [await factory.user(tenant, Role.engineer) for _ in range(3)]
    outsiders = [await factory.user(tenant, Role.engineer) for _ in range(2)]
    team_id = await factory.team(tenant, members)
    handoff = await _escalated(client, tenant, target_team_id=str(team_id))
    url = f"/api/v1/handoffs/{handoff['id']}/claim"
    racers = [*members, tenant.admin, *outsiders]
    results = await asyncio.gather(*[client.post(url, headers=p.headers) for p in racers])
    by_person = dict(zip([p.id for p in racers], results, strict=True))
    assert all(by_person[p.id].status_code == 403 for p in outsiders)
    allowed = [by_person[p.id] for p in [*members, tenant.admin]]
    winners = [r for r in allowed if r.status_code == 200]
    assert len(winners) == 1, [r.status_code for r in allowed]
    assert all(r.status_code == 409 for r in allowed if r not in winners)
    final = await _status(client, tenant, handoff["id"])
    assert final["claimed_by"] == winners[0].json()["claimed_by"]


async def test_each_viewer_is_told_whether_they_may_pick_it_up(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    priya = await _named(client, factory, tenant, "Priya Senior")
    bystander = await _named(client, factory, tenant, "Bob Bystander")
    member = await _named(client, factory, tenant, "Nina Network")
    team_id = await factory.team(tenant, [member])
    for_priya = await _escalated(client, tenant, target_user_id=str(priya.id))
    for_team = await _escalated(client, tenant, target_team_id=str(team_id))
    open_one = await _escalated(client, tenant)

    async def right(person: Person, handoff: dict[str, Any]) -> tuple[str, str | None]:
        r = await client.get(f"/api/v1/handoffs/{handoff['id']}", headers=person.headers)
        assert r.status_code == 200, r.text
        return r.json()["you_may_claim"], r.json()["target_name"]

    assert await right(priya, for_priya) == ("yes", "Priya Senior")
    assert await right(bystander, for_priya) == ("not_theirs", "Priya Senior")
    assert await right(tenant.admin, for_priya) == ("as_admin", "Priya Senior")
    assert await right(tenant.engineer, for_priya) == ("no", "Priya Senior")  # escalated it
    assert await right(tenant.viewer, for_priya) == ("no", "Priya Senior")
    assert (await right(member, for_team))[0] == "yes"
    assert (await right(bystander, for_team))[0] == "not_theirs"
    assert (await right(bystander, open_one)) == ("yes", None)
    # The queue says the same, row by row.
    queue = await client.get("/api/v1/handoffs", headers=bystander.headers)
    rights = {h["id"]: h["you_may_claim"] for h in queue.json()["items"]}
    assert rights[for_priya["id"]] == "not_theirs" and rights[open_one["id"]] == "yes"
