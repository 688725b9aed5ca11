"""Changing your own password: the policy, and signing out every other device."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    login,
    refresh,
    refresh_secret,
)
from tests.fixtures.factories import PASSWORD, Factory

NEW_PASSWORD = "a-brand-new-long-passphrase"


async def _change(client: AsyncClient, headers: dict[str, str], current: str, new: str):  # type: ignore[no-untyped-def]
    return await client.post(
        "/api/v1/me/password",
        json={"current_password": current, "new_password": new},
        headers=headers,
    )


async def test_wrong_current_password_is_422_naming_current_password(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    before = (await factory.get_user(tenant.engineer.id)).password_hash

    r = await _change(client, tenant.engineer.headers, "not-my-password", NEW_PASSWORD)

    assert_problem(r, 422, field="current_password")
    assert (await factory.get_user(tenant.engineer.id)).password_hash == before
    assert (await client.get("/api/v1/me", headers=tenant.engineer.headers)).status_code == 200


async def test_too_short_new_password_is_422_naming_new_password(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    before = (await factory.get_user(tenant.engineer.id)).password_hash

    r = await _change(client, tenant.engineer.headers, PASSWORD, "short-1")

    assert_problem(r, 422, field="new_password")
    assert (await factory.get_user(tenant.engineer.id)).password_hash == before


async def test_common_new_password_is_422_naming_new_password(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    before = (await factory.get_user(tenant.engineer.id)).password_hash

    r = await _change(client, tenant.engineer.headers, PASSWORD, "password1234")

    body = assert_problem(r, 422, field="new_password")
    assert all(e["loc"][-1] == "new_password" for e in body["errors"])
    assert (await factory.get_user(tenant.engineer.id)).password_hash == before
    assert (await login(client, tenant.engineer.email)).status_code == 200


async def test_password_change_replaces_the_password_and_signs_out_other_devices(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    signed_in = await login(client, email)
    other_device = refresh_secret(signed_in)
    old_access = signed_in.json()["access_token"]

    r = await _change(client, bearer(old_access), PASSWORD, NEW_PASSWORD)

    assert r.status_code == 204, r.text
    this_device = refresh_secret(r)
    assert this_device != other_device
    assert_problem(await client.get("/api/v1/me", headers=bearer(old_access)), 401)
    assert_problem(await client.get("/api/v1/me", headers=tenant.engineer.headers), 401)
    assert_problem(await refresh(client, other_device), 401)
    refreshed = await refresh(client, this_device)
    assert refreshed.status_code == 200, refreshed.text
    fresh = refreshed.json()["access_token"]
    assert (await client.get("/api/v1/me", headers=bearer(fresh))).status_code == 200
    assert_problem(await login(client, email, PASSWORD), 401)
    assert (await login(client, email, NEW_PASSWORD)).status_code == 200
    (event,) = await audit_events(client, tenant.admin.headers, "auth.password_changed")
    assert event["actor_id"] == str(tenant.engineer.id)
