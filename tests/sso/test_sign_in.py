"""Signing in through a real OpenID Provider: the code flow end to end, who is signed in (just
in time, by verified email, by issuer and subject), and every refusal as a redirect to the
sign-in page with a code."""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from httpx import AsyncClient, Response

from resolutionflow.models import Role
from tests.auth.support import audit_events, bearer, set_cookie
from tests.fixtures.factories import Factory, unique
from tests.sso.conftest import (
    CLIENT_ID,
    Provider,
    SsoTenant,
    provider_callback_url,
    sso_body,
    through_provider,
)


async def _me(client: AsyncClient) -> dict[str, object]:
    """What the app shows after the redirect: refresh with the cookie, then /me."""
    r = await client.post("/api/v1/auth/refresh")
    assert r.status_code == 200, r.text
    me = await client.get("/api/v1/me", headers=bearer(r.json()["access_token"]))
    assert me.status_code == 200, me.text
    client.cookies.clear()
    return dict(me.json())


def _refused(r: Response, code: str) -> None:
    assert r.status_code == 302, r.text
    assert r.headers["location"] == f"/sign-in?sso_error={code}"
    assert set_cookie(r) is None  # no sign-in


async def test_a_new_person_signs_in_end_to_end_and_is_provisioned_with_the_default_role(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider
) -> None:
    email = f"{unique('alice')}@{sso_tenant.domain}"
    r = await client.get("/api/v1/auth/sso/start", params={"email": email})
    query = parse_qs(urlsplit(r.headers["location"]).query)
    assert r.headers["location"].startswith(op.issuer + "/auth?")
    assert query["response_type"] == ["code"]
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == ["http://127.0.0.1:8000/api/v1/auth/sso/callback"]
    assert set(query["scope"][0].split()) >= {"openid", "email", "profile"}
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"] and query["nonce"] and query["code_challenge"]

    r = await through_provider(client, email)

    assert r.status_code == 302, r.text
    assert r.headers["location"] == "/"
    cookie = set_cookie(r)
    assert cookie is not None and cookie["httponly"] and cookie["path"] == "/api/v1/auth"
    me = await _me(client)
    assert me["email"] == email
    assert me["role"] == "viewer"
    assert me["account_id"] == str(sso_tenant.tenant.id)
    (created,) = [
        e
        for e in await audit_events(client, sso_tenant.tenant.admin.headers, "user.created")
        if e["target_id"] == me["id"]
    ]
    assert created["detail"]["via"] == "sso"

    # Later the provider no longer vouches for the email: the (issuer, subject) link decides.
    await op.says(email, email_verified=False, email=f"renamed@{sso_tenant.domain}")
    await through_provider(client, email)
    assert (await _me(client))["id"] == me["id"]


async def test_an_existing_user_is_linked_by_verified_email_keeping_their_role(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider, factory: Factory
) -> None:
    email = f"{unique('bob')}@{sso_tenant.domain}"
    r = await client.post(
        "/api/v1/users",
        headers=sso_tenant.tenant.admin.headers,
        json={"email": email, "name": "Bob", "role": "engineer", "password": "a-fine-passphrase!"},
    )
    assert r.status_code == 201, r.text

    await through_provider(client, email)

    me = await _me(client)
    assert me["id"] == r.json()["id"]
    assert me["role"] == "engineer"

    # Nobody is signed up on an email the provider does not vouch for.
    carol = f"{unique('carol')}@{sso_tenant.domain}"
    await op.says(carol, email_verified=False)
    _refused(await through_provider(client, carol), "email_not_verified")


@pytest.mark.parametrize(
    ("mode", "code"),
    [
        ("wrong_audience", "wrong_audience"),
        ("expired", "token_expired"),
        ("bad_signature", "bad_signature"),
    ],
)
async def test_an_id_token_that_fails_validation_signs_nobody_in(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider, mode: str, code: str
) -> None:
    email = f"{unique('mallory')}@{sso_tenant.domain}"
    await op.misbehave(mode)
    _refused(await through_provider(client, email), code)
    (event,) = await audit_events(client, sso_tenant.tenant.admin.headers, "auth.sso_failed")
    assert event["detail"]["reason"] == code
    # Nobody was provisioned.
    users = await client.get(
        "/api/v1/users", params={"q": "mallory"}, headers=sso_tenant.tenant.admin.headers
    )
    assert users.json()["items"] == []


async def test_signing_keys_are_kept_between_sign_ins_and_fetched_again_when_rotated(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider
) -> None:
    email = f"{unique('kim')}@{sso_tenant.domain}"
    await through_provider(client, email)  # the keys are known from here on
    before = await op.jwks_requests()
    first = await _me(client)
    await through_provider(client, email)
    assert (await _me(client))["id"] == first["id"]
    assert await op.jwks_requests() == before  # the second sign-in used the kept keys

    # The provider signs with a new key: the kept keys do not have it, the current ones do.
    await op.misbehave("rotated")
    r = await through_provider(client, email)
    assert r.status_code == 302 and r.headers["location"] == "/", r.headers.get("location")
    assert (await _me(client))["id"] == first["id"]
    assert await op.jwks_requests() == before + 1


async def test_a_state_is_used_once_and_only_by_the_browser_that_started_it(
    client: AsyncClient, sso_tenant: SsoTenant
) -> None:
    email = f"{unique('dave')}@{sso_tenant.domain}"
    callback = await provider_callback_url(client, email)
    # Another browser (no state cookie) cannot finish it: a login-CSRF attempt.
    client.cookies.clear()
    _refused(await client.get(callback), "state_mismatch")

    callback = await provider_callback_url(client, email)
    assert (await client.get(callback)).headers["location"] == "/"
    client.cookies.set("rf_sso_state", parse_qs(urlsplit(callback).query)["state"][0])
    _refused(await client.get(callback), "state_replayed")

    # The provider's error (a person who cancels) comes back as a code, not a sign-in.
    client.cookies.clear()
    r = await client.get("/api/v1/auth/sso/start", params={"email": email})
    state = parse_qs(urlsplit(r.headers["location"]).query)["state"][0]
    _refused(
        await client.get(
            "/api/v1/auth/sso/callback", params={"error": "access_denied", "state": state}
        ),
        "provider_error",
    )
    _refused(await client.get("/api/v1/auth/sso/callback"), "state_invalid")


async def test_domains_decide_who_may_sign_in_and_other_accounts_are_never_touched(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider, factory: Factory
) -> None:
    # An email whose domain has no single sign-on is never sent to a provider.
    r = await client.get("/api/v1/auth/sso/start", params={"email": "eve@no-sso.example.net"})
    assert r.status_code == 302
    assert r.headers["location"] == "/sign-in?sso_error=not_configured"

    # The provider vouches for an email outside the account's domains.
    hint = f"{unique('frank')}@{sso_tenant.domain}"
    await op.says(hint, email=f"frank@{unique('elsewhere')}.example.net")
    _refused(await through_provider(client, hint), "domain_not_allowed")

    # A user of another account with an email of this domain is not signed in, nor changed.
    other = await factory.tenant((Role.team_admin,))
    email = f"{unique('grace')}@{sso_tenant.domain}"
    r = await client.post(
        "/api/v1/users",
        headers=other.admin.headers,
        json={
            "email": email,
            "name": "Grace",
            "role": "engineer",
            "password": "a-fine-passphrase!",
        },
    )
    assert r.status_code == 201, r.text
    _refused(await through_provider(client, email), "email_in_other_account")
    user = await factory.get_user(uuid.UUID(r.json()["id"]))
    assert user is not None and user.account_id == other.id and user.last_login_at is None


async def test_another_accounts_provider_cannot_sign_into_this_account(
    client: AsyncClient, sso_tenant: SsoTenant, op: Provider, factory: Factory
) -> None:
    """Account B sets up the same provider for its own domain: a person of B's domain lands in
    B, and A's users stay A's, even with the same issuer and client."""
    b = await factory.tenant((Role.team_admin,))
    b_domain = f"{unique('fabrikam')}.example.org"
    r = await client.put(
        "/api/v1/account/sso", json=sso_body(op, b_domain), headers=b.admin.headers
    )
    assert r.status_code == 200, r.text
    email = f"{unique('heidi')}@{b_domain}"
    await through_provider(client, email)
    assert (await _me(client))["account_id"] == str(b.id)
