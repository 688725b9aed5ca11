"""Journey: run the VPN demo flow end to end, note a password, see the note redacted in the
live documentation, copy the plain-text note, resolve."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in

SECRET = "Hunter2-Winter!"


def _step(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="Current step")


def _answer(page: Page, label: str) -> None:
    _step(page).get_by_role("button", name=label, exact=True).click()


def test_run_the_vpn_flow_and_get_a_redacted_note(browser: Browser, base_url: str) -> None:
    context = browser.new_context(
        base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, "engineer@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("button", name="Start session").click()
    page.get_by_label("Title").fill("VPN down for Dana")
    page.get_by_label("Ticket", exact=True).fill("T-9001")
    page.get_by_role("combobox", name="Flow").fill("VPN")
    page.get_by_role("option", name=re.compile("VPN won't connect")).click()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))

    _answer(page, "Just this user")
    _step(page).get_by_label(re.compile("VPN client")).fill("GlobalProtect 6.2.1")
    _step(page).get_by_role("button", name="Continue").click()
    # Keyboard: the first answer is key 1.
    expect(_step(page).get_by_role("button", name="Internet works", exact=True)).to_be_visible()
    page.keyboard.press("1")
    _answer(page, "Authentication failed / wrong credentials")
    _step(page).get_by_role("button", name="Done").click()

    page.get_by_label("Note", exact=True).fill(f"User read me the password: password is {SECRET}")
    page.get_by_role("button", name="Add note").click()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.get_by_text("User read me the password")).to_be_visible()

    _answer(page, "Yes")
    expect(_step(page).get_by_text(re.compile("Flow finished"))).to_be_visible()

    preview = page.get_by_test_id("documentation-preview")
    expect(preview).to_contain_text("[REDACTED:password]")
    expect(preview).not_to_contain_text(SECRET)
    expect(preview).to_contain_text("GlobalProtect 6.2.1")

    page.get_by_role("button", name="Plain text").click()
    expect(preview).to_contain_text("STEPS PERFORMED")
    page.get_by_role("button", name="Copy").click()
    expect(page.get_by_text("Copied")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "[REDACTED:password]" in copied and SECRET not in copied
    assert "**" not in copied and "## " not in copied
    assert "VPN down for Dana" in copied and "T-9001" in copied
    # The copy was an outbound send: the log names it and what it redacted, never the value.
    page.get_by_text("Sent out").click()
    log = page.get_by_test_id("redaction-log")
    expect(log).to_contain_text("Copied as plain text")
    expect(log).to_contain_text("1 password")
    expect(log).not_to_contain_text(SECRET)

    # Share publicly and open the link where nobody is signed in: the redacted note, nothing else.
    page.get_by_role("button", name="Share…").click()
    share = page.get_by_role("dialog")
    share.get_by_label("Public link").check()
    share.get_by_role("button", name="Create link").click()
    url_field = share.get_by_test_id("share-url")
    expect(url_field).to_be_visible()
    url = (
        url_field.input_value()
        if url_field.evaluate("e => e.tagName") == "INPUT"
        else url_field.inner_text()
    ).strip()
    assert re.search(r"/s/[A-Za-z0-9_-]{40,}$", url), url
    page.keyboard.press("Escape")

    stranger = browser.new_context(base_url=base_url)
    public = stranger.new_page()
    public.goto(url)
    note = public.get_by_test_id("shared-note")
    expect(note).to_contain_text("[REDACTED:password]")
    expect(note).not_to_contain_text(SECRET)
    expect(public.get_by_role("button", name="User menu")).to_have_count(0)
    stranger.close()

    page.get_by_role("button", name="Resolve…").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Summary").fill("Password expired; reset and re-enrolled MFA.")
    dialog.get_by_role("button", name="Resolve session").click()
    expect(page.get_by_text(re.compile("Resolved")).first).to_be_visible()
    context.close()
