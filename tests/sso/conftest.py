"""A real OpenID Provider for the SSO tests: `oidc-provider` (npm, OpenID Certified) run by
tests/oidc/server.mjs on a free loopback port, one per test session, stopped by its pid.
`make test` installs it (`npm ci` in tests/oidc). Its test-only controls make it misbehave on
purpose (a foreign audience, an expired or wrongly signed ID token), so the app's validation is
tested against real tokens, with no mocks of Authlib."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import pytest
from httpx import AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.sso.service import redirect_uri
from tests.fixtures.factories import Factory, Tenant, unique
from tests.fixtures.oidc_provider import CLIENT_ID, CLIENT_SECRET, running_provider


@dataclass
class Provider:
    issuer: str

    async def _post(self, path: str, body: dict[str, Any]) -> None:
        async with httpx.AsyncClient() as http:
            r = await http.post(self.issuer + path, json=body)
            assert r.status_code == 204, r.text

    async def misbehave(self, mode: str | None) -> None:
        """The next ID tokens: "wrong_audience", "expired", "bad_signature", "rotated" (honest,
        signed with a new key the JWKS lists from then on), or None (honest)."""
        await self._post("/__test/mode", {"mode": mode})

    async def jwks_requests(self) -> int:
        """How often the provider's JWKS has been fetched (by anyone) so far."""
        async with httpx.AsyncClient() as http:
            r = await http.get(self.issuer + "/__test/stats")
            return int(r.json()["jwks_requests"])

    async def says(self, account: str, **claims: Any) -> None:
        """What the provider asserts about the account signed in with `login_hint=account`
        (by default sub=email=account, email_verified=true)."""
        await self._post("/__test/account", {"id": account, "claims": claims})


@pytest.fixture(scope="session")
def _oidc_server() -> Iterator[Provider]:
    with running_provider(redirect_uri(get_settings())) as issuer:
        yield Provider(issuer)


@pytest.fixture
async def op(_oidc_server: Provider) -> AsyncIterator[Provider]:
    await _oidc_server.misbehave(None)
    yield _oidc_server
    await _oidc_server.misbehave(None)


def sso_body(op: Provider, domain: str, **overrides: Any) -> dict[str, Any]:
    return {
        "issuer": op.issuer,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "domains": [domain],
        "default_role": "viewer",
        "display_name": "Contoso Entra",
    } | overrides


@dataclass
class SsoTenant:
    tenant: Tenant
    domain: str


@pytest.fixture
async def sso_tenant(client: AsyncClient, factory: Factory, op: Provider) -> SsoTenant:
    """An account whose domain signs in through the test provider."""
    tenant = await factory.tenant()
    domain = f"{unique('contoso')}.example.org"
    r = await client.put(
        "/api/v1/account/sso", json=sso_body(op, domain), headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    return SsoTenant(tenant, domain)


async def through_provider(client: AsyncClient, email: str) -> httpx.Response:
    """A browser's trip: start at the app, sign in at the provider (its interaction signs in
    `email`), and come back to the callback. Returns the callback's response."""
    callback = await provider_callback_url(client, email)
    return await client.get(callback)


async def provider_callback_url(client: AsyncClient, email: str) -> str:
    """Start and the provider's part; the callback path+query the provider sends back to."""
    client.cookies.delete("rf_refresh")
    r = await client.get("/api/v1/auth/sso/start", params={"email": email})
    assert r.status_code == 302, r.text
    url = r.headers["location"]
    back = redirect_uri(get_settings())
    async with httpx.AsyncClient() as browser:  # the browser's cookies at the provider
        for _ in range(10):
            r = await browser.get(url)
            assert r.status_code in (302, 303), r.text
            url = urljoin(url, r.headers["location"])
            if url.startswith(back):
                break
        else:
            raise AssertionError("the provider never sent the browser back")
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"
