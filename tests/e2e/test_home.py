"""Journey: an engineer's Home lists the session they just started, and Resume opens it."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.fixtures.factories import unique


def test_home_lists_my_active_session_and_resume_opens_it(page: Page) -> None:
    sign_in(page, "engineer@acme.example")
    title = unique("Printer jammed for Kim")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("button", name="Start session").click()
    page.get_by_label("Title").fill(title)
    page.get_by_role("combobox", name="Flow").fill("VPN")
    page.get_by_role("option", name=re.compile("VPN won't connect")).click()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))
    session_url = page.url

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    sessions = page.get_by_role("region", name="Your sessions")
    expect(sessions).to_contain_text(title)
    sessions.get_by_role("link", name=f"Resume {title}").click()
    expect(page).to_have_url(session_url)
    # The session page titles itself; its ticket-note preview repeats the title as a heading.
    expect(page.get_by_role("heading", name=title).first).to_be_visible()
