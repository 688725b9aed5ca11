"""An account's single sign-on settings: validated when saved, the secret write-only and
encrypted, domains unique across accounts, `sso_required` refusing passwords (but not a super
admin's), and the sign-in page's discovery."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.common import crypto
from resolutionflow.models import Role, SsoConfig
from tests.auth.support import assert_problem, audit_events, login
from tests.fixtures.factories import Factory, unique
from tests.sso.conftest import CLIENT_SECRET, Provider, SsoTenant, sso_body


async def _stored(app: FastAPI, account_id: Any) -> SsoConfig:
    async with app.state.sessionmaker() as db:
        row = await db.scalar(select(SsoConfig).where(SsoConfig.account_id == account_id))
        assert row is not None
        return row


async def test_the_secret_is_never_returned_is_encrypted_and_kept_when_left_out(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider, app: FastAPI
) -> None:
    admin = sso_tenant.tenant.admin.headers
    r = await client.get("/api/v1/account/sso", headers=admin)
    assert r.status_code == 200, r.text
    assert CLIENT_SECRET not in r.text
    body = r.json()
    assert body["configured"] and body["has_secret"]
    assert body["domains"] == [sso_tenant.domain]
    assert body["redirect_uri"].endswith("/api/v1/auth/sso/callback")
    row = await _stored(app, sso_tenant.tenant.id)
    assert CLIENT_SECRET not in row.client_secret_encrypted
    assert crypto.decrypt(row.client_secret_encrypted) == CLIENT_SECRET

    update = sso_body(op, sso_tenant.domain, display_name="Microsoft")
    del update["client_secret"]
    r = await client.put("/api/v1/account/sso", json=update, headers=admin)
    assert r.status_code == 200, r.text
    assert r.json()["display_name"] == "Microsoft" and r.json()["has_secret"]
    row = await _stored(app, sso_tenant.tenant.id)
    assert crypto.decrypt(row.client_secret_encrypted) == CLIENT_SECRET
    events = await audit_events(client, admin, "sso.config_saved")
    assert len(events) == 2 and CLIENT_SECRET not in str(events)

    for role in (Role.engineer, Role.viewer):
        assert_problem(
            await client.get("/api/v1/account/sso", headers=sso_tenant.tenant[role].headers), 403
        )


async def test_bad_settings_are_422_naming_the_field_and_a_domain_has_one_account(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider, factory: Factory
) -> None:
    other = await factory.tenant((Role.team_admin,))
    headers = other.admin.headers
    domain = f"{unique('other')}.example.org"

    async def put(**overrides: Any) -> Any:
        return await client.put(
            "/api/v1/account/sso", json=sso_body(op, domain, **overrides), headers=headers
        )

    # Another account's team admin sees their own (empty) settings, and cannot take the domain.
    r = await client.get("/api/v1/account/sso", headers=headers)
    assert r.json()["configured"] is False and r.json()["issuer"] is None
    assert_problem(await put(domains=[domain, sso_tenant.domain]), 422, field=1)
    assert_problem(await put(domains=["not a domain"]), 422, field="domains")
    assert_problem(await put(issuer="ftp://idp.example.com"), 422, field="issuer")
    assert_problem(await put(issuer="http://idp.example.com"), 422, field="issuer")
    # Loopback is allowed here, but nothing answers discovery on this port.
    assert_problem(await put(issuer="http://127.0.0.1:9/tenant"), 422, field="issuer")
    assert_problem(await put(client_secret=None), 422, field="client_secret")
    assert_problem(await put(default_role="super_admin"), 422, field="default_role")
    assert (await client.get("/api/v1/account/sso", headers=headers)).json()["configured"] is False

    # The first account's settings are unchanged.
    r = await client.get("/api/v1/account/sso", headers=sso_tenant.tenant.admin.headers)
    assert r.json()["domains"] == [sso_tenant.domain]

    # Turned off: the domain no longer has single sign-on.
    r = await client.delete("/api/v1/account/sso", headers=sso_tenant.tenant.admin.headers)
    assert r.status_code == 204
    found = await client.get(
        "/api/v1/auth/sso/discover", params={"email": f"x@{sso_tenant.domain}"}
    )
    assert found.json()["sso"] is False
    (event,) = await audit_events(client, sso_tenant.tenant.admin.headers, "sso.config_deleted")
    assert event["detail"]["issuer"] == op.issuer


async def test_required_sso_refuses_passwords_except_a_super_admins(
    client: AsyncClient, sso_tenant: SsoTenant, factory: Factory
) -> None:
    tenant = sso_tenant.tenant
    security = "/api/v1/account/security"
    # Not without a provider.
    plain = await factory.tenant((Role.team_admin,))
    assert_problem(
        await client.put(security, json={"sso_required": True}, headers=plain.admin.headers),
        422,
        field="sso_required",
    )
    email = f"x@{sso_tenant.domain}"
    found = await client.get("/api/v1/auth/sso/discover", params={"email": email})
    assert found.json() == {
        "sso": True,
        "display_name": "Contoso Entra",
        "start_url": "/api/v1/auth/sso/start",
        "password_allowed": True,
    }

    r = await client.put(security, json={"sso_required": True}, headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["sso_required"] is True
    # Saving the timeouts alone keeps it.
    r = await client.put(security, json={"idle_minutes": 60}, headers=tenant.admin.headers)
    assert r.json()["sso_required"] is True

    found = await client.get("/api/v1/auth/sso/discover", params={"email": email})
    assert found.json()["password_allowed"] is False
    body = assert_problem(await login(client, tenant.engineer.email), 403)
    assert body["sso_required"] is True and "Contoso Entra" in body["detail"]
    assert (await login(client, tenant.super_admin.email)).status_code == 200
    client.cookies.clear()
    (event,) = [
        e
        for e in await audit_events(client, tenant.admin.headers, "auth.login_failed")
        if e["actor_email"] == tenant.engineer.email
    ]
    assert event["detail"] == {"reason": "sso_required"}

    # An invite cannot set a password either; the invited person signs in with SSO instead.
    r = await client.post(
        "/api/v1/users",
        headers=tenant.admin.headers,
        json={"email": f"{unique('ivan')}@{sso_tenant.domain}", "name": "Ivan", "role": "engineer"},
    )
    token = r.json()["invite"]["invite_url"].rsplit("/", 1)[-1]
    body = assert_problem(
        await client.post(
            f"/api/v1/auth/invites/{token}/accept", json={"password": "a-fine-passphrase!"}
        ),
        403,
    )
    assert body["sso_required"] is True
    assert (await client.get(f"/api/v1/auth/invites/{token}")).status_code == 200  # still open

    r = await client.put(security, json={"sso_required": False}, headers=tenant.admin.headers)
    assert r.json()["sso_required"] is False
    assert (await login(client, tenant.engineer.email)).status_code == 200
