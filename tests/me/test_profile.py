"""The signed-in user's own profile: reading it and renaming yourself."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory


async def test_me_describes_the_signed_in_user_their_account_and_teams(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    team_id = await factory.team(tenant, [tenant.engineer])
    team = (await client.get(f"/api/v1/teams/{team_id}", headers=tenant.admin.headers)).json()

    r = await client.get("/api/v1/me", headers=tenant.engineer.headers)

    assert r.status_code == 200, r.text
    me = r.json()
    assert set(me) >= {"id", "email", "name", "role", "account_id", "account_name", "teams"}
    assert me["id"] == str(tenant.engineer.id)
    assert me["email"] == tenant.engineer.email
    assert me["name"] == tenant.engineer.name
    assert me["role"] == "engineer"
    assert me["account_id"] == str(tenant.id)
    assert me["account_name"] == tenant.name
    assert me["is_active"] is True
    assert me["teams"] == [{"id": str(team_id), "name": team["name"]}]
    admin_me = (await client.get("/api/v1/me", headers=tenant.admin.headers)).json()
    assert admin_me["role"] == "team_admin"
    assert admin_me["teams"] == []


async def test_patch_me_renames_the_user(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.viewer))

    r = await client.patch(
        "/api/v1/me", json={"name": "  Vera Viewer  "}, headers=tenant.viewer.headers
    )

    assert r.status_code == 200, r.text
    assert r.json()["name"] == "Vera Viewer"
    again = await client.get("/api/v1/me", headers=tenant.viewer.headers)
    assert again.json()["name"] == "Vera Viewer"
    assert (await factory.get_user(tenant.viewer.id)).name == "Vera Viewer"


async def test_patch_me_refuses_an_empty_name_or_other_fields(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    headers = tenant.engineer.headers

    assert_problem(
        await client.patch("/api/v1/me", json={"name": ""}, headers=headers), 422, field="name"
    )
    sneaky = await client.patch(
        "/api/v1/me", json={"name": "X", "role": "team_admin"}, headers=headers
    )

    assert_problem(sneaky, 422, field="role")
    stored = await factory.get_user(tenant.engineer.id)
    assert stored.name == tenant.engineer.name
    assert stored.role == "engineer"
