"""Journeys: a junior escalates a session; the senior's bell counts it live (no reload), the
notification opens the handoff context screen (four sections, the offline engine's assessment),
"Start here" claims it and lands in the session, where the senior carries on. Variants: keyboard
only, and prefers-reduced-motion."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import sign_in

JUNIOR = "engineer@acme.example"
SENIOR = "admin@acme.example"
SESSION_URL = re.compile(r"/sessions/[0-9a-f-]{36}$")
HANDOFF_URL = re.compile(r"/handoffs/[0-9a-f-]{36}$")


def _context(browser: Browser, base_url: str, **kwargs: object) -> BrowserContext:
    context = browser.new_context(base_url=base_url, **kwargs)  # type: ignore[arg-type]
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def junior(browser: Browser, base_url: str) -> Iterator[Page]:
    context = _context(browser, base_url)
    page = context.new_page()
    sign_in(page, JUNIOR)
    yield page
    context.close()


def _senior(browser: Browser, base_url: str, **kwargs: object) -> tuple[BrowserContext, Page]:
    context = _context(browser, base_url, **kwargs)
    page = context.new_page()
    sign_in(page, SENIOR)
    return context, page


def _clear_bell(page: Page) -> None:
    """Marks everything read, so the next escalation makes the count exactly 1."""
    bell = page.get_by_role("button", name="Notifications")
    bell.click()
    menu = page.get_by_role("menu")
    expect(menu.get_by_text(re.compile("No notifications yet|escalated"))).not_to_have_count(0)
    mark_all = menu.get_by_role("menuitem", name="Mark all read")
    if mark_all.count() and mark_all.get_attribute("aria-disabled") != "true":
        mark_all.click()
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("notification-count")).to_have_attribute("data-count", "0")


def _escalate(page: Page, title: str, note: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("button", name="Start session").click()
    page.get_by_label("Title").fill(title)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page).to_have_url(SESSION_URL)
    page.get_by_label("Note", exact=True).fill(note)
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_role("region", name="Timeline").get_by_text(note)).to_be_visible()

    page.get_by_role("button", name="Escalate…").click()
    dialog = page.get_by_role("dialog", name="Escalate session")
    expect(dialog.get_by_role("radio", name="Medium")).to_be_checked()
    dialog.get_by_label("Reason").fill("Out of ideas after the basics; the user is blocked.")
    dialog.get_by_role("radio", name="High").check()
    dialog.get_by_role("button", name="Escalate", exact=True).click()
    expect(dialog.get_by_test_id("escalate-done")).to_contain_text("Escalated — ")
    dialog.get_by_role("button", name="Done").click()
    expect(page.get_by_test_id("escalated-banner")).to_contain_text(
        "Escalated — waiting for pickup"
    )
    expect(page.locator('li[data-event-type="escalated"]')).to_contain_text("Priority: High")


def _check_context(page: Page, title: str, note: str) -> None:
    expect(page).to_have_url(HANDOFF_URL)
    dialog = page.get_by_role("dialog", name="Handoff context")
    expect(dialog.get_by_role("heading", name=title)).to_be_visible()
    expect(dialog.get_by_test_id("priority-badge")).to_contain_text("High")
    expect(dialog.get_by_test_id("handoff-since")).to_contain_text("by Erin Engineer")
    tried = dialog.get_by_role("region", name="What's been tried")
    expect(tried.get_by_role("list", name="Notes")).to_contain_text(note)
    expect(tried.get_by_test_id("handoff-tried-count")).to_contain_text("1 note")
    assessment = dialog.get_by_role("region", name="AI assessment")
    expect(assessment).to_have_attribute("data-status", "ready")
    expect(assessment.get_by_test_id("assessment-likely-cause")).not_to_be_empty()
    expect(assessment.get_by_test_id("assessment-confidence")).to_contain_text(
        re.compile(r"Confidence: (low|medium|high)")
    )
    start = dialog.get_by_role("button", name="Start here")
    expect(start).to_be_focused()
    # Before claiming it is the only way out: Escape leaves it where it is.
    page.keyboard.press("Escape")
    expect(dialog).to_be_visible()
    expect(page).to_have_url(HANDOFF_URL)


def _carry_on(page: Page, note: str) -> None:
    expect(page).to_have_url(SESSION_URL)
    expect(page.get_by_role("dialog", name="Handoff context")).to_have_count(0)
    expect(page.locator('li[data-event-type="claimed"]')).to_contain_text("Alex Admin")
    box = page.get_by_label("Note", exact=True)
    box.fill(note)
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_role("region", name="Timeline").get_by_text(note)).to_be_visible()


def test_senior_sees_the_escalation_live_and_picks_it_up(
    junior: Page, browser: Browser, base_url: str
) -> None:
    context, senior = _senior(browser, base_url)
    try:
        _clear_bell(senior)
        title = "Printer offline in accounts"
        _escalate(junior, title, "Restarted the spooler; still offline")

        # The bell counts it without a reload.
        expect(senior.get_by_test_id("notification-count")).to_have_attribute("data-count", "1")
        senior.get_by_role("button", name=re.compile("Notifications, 1 unread")).click()
        item = senior.get_by_role("menuitem", name=re.compile(re.escape(title)))
        expect(item).to_have_attribute("data-unread", "true")
        item.click()

        _check_context(senior, title, "Restarted the spooler; still offline")
        senior.get_by_role("button", name="Start here").click()
        _carry_on(senior, "Rolled back the print driver")

        # The queue lists it as claimed; "Context" re-opens the briefing as an overlay.
        senior.get_by_role("button", name="Context").click()
        overlay = senior.get_by_role("dialog", name="Handoff context")
        expect(overlay.get_by_role("region", name="AI assessment")).to_be_visible()
        senior.keyboard.press("Escape")
        expect(overlay).to_have_count(0)
        senior.get_by_role("navigation", name="Main").get_by_role(
            "link", name="Escalations"
        ).click()
        senior.get_by_role("tab", name="Claimed", exact=True).click()
        expect(senior.get_by_test_id("handoff-row").filter(has_text=title).first).to_contain_text(
            "Alex Admin"
        )
    finally:
        context.close()


def test_keyboard_only_pickup(junior: Page, browser: Browser, base_url: str) -> None:
    context, senior = _senior(browser, base_url)
    try:
        _clear_bell(senior)
        title = "Mail stuck in the outbox"
        _escalate(junior, title, "Cleared the outbox cache")
        expect(senior.get_by_test_id("notification-count")).to_have_attribute("data-count", "1")

        # Tab to the bell, Enter opens the menu on the newest notification, Enter opens it.
        senior.get_by_role("main").focus()
        for _ in range(60):
            senior.keyboard.press("Shift+Tab")
            if senior.evaluate("document.activeElement?.getAttribute('aria-haspopup')") == "menu":
                label = senior.evaluate("document.activeElement?.textContent ?? ''")
                if "Notifications" in label:
                    break
        else:
            pytest.fail("Tab never reached the bell")
        senior.keyboard.press("Enter")
        first = senior.get_by_role("menuitem").first
        expect(first).to_be_focused()
        expect(first).to_contain_text(title)
        senior.keyboard.press("Enter")

        _check_context(senior, title, "Cleared the outbox cache")
        # Tab stays inside the dialog (the only control is "Start here").
        senior.keyboard.press("Tab")
        expect(senior.get_by_role("button", name="Start here")).to_be_focused()
        senior.keyboard.press("Enter")
        expect(senior).to_have_url(SESSION_URL)
        senior.get_by_label("Note", exact=True).focus()
        senior.keyboard.type("Rebuilt the OST")
        senior.keyboard.press("Tab")
        expect(senior.get_by_role("button", name="Add note")).to_be_focused()
        senior.keyboard.press("Enter")
        expect(
            senior.get_by_role("region", name="Timeline").get_by_text("Rebuilt the OST")
        ).to_be_visible()
    finally:
        context.close()


def test_reduced_motion_pickup(junior: Page, browser: Browser, base_url: str) -> None:
    context, senior = _senior(browser, base_url, reduced_motion="reduce")
    try:
        assert senior.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches")
        _clear_bell(senior)
        title = "Shared drive mapping lost"
        _escalate(junior, title, "Re-ran the login script")
        expect(senior.get_by_test_id("notification-count")).to_have_attribute("data-count", "1")
        senior.get_by_role("button", name=re.compile("Notifications")).click()
        senior.get_by_role("menuitem", name=re.compile(re.escape(title))).click()
        _check_context(senior, title, "Re-ran the login script")
        senior.get_by_role("button", name="Start here").click()
        _carry_on(senior, "Remapped the drive by group policy")
    finally:
        context.close()
