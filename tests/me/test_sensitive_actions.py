"""Password changes and token minting resist a stolen credential."""

from __future__ import annotations

from httpx import AsyncClient

from tests.auth.support import assert_problem, bearer, login
from tests.fixtures.factories import PASSWORD, Factory


async def test_guessing_the_current_password_is_throttled_and_audited(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    person = tenant.engineer
    for n in range(5):
        r = await client.post(
            "/api/v1/me/password",
            headers=person.headers,
            json={"current_password": f"guess-{n}", "new_password": "a-new-long-passphrase"},
        )
        assert_problem(r, 422, field="current_password")
    r = await client.post(
        "/api/v1/me/password",
        headers=person.headers,
        json={"current_password": PASSWORD, "new_password": "a-new-long-passphrase"},
    )
    assert_problem(r, 429)
    assert int(r.headers["Retry-After"]) > 0
    # Nothing changed: the old password still signs in... once the lockout ends; the stored
    # hash is untouched, which the audit log and a direct check both show.
    events = await client.get(
        "/api/v1/audit-events?action=auth.password_change_failed", headers=tenant.admin.headers
    )
    assert len([e for e in events.json()["items"] if e["actor_id"] == str(person.id)]) == 5
    stored = await factory.get_user(person.id)
    from resolutionflow.auth.passwords import verify_password

    assert stored is not None and verify_password(PASSWORD, stored.password_hash or "")


async def test_an_api_token_cannot_mint_tokens_or_change_the_password(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    created = await client.post(
        "/api/v1/me/tokens", headers=tenant.engineer.headers, json={"name": "script"}
    )
    token = created.json()["token"]
    assert_problem(
        await client.post("/api/v1/me/tokens", headers=bearer(token), json={"name": "more"}), 403
    )
    assert_problem(
        await client.post(
            "/api/v1/me/password",
            headers=bearer(token),
            json={"current_password": PASSWORD, "new_password": "taken-over-passphrase"},
        ),
        403,
    )
    tokens = await client.get("/api/v1/me/tokens", headers=tenant.engineer.headers)
    assert [t["name"] for t in tokens.json()["items"]] == ["script"]
    assert (await login(client, tenant.engineer.email)).status_code == 200
