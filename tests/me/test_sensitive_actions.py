"""Password changes and token minting resist a stolen credential."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from resolutionflow.config import get_settings
from tests.auth.support import assert_problem, audit_events, bearer, login
from tests.fixtures.factories import PASSWORD, Factory


@asynccontextmanager
async def _from(app: FastAPI, ip: str) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app, client=(ip, 40000))
    async with AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


async def test_guessing_the_current_password_is_throttled_and_audited(
    app: FastAPI, client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "login_delay_base_s", 30)
    tenant = await factory.tenant()
    person = tenant.engineer
    free = get_settings().login_free_failures
    for n in range(free):
        # Moving to another address does not help: these count per user, from anywhere.
        async with _from(app, f"198.51.100.{n + 1}") as c:
            r = await c.post(
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
    assert 0 < int(r.headers["Retry-After"]) <= 30
    # Nothing changed: the stored hash is untouched, which the audit log and a direct check
    # both show; the failure that started the wait is audited as auth.throttled.
    events = await client.get(
        "/api/v1/audit-events?action=auth.password_change_failed", headers=tenant.admin.headers
    )
    assert len([e for e in events.json()["items"] if e["actor_id"] == str(person.id)]) == free
    (throttled,) = await audit_events(client, tenant.admin.headers, "auth.throttled")
    assert throttled["actor_id"] == str(person.id)
    assert throttled["detail"]["scope"] == "password_change"
    stored = await factory.get_user(person.id)
    from resolutionflow.auth.passwords import verify_password

    assert stored is not None and verify_password(PASSWORD, stored.password_hash or "")
    # Signing in is a separate count: the guesses did not lock the owner out of signing in.
    assert (await login(client, person.email)).status_code == 200


async def test_strangers_failing_to_sign_in_do_not_hold_up_a_password_change(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    person = tenant.engineer
    for n in range(6):
        async with _from(app, f"198.51.100.{90 + n}") as stranger:
            assert_problem(await login(stranger, person.email, "not-their-password"), 401)

    r = await client.post(
        "/api/v1/me/password",
        headers=person.headers,
        json={"current_password": PASSWORD, "new_password": "a-new-long-passphrase"},
    )

    assert r.status_code == 204, r.text


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
