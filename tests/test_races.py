"""Races that must have exactly one winner, run with real concurrency against the database."""

from __future__ import annotations

import asyncio

from httpx import AsyncClient

from tests.fixtures.factories import PASSWORD, Factory, unique


async def test_one_refresh_token_used_twice_at_once_has_one_winner(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    login = await client.post(
        "/api/v1/auth/login", json={"email": tenant.engineer.email, "password": PASSWORD}
    )
    cookie = login.cookies["rf_refresh"]
    client.cookies.clear()

    async def refresh():  # type: ignore[no-untyped-def]
        return await client.post("/api/v1/auth/refresh", headers={"Cookie": f"rf_refresh={cookie}"})

    results = await asyncio.gather(*(refresh() for _ in range(4)))
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200, 401, 401, 401], [r.text for r in results]
    # The losers presented a rotated token: the whole family is revoked, winner included.
    winner = next(r for r in results if r.status_code == 200)
    again = await client.post(
        "/api/v1/auth/refresh", headers={"Cookie": f"rf_refresh={winner.cookies['rf_refresh']}"}
    )
    assert again.status_code == 401


async def test_one_invite_accepted_twice_at_once_has_one_winner(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    email = f"{unique('race')}@example.com"
    created = await client.post(
        "/api/v1/users",
        headers=tenant.admin.headers,
        json={"email": email, "name": "Racer", "role": "engineer"},
    )
    token = created.json()["invite"]["invite_url"].rsplit("/", 1)[-1]

    async def accept(n: int):  # type: ignore[no-untyped-def]
        return await client.post(
            f"/api/v1/auth/invites/{token}/accept",
            json={"password": f"racing-passphrase-{n}-long"},
        )

    results = await asyncio.gather(*(accept(n) for n in range(3)))
    statuses = sorted(r.status_code for r in results)
    assert statuses == [200, 410, 410], [r.text for r in results]
    winner = results[[r.status_code for r in results].index(200)]
    n = [r.status_code for r in results].index(200)
    login = await client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": f"racing-passphrase-{n}-long"},
    )
    assert login.status_code == 200 and winner.json()["access_token"]


async def test_two_admins_demoting_each_other_at_once_leave_one_admin(
    client: AsyncClient, factory: Factory
) -> None:
    from resolutionflow.models import Role

    tenant = await factory.tenant(roles=(Role.team_admin, Role.engineer))
    second = await factory.user(tenant, Role.team_admin)
    first = tenant.admin

    async def demote(actor, target):  # type: ignore[no-untyped-def]
        return await client.patch(
            f"/api/v1/users/{target.id}", headers=actor.headers, json={"role": "engineer"}
        )

    results = await asyncio.gather(demote(first, second), demote(second, first))
    statuses = sorted(r.status_code for r in results)
    # One demotion lands; the other is refused (the demoted actor, or the last-admin guard).
    assert statuses[0] == 200 and statuses[1] in (401, 403, 409), [r.text for r in results]
    # results[0] is first demoting second: if it landed, first is the admin left.
    remaining = first if results[0].status_code == 200 else second
    users = await client.get("/api/v1/users?role=team_admin", headers=remaining.headers)
    assert users.status_code == 200
    assert len(users.json()["items"]) == 1
