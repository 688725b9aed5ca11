"""The audit log: newest first, filtered by action, paged by cursor, scoped to the account."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, audit_events
from tests.fixtures.factories import Factory, Tenant


async def _make_team(client: AsyncClient, tenant: Tenant, name: str) -> str:
    r = await client.post("/api/v1/teams", json={"name": name}, headers=tenant.admin.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _page(client: AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    r = await client.get("/api/v1/audit-events", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_events_are_listed_newest_first(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    first = await _make_team(client, tenant, "First")
    second = await _make_team(client, tenant, "Second")
    r = await client.delete(f"/api/v1/teams/{first}", headers=tenant.admin.headers)
    assert r.status_code == 204

    events = await audit_events(client, tenant.admin.headers)

    assert [(e["action"], e["target_id"]) for e in events] == [
        ("team.deleted", first),
        ("team.created", second),
        ("team.created", first),
    ]
    times = [e["created_at"] for e in events]
    assert times == sorted(times, reverse=True)
    newest = events[0]
    assert newest["actor_id"] == str(tenant.admin.id)
    assert newest["actor_email"] == tenant.admin.email
    assert newest["target_type"] == "team"
    assert newest["detail"] == {"name": "First"}
    assert newest["ip"]


async def test_action_filter(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    team = await _make_team(client, tenant, "Kept")
    gone = await _make_team(client, tenant, "Gone")
    assert (
        await client.delete(f"/api/v1/teams/{gone}", headers=tenant.admin.headers)
    ).status_code == 204

    created = await audit_events(client, tenant.admin.headers, "team.created")
    deleted = await audit_events(client, tenant.admin.headers, "team.deleted")

    assert [e["target_id"] for e in created] == [gone, team]
    assert [e["target_id"] for e in deleted] == [gone]
    assert await audit_events(client, tenant.admin.headers, "user.deactivated") == []
    bad = await client.get(
        "/api/v1/audit-events", params={"action": "no.such"}, headers=tenant.admin.headers
    )
    assert_problem(bad, 422, field="action")


async def test_cursor_pagination_walks_every_event_once_in_order(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    for i in range(5):
        await _make_team(client, tenant, f"Team {i}")
    everything = [e["id"] for e in await audit_events(client, tenant.admin.headers)]
    assert len(everything) == 5

    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params: dict[str, Any] = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = await _page(client, tenant.admin.headers, **params)
        assert len(page["items"]) <= 2
        seen.extend(e["id"] for e in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert seen == everything


async def test_another_accounts_events_never_appear(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin,))
    mine = await _make_team(client, tenant, "Mine")
    theirs = await _make_team(client, other, "Theirs")

    events = await audit_events(client, tenant.admin.headers)
    filtered = await audit_events(client, tenant.admin.headers, "team.created")

    assert [e["target_id"] for e in events] == [mine]
    assert [e["target_id"] for e in filtered] == [mine]
    assert theirs in {e["target_id"] for e in await audit_events(client, other.admin.headers)}


async def test_engineer_and_viewer_cannot_read_the_audit_log(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer, Role.viewer))
    for person in (tenant.engineer, tenant.viewer):
        assert_problem(await client.get("/api/v1/audit-events", headers=person.headers), 403)
