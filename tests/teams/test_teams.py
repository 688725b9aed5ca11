"""Teams: everyone in the account reads them; team admins create, rename and delete."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, audit_events
from tests.fixtures.factories import Factory, Tenant, unique


async def _create(client: AsyncClient, tenant: Tenant, name: str, **kw: str) -> dict[str, Any]:
    r = await client.post("/api/v1/teams", json={"name": name, **kw}, headers=tenant.admin.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _list(client: AsyncClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = await client.get("/api/v1/teams", headers=headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_create_team(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))

    team = await _create(client, tenant, "Service Desk", description="First line")

    assert team["name"] == "Service Desk"
    assert team["description"] == "First line"
    assert team["member_count"] == 0
    assert team["created_at"]
    (listed,) = await _list(client, tenant.admin.headers)
    assert listed == team
    (event,) = await audit_events(client, tenant.admin.headers, "team.created")
    assert event["target_id"] == team["id"]


async def test_duplicate_team_name_is_409_whatever_its_case(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin,))
    await _create(client, tenant, "Projects")

    r = await client.post("/api/v1/teams", json={"name": "PROJECTS"}, headers=tenant.admin.headers)

    assert_problem(r, 409, field="name")
    assert [t["name"] for t in await _list(client, tenant.admin.headers)] == ["Projects"]
    # Names are unique per account only.
    assert (await _create(client, other, "projects"))["name"] == "projects"


async def test_team_name_is_required(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    r = await client.post("/api/v1/teams", json={"name": "   "}, headers=tenant.admin.headers)
    assert_problem(r, 422, field="name")
    assert await _list(client, tenant.admin.headers) == []


async def test_list_counts_members_and_detail_lists_them(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    busy = await factory.team(tenant, [tenant.engineer, tenant.viewer])
    empty = await factory.team(tenant)

    counts = {t["id"]: t["member_count"] for t in await _list(client, tenant.viewer.headers)}
    r = await client.get(f"/api/v1/teams/{busy}", headers=tenant.viewer.headers)

    assert counts == {str(busy): 2, str(empty): 0}
    assert r.status_code == 200, r.text
    detail = r.json()
    assert detail["member_count"] == 2
    members = {m["id"]: m for m in detail["members"]}
    assert set(members) == {str(tenant.engineer.id), str(tenant.viewer.id)}
    assert members[str(tenant.engineer.id)] == {
        "id": str(tenant.engineer.id),
        "name": tenant.engineer.name,
        "email": tenant.engineer.email,
        "role": "engineer",
        "is_active": True,
    }


async def test_rename_team(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    team = await _create(client, tenant, "Old name")
    await _create(client, tenant, "Taken")

    r = await client.patch(
        f"/api/v1/teams/{team['id']}",
        json={"name": "New name", "description": "Now described"},
        headers=tenant.admin.headers,
    )
    clash = await client.patch(
        f"/api/v1/teams/{team['id']}", json={"name": "tAKEN"}, headers=tenant.admin.headers
    )

    assert r.status_code == 200, r.text
    assert r.json()["name"] == "New name"
    assert_problem(clash, 409, field="name")
    stored = (await client.get(f"/api/v1/teams/{team['id']}", headers=tenant.admin.headers)).json()
    assert stored["name"] == "New name"
    assert stored["description"] == "Now described"


async def test_delete_team(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    team_id = await factory.team(tenant, [tenant.engineer])

    r = await client.delete(f"/api/v1/teams/{team_id}", headers=tenant.admin.headers)

    assert r.status_code == 204
    assert_problem(await client.get(f"/api/v1/teams/{team_id}", headers=tenant.admin.headers), 404)
    assert await _list(client, tenant.admin.headers) == []
    me = await client.get("/api/v1/me", headers=tenant.engineer.headers)
    assert me.json()["teams"] == []
    assert (await factory.get_user(tenant.engineer.id)) is not None
    (event,) = await audit_events(client, tenant.admin.headers, "team.deleted")
    assert event["target_id"] == str(team_id)


async def test_viewer_reads_teams_but_cannot_change_them(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer, Role.viewer))
    team_id = await factory.team(tenant)
    name = unique("Viewer team")

    assert len(await _list(client, tenant.viewer.headers)) == 1
    created = await client.post("/api/v1/teams", json={"name": name}, headers=tenant.viewer.headers)
    by_engineer = await client.post(
        "/api/v1/teams", json={"name": name}, headers=tenant.engineer.headers
    )
    renamed = await client.patch(
        f"/api/v1/teams/{team_id}", json={"name": name}, headers=tenant.viewer.headers
    )
    deleted = await client.delete(f"/api/v1/teams/{team_id}", headers=tenant.viewer.headers)

    for r in (created, by_engineer, renamed, deleted):
        assert_problem(r, 403)
    assert [t["id"] for t in await _list(client, tenant.admin.headers)] == [str(team_id)]
    assert (await _list(client, tenant.admin.headers))[0]["name"] != name


async def test_another_accounts_team_is_404(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin,))
    team_id = await factory.team(other)

    for r in (
        await client.get(f"/api/v1/teams/{team_id}", headers=tenant.admin.headers),
        await client.patch(
            f"/api/v1/teams/{team_id}", json={"name": "Mine now"}, headers=tenant.admin.headers
        ),
        await client.delete(f"/api/v1/teams/{team_id}", headers=tenant.admin.headers),
    ):
        assert_problem(r, 404)
    assert await _list(client, tenant.admin.headers) == []
    assert len(await _list(client, other.admin.headers)) == 1
