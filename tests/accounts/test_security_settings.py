"""Account sign-in timeouts: set by a team admin, validated, and enforced when refreshing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from httpx import AsyncClient

from resolutionflow.auth import service as auth_service
from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    login,
    post_with_cookie,
    refresh_secret,
)
from tests.fixtures.factories import Factory, Tenant


class Clock:
    """Moves the sign-in clock forward (auth.service._now) without sleeping."""

    def __init__(self, monkeypatch: Any) -> None:
        self.offset = timedelta()
        monkeypatch.setattr(auth_service, "_now", lambda: datetime.now(UTC) + self.offset)

    def advance(self, **kwargs: float) -> None:
        self.offset += timedelta(**kwargs)


async def _put(client: AsyncClient, tenant: Tenant, body: dict[str, Any]) -> Any:
    return await client.put("/api/v1/account/security", json=body, headers=tenant.admin.headers)


async def _sign_in(client: AsyncClient, email: str) -> tuple[str, str]:
    r = await login(client, email)
    client.cookies.clear()
    assert r.status_code == 200, r.text
    return r.json()["access_token"], refresh_secret(r)


async def _refresh(client: AsyncClient, secret: str) -> Any:
    return await post_with_cookie(client, "/api/v1/auth/refresh", secret)


async def test_defaults_are_reported_and_a_preset_is_saved(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    r = await client.get("/api/v1/account/security", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "idle_minutes": None,
        "absolute_hours": None,
        "default_idle_minutes": 14 * 24 * 60,
        "sso_required": False,
    }

    r = await _put(client, tenant, {"idle_minutes": 30, "absolute_hours": 8})

    assert r.status_code == 200, r.text
    again = await client.get("/api/v1/account/security", headers=tenant.admin.headers)
    assert again.json()["idle_minutes"] == 30
    assert again.json()["absolute_hours"] == 8
    (event,) = await audit_events(client, tenant.admin.headers, "account.security_changed")
    assert event["detail"] == {
        "from": {"idle_minutes": None, "absolute_hours": None},
        "to": {"idle_minutes": 30, "absolute_hours": 8},
    }
    assert_problem(
        await client.get("/api/v1/account/security", headers=tenant.engineer.headers), 403
    )


async def test_out_of_range_or_idle_not_shorter_than_absolute_is_422_naming_the_field(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    assert_problem(await _put(client, tenant, {"idle_minutes": 1}), 422, field="idle_minutes")
    assert_problem(await _put(client, tenant, {"absolute_hours": 0}), 422, field="absolute_hours")
    assert_problem(
        await _put(client, tenant, {"absolute_hours": 100_000}), 422, field="absolute_hours"
    )
    assert_problem(
        await _put(client, tenant, {"idle_minutes": 480, "absolute_hours": 8}),
        422,
        field="idle_minutes",
    )
    # The default idle (14 days) is longer than 8 hours: an absolute limit alone needs an idle.
    assert_problem(await _put(client, tenant, {"absolute_hours": 8}), 422, field="idle_minutes")
    assert_problem(await _put(client, tenant, {"sso_required": True}), 422, field="sso_required")
    r = await client.get("/api/v1/account/security", headers=tenant.admin.headers)
    assert r.json()["idle_minutes"] is None  # nothing was saved


async def test_a_refresh_after_the_idle_timeout_is_refused_and_the_sign_in_ends(
    client: AsyncClient, factory: Factory, monkeypatch: Any
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    assert (
        await _put(client, tenant, {"idle_minutes": 30, "absolute_hours": 8})
    ).status_code == 200
    clock = Clock(monkeypatch)
    access, secret = await _sign_in(client, tenant.engineer.email)

    # Used every 20 minutes: idle never reaches 30.
    for _ in range(3):
        clock.advance(minutes=20)
        r = await _refresh(client, secret)
        assert r.status_code == 200, r.text
        secret, access = refresh_secret(r), r.json()["access_token"]

    clock.advance(minutes=31)
    assert_problem(await _refresh(client, secret), 401)
    assert_problem(await client.get("/api/v1/me", headers=bearer(access)), 401)


async def test_a_refresh_after_the_absolute_lifetime_is_refused_even_when_used(
    client: AsyncClient, factory: Factory, monkeypatch: Any
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    assert (
        await _put(client, tenant, {"idle_minutes": 30, "absolute_hours": 1})
    ).status_code == 200
    clock = Clock(monkeypatch)
    _, secret = await _sign_in(client, tenant.engineer.email)
    for _ in range(2):
        clock.advance(minutes=25)
        r = await _refresh(client, secret)
        assert r.status_code == 200, r.text
        secret = refresh_secret(r)

    clock.advance(minutes=11)  # 61 minutes since signing in, 11 since the last use

    body = assert_problem(await _refresh(client, secret), 401)
    assert "longest time" in body["detail"]


async def test_the_defaults_keep_a_sign_in_used_within_the_refresh_lifetime(
    client: AsyncClient, factory: Factory, monkeypatch: Any
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    clock = Clock(monkeypatch)
    _, secret = await _sign_in(client, tenant.engineer.email)

    clock.advance(days=13)
    r = await _refresh(client, secret)
    assert r.status_code == 200, r.text
    clock.advance(days=13)  # 26 days since signing in: no absolute limit by default
    assert (await _refresh(client, refresh_secret(r))).status_code == 200
