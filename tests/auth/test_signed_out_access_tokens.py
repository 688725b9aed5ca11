"""An access token ends with its sign-in: at sign-out, and when refresh-token reuse is detected,
not up to 15 minutes later. Other sign-ins of the same person keep working."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    bearer,
    login,
    post_with_cookie,
    refresh,
    refresh_secret,
)
from tests.fixtures.factories import Factory


async def _me(client: AsyncClient, access: str) -> int:
    return (await client.get("/api/v1/me", headers=bearer(access))).status_code


async def test_access_token_stops_working_at_sign_out(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    laptop = await login(client, tenant.engineer.email)
    phone = await login(client, tenant.engineer.email)
    laptop_access = laptop.json()["access_token"]
    rotated = await refresh(client, refresh_secret(laptop))
    laptop_newer = rotated.json()["access_token"]
    assert await _me(client, laptop_access) == 200

    r = await post_with_cookie(client, "/api/v1/auth/logout", refresh_secret(rotated))

    assert r.status_code == 204
    # Every access token of that sign-in, the one before the refresh included, is refused.
    assert_problem(await client.get("/api/v1/me", headers=bearer(laptop_access)), 401)
    assert_problem(await client.get("/api/v1/me", headers=bearer(laptop_newer)), 401)
    # The phone's sign-in is another family: untouched, access token and refresh alike.
    assert await _me(client, phone.json()["access_token"]) == 200
    assert (await refresh(client, refresh_secret(phone))).status_code == 200


async def test_access_tokens_of_a_reused_family_stop_working_at_once(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    signed_in = await login(client, tenant.engineer.email)
    stolen = refresh_secret(signed_in)
    # The thief refreshes first and holds a fresh access token; the victim's copy is now stale.
    thief = await refresh(client, stolen)
    thief_access = thief.json()["access_token"]
    other = await login(client, tenant.engineer.email)
    assert await _me(client, thief_access) == 200

    assert_problem(await refresh(client, stolen), 401)  # reuse detected

    assert_problem(await client.get("/api/v1/me", headers=bearer(thief_access)), 401)
    assert_problem(
        await client.get("/api/v1/me", headers=bearer(signed_in.json()["access_token"])), 401
    )
    assert await _me(client, other.json()["access_token"]) == 200


async def test_a_new_sign_in_after_sign_out_works(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    first = await login(client, tenant.engineer.email)
    await post_with_cookie(client, "/api/v1/auth/logout", refresh_secret(first))

    again = await login(client, tenant.engineer.email)

    assert again.status_code == 200, again.text
    assert await _me(client, again.json()["access_token"]) == 200
    assert (await refresh(client, refresh_secret(again))).status_code == 200
