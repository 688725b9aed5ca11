"""ConnectWise end to end in the browser: a team admin connects the (stand-in) PSA and sees the
engineer matched by email; the engineer starts a session from a searched ticket, sees its
context, writes a note with a secret, resolves, pushes a resolution note, and the redacted note
arrives on the stand-in with the resolution flag."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in
from tests.fakes.connectwise import FakeConnectWise

SECRET = "Tr0ub4dor&3-Horse"


@pytest.fixture
def cw(base_url: str) -> Iterator[FakeConnectWise]:
    with FakeConnectWise() as server:
        yield server
    # Other journeys run against the same demo account: leave it without a PSA.
    token = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": "admin@acme.example", "password": DEMO_PASSWORD},
    ).json()["access_token"]
    httpx.delete(
        f"{base_url}/api/v1/integrations/psa", headers={"Authorization": f"Bearer {token}"}
    )


def _connect(page: Page, cw: FakeConnectWise) -> None:
    sign_in(page, "admin@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="PSA integration").click()
    expect(page.get_by_role("heading", name="PSA integration")).to_be_visible()
    page.get_by_role("radio", name="ConnectWise PSA").check()
    page.get_by_label("API base URL").fill(cw.base_url)
    page.get_by_label("Company ID").fill(cw.company_id)
    page.get_by_label("Public key").fill(cw.public_key)
    page.get_by_label("Private key").fill(cw.private_key)
    page.get_by_label("Client ID").fill(cw.client_id)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("PSA settings saved.")).to_be_visible()
    expect(page.get_by_test_id("psa-field-private_key")).to_contain_text("Saved")
    page.get_by_role("button", name="Test connection").click()
    result = page.get_by_test_id("psa-test-result")
    expect(result.locator("[data-ok]")).to_have_attribute("data-ok", "true")
    expect(result).to_contain_text("Connection works")
    expect(result).to_contain_text("v2025.1")

    page.get_by_role("tab", name="Members").click()
    mapping = page.get_by_role("table", name="Member mapping")
    row = mapping.get_by_test_id("psa-member-row").filter(has_text="engineer@acme.example")
    expect(row).to_contain_text("matched by email")
    expect(row.get_by_role("combobox")).to_have_value(re.compile(r".+"))


def test_connect_start_from_ticket_resolve_and_push(
    browser: Browser, base_url: str, cw: FakeConnectWise
) -> None:
    admin = browser.new_context(base_url=base_url)
    admin.set_default_timeout(15_000)
    _connect(admin.new_page(), cw)
    admin.close()

    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, "engineer@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("button", name="Start session").click()
    search = page.get_by_role("combobox", name="Search open tickets")
    search.fill("Outlook")
    page.get_by_role("listbox", name="Open tickets").get_by_role(
        "option", name=re.compile("#1001")
    ).click()
    expect(page.get_by_role("textbox", name="Ticket")).to_have_value("1001")
    expect(page.get_by_label("Title")).to_have_value("Outlook will not start after update")
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))

    card = page.get_by_test_id("psa-ticket-card")
    expect(card.get_by_test_id("psa-ticket-summary")).to_contain_text(
        "Outlook will not start after update"
    )
    expect(card).to_contain_text("Jane Doe")
    expect(card.get_by_test_id("psa-configuration").filter(has_text="ACME-LT-0042")).to_be_visible()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.locator("li[data-event-type=ticket_linked]")).to_have_count(1)

    page.get_by_label("Note", exact=True).fill(f"Repaired Office; the user's password is {SECRET}")
    page.get_by_role("button", name="Add note").click()
    expect(timeline.get_by_text("Repaired Office")).to_be_visible()
    page.get_by_role("button", name="Resolve…").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Summary").fill("Office repair fixed the Outlook crash.")
    dialog.get_by_role("button", name="Resolve session").click()
    expect(page.get_by_text(re.compile("Resolved")).first).to_be_visible()

    page.get_by_role("button", name="Push to PSA").click()
    push = page.get_by_role("dialog", name="Push to PSA")
    push.get_by_role("radio", name="Resolution").check()
    preview = push.get_by_test_id("psa-preview-text")
    expect(preview).to_contain_text("Office repair fixed the Outlook crash.")
    expect(preview).not_to_contain_text(SECRET)
    expect(push.get_by_test_id("psa-redactions")).to_contain_text("redacted")
    expect(
        push.get_by_role("checkbox", name="Email the customer (processNotifications)")
    ).not_to_be_checked()
    push.get_by_role("button", name="Push", exact=True).click()

    sent = card.get_by_test_id("psa-push").filter(has_text="Sent")
    expect(sent).to_be_visible(timeout=30_000)
    expect(
        timeline.locator("li[data-event-type=psa_push]").filter(has_text=re.compile("sent", re.I))
    ).to_have_count(1)
    ours = [n for n in cw.notes(1001) if "[ResolutionFlow RF-" in n["text"]]
    assert len(ours) == 1
    assert ours[0]["resolutionFlag"] is True and ours[0]["processNotifications"] is False
    assert "Office repair fixed the Outlook crash." in ours[0]["text"]
    assert SECRET not in ours[0]["text"]
    # Written as the mapped member (with temporary member keys), not as the API member.
    assert ours[0]["member"]["identifier"] == "eengineer"
    assert ours[0]["createdBy"] == "eengineer"
    context.close()
