"""Single sign-on in a real browser: the sign-in page offers the provider once the email's domain
has SSO, Chromium goes to the OpenID Provider (tests/oidc, `oidc-provider`) and back, and lands
signed in — the cookies (the login state's, then the refresh cookie) survive the cross-site
redirects as a real browser treats them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD
from tests.fixtures.oidc_provider import CLIENT_ID, CLIENT_SECRET, running_provider

ADMIN = "admin@acme.example"


@pytest.fixture
def sso_domain(base_url: str) -> Iterator[str]:
    """The demo account signs in `<domain>` through the test provider while the test runs."""
    domain = f"sso-{uuid.uuid4().hex[:8]}.example.org"
    token = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": ADMIN, "password": DEMO_PASSWORD}
    ).json()["access_token"]
    with (
        running_provider(f"{base_url}/api/v1/auth/sso/callback") as issuer,
        httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}) as api,
    ):
        r = api.put(
            "/api/v1/account/sso",
            json={
                "issuer": issuer,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "domains": [domain],
                "default_role": "engineer",
                "display_name": "Contoso Entra",
            },
        )
        assert r.status_code == 200, r.text
        try:
            yield domain
        finally:
            # Other journeys sign the demo account in with passwords and expect no SSO.
            api.delete("/api/v1/account/sso")


def test_sign_in_through_the_provider_lands_in_the_app(page: Page, sso_domain: str) -> None:
    email = f"pat@{sso_domain}"
    page.goto("/sign-in")
    page.get_by_label("Email").fill("erin@acme.example")
    expect(page.get_by_role("link", name="Sign in with Contoso Entra")).to_have_count(0)

    page.get_by_label("Email").fill(email)
    page.get_by_role("link", name="Sign in with Contoso Entra").click()

    # Through the provider (it signs in the login hint) and back, signed in: a new person,
    # provisioned with the account's default role, named as the provider named them.
    expect(page.get_by_role("button", name="User menu")).to_contain_text(f"Test {email}")

    # A reload keeps the sign-in: the refresh cookie set on the callback is a real one.
    page.reload()
    expect(page.get_by_role("button", name="User menu")).to_contain_text(f"Test {email}")
