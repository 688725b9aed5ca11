"""Signing in with email and password: the token response, the refresh cookie, refusals."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    client_ip,
    login,
    set_cookie,
)
from tests.fixtures.factories import Factory


async def test_login_returns_bearer_token_and_sets_refresh_cookie(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is None

    r = await login(client, tenant.engineer.email)

    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    cookie = set_cookie(r)
    assert cookie is not None and cookie.value
    assert cookie["httponly"] is True
    assert cookie["samesite"].lower() == "strict"
    assert cookie["path"] == "/api/v1/auth"
    me = await client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["id"] == str(tenant.engineer.id)
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is not None


async def test_login_ignores_email_case_and_surrounding_space(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    r = await login(client, tenant.engineer.email.upper())
    assert r.status_code == 200, r.text


async def test_wrong_password_and_unknown_email_get_the_same_401(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    wrong = await login(client, tenant.engineer.email, "not-the-password-at-all")
    unknown = await login(client, "nobody-here-" + tenant.engineer.email, "whatever-password")

    wrong_body = assert_problem(wrong, 401)
    unknown_body = assert_problem(unknown, 401)
    assert wrong_body["detail"] == unknown_body["detail"]
    assert wrong_body["title"] == unknown_body["title"]
    assert set_cookie(wrong) is None
    assert set_cookie(unknown) is None
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is None


async def test_inactive_user_cannot_sign_in(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    inactive = await factory.user(tenant, Role.engineer, is_active=False)

    r = await login(client, inactive.email)

    body = assert_problem(r, 401)
    wrong = assert_problem(await login(client, tenant.engineer.email, "wrong-password-123"), 401)
    assert body["detail"] == wrong["detail"]  # does not reveal that the password was right
    assert set_cookie(r) is None
    stored = await factory.get_user(inactive.id)
    assert stored is not None and not stored.is_active and stored.last_login_at is None


async def test_login_validates_its_body(client: AsyncClient) -> None:
    r = await client.post("/api/v1/auth/login", json={"email": "not-an-email", "password": ""})
    body = assert_problem(r, 422)
    locs = {tuple(e["loc"]) for e in body["errors"]}
    assert ("body", "email") in locs
    assert ("body", "password") in locs


async def test_sign_in_success_and_failure_are_audited_with_the_client_address(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    inactive = await factory.user(tenant, Role.viewer, is_active=False)

    assert (await login(client, tenant.engineer.email, "wrong-password-123")).status_code == 401
    assert (await login(client, inactive.email)).status_code == 401
    assert (await login(client, tenant.engineer.email)).status_code == 200

    ip = client_ip(client)
    (ok,) = await audit_events(client, tenant.admin.headers, "auth.login")
    assert ok["actor_id"] == str(tenant.engineer.id)
    assert ok["actor_email"] == tenant.engineer.email
    assert ok["ip"] == ip
    failed = await audit_events(client, tenant.admin.headers, "auth.login_failed")
    by_actor = {e["actor_id"]: e for e in failed}
    assert set(by_actor) == {str(tenant.engineer.id), str(inactive.id)}
    assert by_actor[str(tenant.engineer.id)]["detail"] == {"reason": "bad_credentials"}
    assert by_actor[str(inactive.id)]["detail"] == {"reason": "inactive"}
    assert all(e["ip"] == ip for e in failed)
