"""Signed-in devices: each sign-in (refresh-token family) is listed, and can be signed out."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    post_with_cookie,
    refresh_secret,
)
from tests.fixtures.factories import PASSWORD, Factory


async def _sign_in(client: AsyncClient, email: str, agent: str) -> tuple[str, str]:
    """Signs in like a browser with this user agent: (access token, refresh secret)."""
    r = await client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": PASSWORD},
        headers={"User-Agent": agent},
    )
    client.cookies.clear()
    assert r.status_code == 200, r.text
    return r.json()["access_token"], refresh_secret(r)


async def _sessions(client: AsyncClient, access: str) -> list[dict]:  # type: ignore[type-arg]
    r = await client.get("/api/v1/me/sessions", headers=bearer(access))
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_each_sign_in_is_listed_with_its_device_and_the_current_one_marked(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    laptop, _ = await _sign_in(client, tenant.engineer.email, "Laptop/1.0")
    phone, phone_secret = await _sign_in(client, tenant.engineer.email, "Phone/2.0")
    await _sign_in(client, tenant.admin.email, "Admin/1.0")
    # A refresh is "last seen" (and its user agent the device's latest); same sign-in, not new.
    refreshed = await client.post(
        "/api/v1/auth/refresh",
        headers={"Cookie": f"rf_refresh={phone_secret}", "User-Agent": "Phone/2.1"},
    )
    client.cookies.clear()
    assert refreshed.status_code == 200, refreshed.text

    listed = await _sessions(client, laptop)

    assert len(listed) == 2  # not the admin's sign-in
    assert listed[0]["current"] is True
    assert listed[1]["current"] is False
    assert listed[0]["user_agent"] == "Laptop/1.0"
    assert listed[1]["user_agent"] == "Phone/2.1"
    assert all(s["ip"] for s in listed)
    other = listed[1]
    assert other["last_seen_at"] >= other["created_at"]
    assert [s["current"] for s in await _sessions(client, phone)].count(True) == 1


async def test_signing_out_another_device_ends_its_access_and_refresh(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    laptop, _ = await _sign_in(client, tenant.engineer.email, "Laptop/1.0")
    phone, phone_secret = await _sign_in(client, tenant.engineer.email, "Phone/2.0")
    (phone_session,) = [s for s in await _sessions(client, phone) if s["current"]]

    r = await client.delete(f"/api/v1/me/sessions/{phone_session['id']}", headers=bearer(laptop))

    assert r.status_code == 204, r.text
    assert_problem(await client.get("/api/v1/me", headers=bearer(phone)), 401)
    assert_problem(await post_with_cookie(client, "/api/v1/auth/refresh", phone_secret), 401)
    assert (await client.get("/api/v1/me", headers=bearer(laptop))).status_code == 200
    assert [s["current"] for s in await _sessions(client, laptop)] == [True]
    (event,) = await audit_events(client, tenant.admin.headers, "auth.session_revoked")
    assert event["detail"]["family_id"] == phone_session["id"]
    assert event["detail"]["current"] is False
    # Already signed out: nothing left to revoke.
    r = await client.delete(f"/api/v1/me/sessions/{phone_session['id']}", headers=bearer(laptop))
    assert_problem(r, 404)


async def test_signing_out_the_current_device_signs_this_device_out(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    laptop, secret = await _sign_in(client, tenant.engineer.email, "Laptop/1.0")
    (mine,) = await _sessions(client, laptop)

    r = await client.delete(f"/api/v1/me/sessions/{mine['id']}", headers=bearer(laptop))

    assert r.status_code == 204, r.text
    assert any("rf_refresh=" in h and "Max-Age=0" in h for h in r.headers.get_list("set-cookie"))
    assert_problem(await client.get("/api/v1/me", headers=bearer(laptop)), 401)
    assert_problem(await post_with_cookie(client, "/api/v1/auth/refresh", secret), 401)


async def test_another_users_device_is_not_found(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    phone, phone_secret = await _sign_in(client, tenant.engineer.email, "Phone/2.0")
    (phone_session,) = await _sessions(client, phone)

    r = await client.delete(
        f"/api/v1/me/sessions/{phone_session['id']}", headers=tenant.admin.headers
    )

    assert_problem(r, 404)
    assert (await client.get("/api/v1/me", headers=bearer(phone))).status_code == 200
    assert (await post_with_cookie(client, "/api/v1/auth/refresh", phone_secret)).status_code == 200


async def test_revoke_others_keeps_only_this_device(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    laptop, laptop_secret = await _sign_in(client, tenant.engineer.email, "Laptop/1.0")
    phone, _ = await _sign_in(client, tenant.engineer.email, "Phone/2.0")
    tablet, _ = await _sign_in(client, tenant.engineer.email, "Tablet/3.0")
    admin, _ = await _sign_in(client, tenant.admin.email, "Admin/1.0")

    r = await client.post("/api/v1/me/sessions/revoke-others", headers=bearer(laptop))

    assert r.status_code == 200, r.text
    assert r.json() == {"revoked": 2}
    assert_problem(await client.get("/api/v1/me", headers=bearer(phone)), 401)
    assert_problem(await client.get("/api/v1/me", headers=bearer(tablet)), 401)
    assert (await client.get("/api/v1/me", headers=bearer(laptop))).status_code == 200
    assert (await client.get("/api/v1/me", headers=bearer(admin))).status_code == 200
    assert (
        await post_with_cookie(client, "/api/v1/auth/refresh", laptop_secret)
    ).status_code == 200
    assert len(await _sessions(client, laptop)) == 1
    (event,) = await audit_events(client, tenant.admin.headers, "auth.sessions_revoked_others")
    assert event["detail"] == {"revoked": 2}
