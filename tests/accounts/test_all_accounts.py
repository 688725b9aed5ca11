"""Super admins manage every account: list, create (with an admin password or an invite), rename."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, bearer, login
from tests.fixtures.factories import Factory, unique

ADMIN_PASSWORD = "first-admin-long-passphrase"


async def _create(client: AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = await client.post("/api/v1/accounts", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_super_admin_lists_every_account_with_user_counts(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.super_admin, Role.team_admin))
    other = await factory.tenant((Role.team_admin, Role.engineer, Role.viewer))

    r = await client.get("/api/v1/accounts", headers=tenant.super_admin.headers)

    assert r.status_code == 200, r.text
    accounts = {a["id"]: a for a in r.json()["items"]}
    assert accounts[str(tenant.id)]["name"] == tenant.name
    assert accounts[str(tenant.id)]["user_count"] == 2
    assert accounts[str(other.id)]["user_count"] == 3
    one = await client.get(f"/api/v1/accounts/{other.id}", headers=tenant.super_admin.headers)
    assert one.json() == accounts[str(other.id)]


async def test_creating_an_account_with_an_admin_password_lets_that_admin_sign_in(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.super_admin,))
    name = unique("Contoso IT")
    email = f"{unique('boss')}@example.com"

    account = await _create(
        client,
        tenant.super_admin.headers,
        name=name,
        admin_email=email,
        admin_name="Connie Boss",
        admin_password=ADMIN_PASSWORD,
    )

    assert account["name"] == name
    assert account["slug"] == name.lower().replace(" ", "-")
    assert account["user_count"] == 1
    assert account["invite"] is None
    signed_in = await login(client, email, ADMIN_PASSWORD)
    assert signed_in.status_code == 200, signed_in.text
    headers = bearer(signed_in.json()["access_token"])
    me = (await client.get("/api/v1/me", headers=headers)).json()
    assert me["account_id"] == account["id"]
    assert me["account_name"] == name
    assert me["role"] == "team_admin"
    users = (await client.get("/api/v1/users", headers=headers)).json()["items"]
    assert [u["id"] for u in users] == [account["admin_user_id"]]
    assert_problem(await client.get(f"/api/v1/users/{tenant.super_admin.id}", headers=headers), 404)
    events = (await client.get("/api/v1/audit-events", headers=headers)).json()["items"]
    assert "account.created" in {e["action"] for e in events}
    stored = await factory.get_user(uuid.UUID(account["admin_user_id"]))
    assert str(stored.account_id) == account["id"]


async def test_creating_an_account_without_a_password_invites_its_admin(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.super_admin,))
    name = unique("Fabrikam")
    email = f"{unique('invited-boss')}@example.com"

    account = await _create(
        client, tenant.super_admin.headers, name=name, admin_email=email, admin_name="Fab Boss"
    )

    invite = account["invite"]
    assert invite["emailed"] is False
    token = invite["invite_url"].rsplit("/invite/", 1)[1]
    preview = await client.get(f"/api/v1/auth/invites/{token}")
    assert preview.status_code == 200, preview.text
    assert preview.json()["account_name"] == name
    assert preview.json()["role"] == "team_admin"
    assert preview.json()["email"] == email
    accepted = await client.post(
        f"/api/v1/auth/invites/{token}/accept", json={"password": ADMIN_PASSWORD}
    )
    assert accepted.status_code == 200, accepted.text
    me = (await client.get("/api/v1/me", headers=bearer(accepted.json()["access_token"]))).json()
    assert me["account_id"] == account["id"]


async def test_duplicate_account_name_or_admin_email_is_409(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.super_admin, Role.engineer))
    headers = tenant.super_admin.headers

    same_name = await client.post(
        "/api/v1/accounts",
        json={
            "name": tenant.name.upper(),
            "admin_email": f"{unique('x')}@example.com",
            "admin_name": "X",
        },
        headers=headers,
    )
    taken_email = await client.post(
        "/api/v1/accounts",
        json={"name": unique("Fresh"), "admin_email": tenant.engineer.email, "admin_name": "X"},
        headers=headers,
    )

    assert_problem(same_name, 409, field="name")
    assert_problem(taken_email, 409, field="email")
    names = {
        a["name"] for a in (await client.get("/api/v1/accounts", headers=headers)).json()["items"]
    }
    assert tenant.name.upper() not in names


async def test_super_admin_renames_any_account(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.super_admin,))
    other = await factory.tenant((Role.team_admin,))
    new_name = unique("Renamed")

    r = await client.patch(
        f"/api/v1/accounts/{other.id}", json={"name": new_name}, headers=tenant.super_admin.headers
    )

    assert r.status_code == 200, r.text
    assert r.json()["name"] == new_name
    own = await client.get("/api/v1/account", headers=other.admin.headers)
    assert own.json()["name"] == new_name


async def test_team_admin_cannot_use_the_accounts_routes(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    name = unique("Sneaky")

    listed = await client.get("/api/v1/accounts", headers=tenant.admin.headers)
    created = await client.post(
        "/api/v1/accounts",
        json={"name": name, "admin_email": f"{unique('s')}@example.com", "admin_name": "S"},
        headers=tenant.admin.headers,
    )
    read = await client.get(f"/api/v1/accounts/{tenant.id}", headers=tenant.admin.headers)
    renamed = await client.patch(
        f"/api/v1/accounts/{tenant.id}", json={"name": name}, headers=tenant.admin.headers
    )

    for r in (listed, created, read, renamed):
        assert_problem(r, 403)
    own = (await client.get("/api/v1/account", headers=tenant.admin.headers)).json()
    assert own["name"] == tenant.name


async def test_unknown_account_is_404(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.super_admin,))
    r = await client.get(f"/api/v1/accounts/{uuid.uuid4()}", headers=tenant.super_admin.headers)
    assert_problem(r, 404)
