"""Journeys: an invitee joins through their link; an engineer makes and revokes an API token."""

from __future__ import annotations

import re
import secrets

import httpx
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in


def test_invited_person_joins_through_the_link(page: Page, browser: Browser, base_url: str) -> None:
    sign_in(page, "admin@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.get_by_role("button", name="Add person").click()
    dialog = page.get_by_role("dialog")
    email = f"joiner-{secrets.token_hex(3)}@acme.example"
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Name").fill("Jo Joiner")
    dialog.get_by_label("Role").select_option("viewer")
    dialog.get_by_role("button", name="Send invite").click()
    link = page.get_by_test_id("invite-url")
    expect(link).to_be_visible()
    url = link.input_value() if link.evaluate("e => e.tagName") == "INPUT" else link.inner_text()
    assert re.search(r"/invite/[A-Za-z0-9_-]{20,}$", url), url

    # The invitee, in their own browser.
    invitee = browser.new_context(base_url=base_url)
    other = invitee.new_page()
    other.goto(url.replace("http://127.0.0.1:8000", base_url))
    expect(other.get_by_text("Acme MSP").first).to_be_visible()
    other.get_by_label("Password").fill("joining-with-a-long-passphrase")
    other.get_by_role("button", name="Create account and sign in").click()
    expect(other.get_by_role("button", name="User menu")).to_be_visible()
    # A viewer: no admin navigation.
    expect(
        other.get_by_role("navigation", name="Main").get_by_role("link", name="People")
    ).to_have_count(0)
    invitee.close()

    # The same link cannot be used twice.
    again = browser.new_context(base_url=base_url)
    third = again.new_page()
    third.goto(url.replace("http://127.0.0.1:8000", base_url))
    expect(third.get_by_text(re.compile("already", re.I)).first).to_be_visible()
    again.close()


def test_engineer_creates_uses_and_revokes_an_api_token(page: Page, base_url: str) -> None:
    sign_in(page, "engineer@acme.example")
    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="API tokens").click()
    name = f"script-{secrets.token_hex(2)}"
    page.get_by_role("button", name=re.compile("^(New|Create) token$")).first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Token name").fill(name)
    dialog.get_by_role("button", name="Create token").click()
    secret_field = page.get_by_test_id("new-token-secret")
    expect(secret_field).to_be_visible()
    secret = (
        secret_field.input_value()
        if secret_field.evaluate("e => e.tagName") == "INPUT"
        else secret_field.inner_text()
    )
    assert secret.startswith("rf_pat_")

    # The token works for a script...
    me = httpx.get(f"{base_url}/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200 and me.json()["email"] == "engineer@acme.example"

    page.keyboard.press("Escape")
    row = page.get_by_role("row").filter(has_text=name)
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile("Revoke")).click()
    page.get_by_role("dialog").get_by_role("button", name=re.compile("Revoke")).click()
    expect(row.get_by_text(re.compile("Revoked", re.I))).to_be_visible()

    # ...until it is revoked.
    me = httpx.get(f"{base_url}/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 401
