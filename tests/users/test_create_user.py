"""Team admins add people with a password; the rules about emails, roles and who may add."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, audit_events, login
from tests.fixtures.factories import Factory, unique

GOOD_PASSWORD = "plenty-long-and-unusual"


def _email() -> str:
    return f"{unique('new')}@example.com"


async def test_create_user_with_password_is_active_and_can_sign_in(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = _email()

    r = await client.post(
        "/api/v1/users",
        json={
            "email": email,
            "name": "Eddie Engineer",
            "role": "engineer",
            "password": GOOD_PASSWORD,
        },
        headers=tenant.admin.headers,
    )

    assert r.status_code == 201, r.text
    user = r.json()
    assert user["email"] == email
    assert user["name"] == "Eddie Engineer"
    assert user["role"] == "engineer"
    assert user["status"] == "active"
    assert user["is_active"] is True
    assert user["invite"] is None
    assert user["teams"] == []
    fetched = await client.get(f"/api/v1/users/{user['id']}", headers=tenant.admin.headers)
    assert fetched.status_code == 200
    assert fetched.json()["email"] == email
    assert (await login(client, email, GOOD_PASSWORD)).status_code == 200
    (event,) = await audit_events(client, tenant.admin.headers, "user.created")
    assert event["target_id"] == user["id"]
    assert event["detail"]["role"] == "engineer"


async def test_create_user_stores_the_email_lowercased(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    email = _email()
    r = await client.post(
        "/api/v1/users",
        json={"email": email.upper(), "name": "Up", "role": "viewer", "password": GOOD_PASSWORD},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 201, r.text
    assert r.json()["email"] == email
    assert (await login(client, email, GOOD_PASSWORD)).status_code == 200


async def test_duplicate_email_is_409_whatever_its_case(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    other = await factory.tenant((Role.team_admin,))

    same = await client.post(
        "/api/v1/users",
        json={"email": tenant.engineer.email.upper(), "name": "Twin", "role": "viewer"},
        headers=tenant.admin.headers,
    )
    elsewhere = await client.post(
        "/api/v1/users",
        json={"email": tenant.engineer.email, "name": "Twin", "role": "viewer"},
        headers=other.admin.headers,
    )

    assert_problem(same, 409, field="email")
    assert_problem(elsewhere, 409, field="email")
    listed = await client.get("/api/v1/users", params={"q": "Twin"}, headers=tenant.admin.headers)
    assert listed.json()["items"] == []


async def test_team_admin_cannot_grant_super_admin(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = _email()

    created = await client.post(
        "/api/v1/users",
        json={"email": email, "name": "Power", "role": "super_admin", "password": GOOD_PASSWORD},
        headers=tenant.admin.headers,
    )
    promoted = await client.patch(
        f"/api/v1/users/{tenant.engineer.id}",
        json={"role": "super_admin"},
        headers=tenant.admin.headers,
    )

    assert_problem(created, 403)
    assert_problem(promoted, 403)
    assert_problem(await login(client, email, GOOD_PASSWORD), 401)
    assert (await factory.get_user(tenant.engineer.id)).role == "engineer"


async def test_super_admin_can_grant_super_admin(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.super_admin, Role.team_admin))
    r = await client.post(
        "/api/v1/users",
        json={"email": _email(), "name": "Op", "role": "super_admin", "password": GOOD_PASSWORD},
        headers=tenant.super_admin.headers,
    )
    assert r.status_code == 201, r.text
    assert r.json()["role"] == "super_admin"


async def test_engineer_cannot_manage_users(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = _email()
    r = await client.post(
        "/api/v1/users",
        json={"email": email, "name": "Nope", "role": "viewer", "password": GOOD_PASSWORD},
        headers=tenant.engineer.headers,
    )
    assert_problem(r, 403)
    assert_problem(await client.get("/api/v1/users", headers=tenant.engineer.headers), 403)
    listed = await client.get("/api/v1/users", params={"q": email}, headers=tenant.admin.headers)
    assert listed.json()["items"] == []


async def test_weak_password_or_bad_fields_are_422_and_nothing_is_created(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    email = _email()

    weak = await client.post(
        "/api/v1/users",
        json={"email": email, "name": "Weak", "role": "viewer", "password": "password1234"},
        headers=tenant.admin.headers,
    )
    bad = await client.post(
        "/api/v1/users",
        json={"email": "nope", "name": "", "role": "wizard"},
        headers=tenant.admin.headers,
    )

    assert_problem(weak, 422, field="password")
    body = assert_problem(bad, 422)
    assert {e["loc"][-1] for e in body["errors"]} >= {"email", "name", "role"}
    listed = await client.get("/api/v1/users", params={"q": email}, headers=tenant.admin.headers)
    assert listed.json()["items"] == []


async def test_another_accounts_user_is_404(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin, Role.engineer))

    read = await client.get(f"/api/v1/users/{other.engineer.id}", headers=tenant.admin.headers)
    patch = await client.patch(
        f"/api/v1/users/{other.engineer.id}",
        json={"is_active": False},
        headers=tenant.admin.headers,
    )

    assert_problem(read, 404)
    assert_problem(patch, 404)
    assert (await factory.get_user(other.engineer.id)).is_active is True
