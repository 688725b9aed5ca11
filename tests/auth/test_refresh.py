"""Refresh-token rotation, reuse detection (the whole family is revoked), and sign-out."""

from __future__ import annotations

import asyncio

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    login,
    post_with_cookie,
    refresh,
    refresh_secret,
    set_cookie,
)
from tests.fixtures.factories import Factory


async def test_refresh_rotates_the_cookie_and_issues_a_working_access_token(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    first = refresh_secret(await login(client, tenant.engineer.email))

    r = await refresh(client, first)

    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    second = refresh_secret(r)
    assert second != first
    cookie = set_cookie(r)
    assert cookie["httponly"] is True
    assert cookie["path"] == "/api/v1/auth"
    me = await client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.json()["id"] == str(tenant.engineer.id)
    # The newest cookie keeps the chain going.
    assert (await refresh(client, second)).status_code == 200


async def test_refresh_reuse_revokes_the_whole_family(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    first = refresh_secret(await login(client, tenant.engineer.email))
    newest = refresh_secret(await refresh(client, first))

    reused = await refresh(client, first)

    assert_problem(reused, 401)
    assert_problem(await refresh(client, newest), 401)
    (event,) = await audit_events(client, tenant.admin.headers, "auth.refresh_reuse")
    assert event["actor_id"] == str(tenant.engineer.id)


async def test_reuse_leaves_other_sign_ins_of_the_same_user_alone(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    laptop = refresh_secret(await login(client, tenant.engineer.email))
    phone = refresh_secret(await login(client, tenant.engineer.email))
    refresh_secret(await refresh(client, laptop))

    assert_problem(await refresh(client, laptop), 401)

    assert (await refresh(client, phone)).status_code == 200


async def test_refresh_without_or_with_an_unknown_cookie_is_401(client: AsyncClient) -> None:
    assert_problem(await refresh(client, None), 401)
    assert_problem(await refresh(client, "not-a-real-refresh-token"), 401)


async def test_logout_revokes_the_refresh_token_and_clears_the_cookie(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    secret = refresh_secret(await login(client, tenant.engineer.email))
    rotated = refresh_secret(await refresh(client, secret))

    r = await post_with_cookie(client, "/api/v1/auth/logout", rotated)

    assert r.status_code == 204
    cleared = set_cookie(r)
    assert cleared is not None and cleared.value == ""
    assert cleared["path"] == "/api/v1/auth"
    assert_problem(await refresh(client, rotated), 401)
    (event,) = await audit_events(client, tenant.admin.headers, "auth.logout")
    assert event["actor_id"] == str(tenant.engineer.id)
    # Logging out without a cookie is harmless.
    assert (await post_with_cookie(client, "/api/v1/auth/logout", None)).status_code == 204


async def test_deactivated_users_refresh_token_stops_working(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    secret = refresh_secret(await login(client, tenant.engineer.email))
    r = await client.patch(
        f"/api/v1/users/{tenant.engineer.id}",
        json={"is_active": False},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 200, r.text

    assert_problem(await refresh(client, secret), 401)


async def test_two_simultaneous_refreshes_with_one_cookie_have_at_most_one_winner(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    secret = refresh_secret(await login(client, tenant.engineer.email))
    client.cookies.clear()
    headers = {"Cookie": f"rf_refresh={secret}"}

    results = await asyncio.gather(
        client.post("/api/v1/auth/refresh", headers=headers),
        client.post("/api/v1/auth/refresh", headers=headers),
    )
    client.cookies.clear()

    assert sorted(r.status_code for r in results) == [200, 401], [r.text for r in results]
    assert_problem(next(r for r in results if r.status_code == 401), 401)
    assert len(await audit_events(client, tenant.admin.headers, "auth.refresh_reuse")) == 1
