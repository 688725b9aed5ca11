"""Journeys through the UI: sign in, role-limited navigation, create a user, sign out."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in


def _nav(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("navigation", name="Main")


def test_admin_creates_a_user_who_can_then_sign_in(page: Page) -> None:
    sign_in(page, "admin@acme.example")
    expect(page.get_by_text("Acme MSP").first).to_be_visible()
    _nav(page).get_by_role("link", name="People").click()
    expect(page).to_have_url(re.compile(r"/admin/people"))

    email = f"new-{secrets.token_hex(3)}@acme.example"
    page.get_by_role("button", name="Add person").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Set a password").check()
    dialog.get_by_label("Email").fill(email)
    dialog.get_by_label("Name").fill("Nia New")
    dialog.get_by_label("Role").select_option("engineer")
    dialog.get_by_label("Password", exact=True).fill("a-brand-new-passphrase")
    dialog.get_by_role("button", name="Create").click()
    expect(page.get_by_role("cell", name=email)).to_be_visible()

    page.get_by_role("button", name="User menu").click()
    page.get_by_role("menuitem", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to ResolutionFlow")).to_be_visible()

    sign_in(page, email, "a-brand-new-passphrase")
    expect(page.get_by_role("button", name="User menu")).to_be_visible()
    expect(_nav(page).get_by_role("link", name="People")).to_have_count(0)


def test_viewer_sees_only_what_a_viewer_may(page: Page) -> None:
    sign_in(page, "viewer@acme.example")
    nav = _nav(page)
    expect(nav.get_by_role("link", name="Teams")).to_be_visible()
    for hidden in ("People", "Audit log", "Accounts"):
        expect(nav.get_by_role("link", name=hidden)).to_have_count(0)
    page.goto("/admin/people")
    expect(page.get_by_text("You don't have access")).to_be_visible()


def test_weak_password_is_explained_in_the_form(page: Page) -> None:
    sign_in(page, "admin@acme.example")
    _nav(page).get_by_role("link", name="People").click()
    page.get_by_role("button", name="Add person").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Set a password").check()
    dialog.get_by_label("Email").fill(f"weak-{secrets.token_hex(3)}@acme.example")
    dialog.get_by_label("Name").fill("Weak")
    dialog.get_by_label("Role").select_option("viewer")
    dialog.get_by_label("Password", exact=True).fill("password1234")
    dialog.get_by_role("button", name="Create").click()
    expect(dialog.get_by_text(re.compile("commonly used", re.I))).to_be_visible()


def test_wrong_password_shows_an_error_and_stays_signed_out(page: Page) -> None:
    sign_in(page, "engineer@acme.example", "not-the-right-password", wait=False)
    expect(page.get_by_text("The email or password is incorrect.")).to_be_visible()
    expect(page.get_by_role("heading", name="Sign in to ResolutionFlow")).to_be_visible()


def test_session_survives_a_reload(page: Page) -> None:
    sign_in(page, "engineer@acme.example")
    expect(page.get_by_role("button", name="User menu")).to_be_visible()
    page.reload()
    expect(page.get_by_role("button", name="User menu")).to_be_visible()
