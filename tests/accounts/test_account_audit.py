"""Creating an account is audited where it belongs, and nothing leaks into the creator's log."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.fixtures.factories import Factory, unique


async def test_new_accounts_events_land_in_the_new_account(
    client: AsyncClient, factory: Factory
) -> None:
    operator = await factory.tenant()
    email = f"{unique('boss')}@example.com"
    r = await client.post(
        "/api/v1/accounts",
        headers=operator.super_admin.headers,
        json={
            "name": unique("Globex"),
            "admin_email": email,
            "admin_name": "Boss",
            "admin_password": "globex-boss-passphrase",
        },
    )
    assert r.status_code == 201, r.text

    own_log = await client.get("/api/v1/audit-events", headers=operator.admin.headers)
    assert all(email not in str(e["detail"]) for e in own_log.json()["items"])

    signed_in = await client.post(
        "/api/v1/auth/login", json={"email": email, "password": "globex-boss-passphrase"}
    )
    boss = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    actions = [
        e["action"]
        for e in (await client.get("/api/v1/audit-events", headers=boss)).json()["items"]
    ]
    assert {"account.created", "user.created", "auth.login"} <= set(actions)
    assert Role.team_admin.value in str(
        (await client.get("/api/v1/me", headers=boss)).json()["role"]
    )
