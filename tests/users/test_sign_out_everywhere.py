"""A team admin signs a user of their account out on every device; it is audited."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    login,
    post_with_cookie,
    refresh_secret,
)
from tests.fixtures.factories import Factory


async def _sign_in(client: AsyncClient, email: str) -> tuple[str, str]:
    r = await login(client, email)
    client.cookies.clear()
    assert r.status_code == 200, r.text
    return r.json()["access_token"], refresh_secret(r)


async def test_every_sign_in_of_the_user_ends_and_others_stay(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer, Role.viewer))
    laptop, laptop_secret = await _sign_in(client, tenant.engineer.email)
    phone, phone_secret = await _sign_in(client, tenant.engineer.email)
    bystander, _ = await _sign_in(client, tenant.viewer.email)

    r = await client.post(
        f"/api/v1/users/{tenant.engineer.id}/sign-out-everywhere", headers=tenant.admin.headers
    )

    assert r.status_code == 204, r.text
    for access in (laptop, phone, tenant.engineer.token):
        assert_problem(await client.get("/api/v1/me", headers=bearer(access)), 401)
    for secret in (laptop_secret, phone_secret):
        assert_problem(await post_with_cookie(client, "/api/v1/auth/refresh", secret), 401)
    assert (await client.get("/api/v1/me", headers=bearer(bystander))).status_code == 200
    # The user can sign in again afterwards.
    again, _ = await _sign_in(client, tenant.engineer.email)
    assert (await client.get("/api/v1/me", headers=bearer(again))).status_code == 200
    (event,) = await audit_events(client, tenant.admin.headers, "user.signed_out_everywhere")
    assert event["target_id"] == str(tenant.engineer.id)
    assert event["actor_id"] == str(tenant.admin.id)


async def test_another_accounts_user_is_not_found(client: AsyncClient, factory: Factory) -> None:
    ours = await factory.tenant((Role.team_admin,))
    theirs = await factory.tenant((Role.team_admin, Role.engineer))
    access, _ = await _sign_in(client, theirs.engineer.email)

    r = await client.post(
        f"/api/v1/users/{theirs.engineer.id}/sign-out-everywhere", headers=ours.admin.headers
    )

    assert_problem(r, 404)
    assert (await client.get("/api/v1/me", headers=bearer(access))).status_code == 200


async def test_engineers_may_not_sign_others_out(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    r = await client.post(
        f"/api/v1/users/{tenant.admin.id}/sign-out-everywhere", headers=tenant.engineer.headers
    )

    assert_problem(r, 403)
    assert (await client.get("/api/v1/me", headers=tenant.admin.headers)).status_code == 200
