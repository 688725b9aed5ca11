"""Team membership: an idempotent PUT adds, DELETE removes, only users of the same account."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory


async def _detail(
    client: AsyncClient, team_id: uuid.UUID, headers: dict[str, str]
) -> dict[str, Any]:
    r = await client.get(f"/api/v1/teams/{team_id}", headers=headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_adding_a_member_twice_adds_them_once(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    team_id = await factory.team(tenant)
    path = f"/api/v1/teams/{team_id}/members/{tenant.engineer.id}"

    first = await client.put(path, headers=tenant.admin.headers)
    second = await client.put(path, headers=tenant.admin.headers)

    assert first.status_code == 204
    assert second.status_code == 204
    detail = await _detail(client, team_id, tenant.admin.headers)
    assert [m["id"] for m in detail["members"]] == [str(tenant.engineer.id)]
    assert detail["member_count"] == 1
    me = (await client.get("/api/v1/me", headers=tenant.engineer.headers)).json()
    assert [t["id"] for t in me["teams"]] == [str(team_id)]
    user = await client.get(f"/api/v1/users/{tenant.engineer.id}", headers=tenant.admin.headers)
    assert [t["id"] for t in user.json()["teams"]] == [str(team_id)]


async def test_removing_a_member(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer, Role.viewer))
    team_id = await factory.team(tenant, [tenant.engineer, tenant.viewer])

    r = await client.delete(
        f"/api/v1/teams/{team_id}/members/{tenant.engineer.id}", headers=tenant.admin.headers
    )

    assert r.status_code == 204
    detail = await _detail(client, team_id, tenant.admin.headers)
    assert [m["id"] for m in detail["members"]] == [str(tenant.viewer.id)]
    listed = (await client.get("/api/v1/teams", headers=tenant.admin.headers)).json()["items"]
    assert listed[0]["member_count"] == 1
    # Removing someone who is not a member is not an error.
    again = await client.delete(
        f"/api/v1/teams/{team_id}/members/{tenant.engineer.id}", headers=tenant.admin.headers
    )
    assert again.status_code == 204


async def test_adding_a_user_of_another_account_is_404(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin, Role.engineer))
    team_id = await factory.team(tenant)

    r = await client.put(
        f"/api/v1/teams/{team_id}/members/{other.engineer.id}", headers=tenant.admin.headers
    )

    assert_problem(r, 404)
    assert (await _detail(client, team_id, tenant.admin.headers))["members"] == []
    other_me = (await client.get("/api/v1/me", headers=other.engineer.headers)).json()
    assert other_me["teams"] == []


async def test_only_team_admins_change_membership(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    team_id = await factory.team(tenant)

    r = await client.put(
        f"/api/v1/teams/{team_id}/members/{tenant.engineer.id}", headers=tenant.engineer.headers
    )

    assert_problem(r, 403)
    assert (await _detail(client, team_id, tenant.admin.headers))["members"] == []
