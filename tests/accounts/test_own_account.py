"""Each user sees their own account; its team admins rename it."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, unique


async def test_every_role_reads_its_own_account(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    await factory.tenant((Role.team_admin,))

    for person in tenant.people.values():
        r = await client.get("/api/v1/account", headers=person.headers)
        assert r.status_code == 200, r.text
        account = r.json()
        assert account["id"] == str(tenant.id)
        assert account["name"] == tenant.name
        assert account["slug"] == tenant.name.lower()
        assert account["user_count"] == 4
        assert account["created_at"]


async def test_team_admin_renames_the_account(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.viewer))
    new_name = unique("Northwind IT")

    r = await client.patch("/api/v1/account", json={"name": new_name}, headers=tenant.admin.headers)

    assert r.status_code == 200, r.text
    assert r.json()["name"] == new_name
    seen = await client.get("/api/v1/account", headers=tenant.viewer.headers)
    assert seen.json()["name"] == new_name
    me = await client.get("/api/v1/me", headers=tenant.viewer.headers)
    assert me.json()["account_name"] == new_name


async def test_engineer_cannot_rename_the_account(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    r = await client.patch(
        "/api/v1/account", json={"name": unique("Hijacked")}, headers=tenant.engineer.headers
    )

    assert_problem(r, 403)
    assert (await client.get("/api/v1/account", headers=tenant.admin.headers)).json()[
        "name"
    ] == tenant.name


async def test_renaming_to_another_accounts_name_is_409(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin,))

    r = await client.patch(
        "/api/v1/account", json={"name": other.name.upper()}, headers=tenant.admin.headers
    )

    assert_problem(r, 409)
    assert (await client.get("/api/v1/account", headers=tenant.admin.headers)).json()[
        "name"
    ] == tenant.name
