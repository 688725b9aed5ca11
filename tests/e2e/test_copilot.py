"""Journeys: ask the session copilot on the VPN flow and accept a suggestion onto the timeline;
ask ResolutionAssist, find the conversation again and turn it into a session. The demo server
runs the offline engine over the demo library (flows, resolved sessions, a knowledge document).
"""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

QUESTION = "GlobalProtect says gateway unreachable"
ANSWER_TIMEOUT = 30_000


def _start_vpn_session(page: Page, title: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sessions").click()
    page.get_by_role("button", name="Start session").click()
    page.get_by_label("Title").fill(title)
    page.get_by_role("combobox", name="Flow").fill("VPN")
    page.get_by_role("option", name=re.compile("VPN won't connect")).click()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))


def test_copilot_answers_in_the_session_and_a_suggestion_becomes_a_step(page: Page) -> None:
    sign_in(page, "engineer@acme.example")
    _start_vpn_session(page, "Dana can't reach the office VPN")

    page.get_by_role("tab", name="Copilot").click()
    panel = page.get_by_role("tabpanel", name="Copilot")
    expect(panel.get_by_text(re.compile("Ask about this session"))).to_be_visible()
    box = panel.get_by_label("Ask the copilot")
    box.fill(QUESTION)
    box.press("Enter")

    # The question shows at once; the answer is written into the panel, then the final reply.
    expect(panel.get_by_test_id("copilot-question").first).to_contain_text(QUESTION)
    reply = panel.get_by_test_id("copilot-reply").last
    expect(reply).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(reply).to_contain_text("VPN won't connect")
    expect(reply.get_by_test_id("copilot-tier")).to_contain_text(re.compile("Fast|Deep"))
    expect(reply.get_by_test_id("copilot-confidence")).to_contain_text(
        re.compile(r"Confidence: (low|medium|high) \(\d\.\d\d\)")
    )
    sources = reply.get_by_role("list", name="Sources")
    expect(sources.get_by_role("link").first).to_have_attribute(
        "href", re.compile(r"^/(flows|sessions|knowledge)/[0-9a-f-]{36}$")
    )
    # Once the timeline has the reply, the panel shows it from there, with Accept buttons.
    suggestion = reply.get_by_test_id("copilot-suggestion").first
    accept = suggestion.get_by_role("button", name="Accept", exact=True)
    expect(accept).to_be_enabled()
    reply.get_by_role("button", name="Why?").click()
    expect(reply.get_by_test_id("copilot-why")).to_contain_text("relevance")

    title = suggestion.get_by_role("heading").inner_text()
    accept.click()
    expect(suggestion.get_by_role("button", name="Accepted")).to_be_disabled()

    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.locator('li[data-event-type="copilot_question"]')).to_contain_text(QUESTION)
    expect(timeline.locator('li[data-event-type="copilot_reply"]')).to_have_count(1)
    step = timeline.locator('li[data-event-type="suggestion_accepted"]')
    expect(step).to_contain_text("Suggestion accepted")
    expect(step).to_contain_text(title)

    page.get_by_role("tab", name="Documentation").click()
    preview = page.get_by_test_id("documentation-preview")
    expect(preview).to_contain_text("Followed the copilot's suggestion")
    expect(preview).to_contain_text(title)

    # A reload reads the conversation back from the timeline; the suggestion stays accepted.
    page.reload()
    page.get_by_role("tab", name="Copilot").click()
    panel = page.get_by_role("tabpanel", name="Copilot")
    again = panel.get_by_test_id("copilot-suggestion").filter(has_text=title).first
    expect(again.get_by_role("button", name="Accepted")).to_be_disabled()


def test_resolution_assist_answers_is_searchable_and_becomes_a_session(page: Page) -> None:
    sign_in(page, "engineer@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="ResolutionAssist").click()
    expect(page).to_have_url(re.compile(r"/assist$"))
    expect(page.get_by_test_id("assist-empty")).to_contain_text("Lead with the fix")

    box = page.get_by_label("Ask ResolutionAssist")
    box.fill(QUESTION)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/assist/[0-9a-f-]{36}$"))
    reply = page.get_by_test_id("copilot-reply").last
    expect(reply).to_be_visible(timeout=ANSWER_TIMEOUT)
    expect(reply.get_by_role("list", name="Sources").get_by_role("link").first).to_be_visible()
    expect(reply.get_by_role("link", name="VPN won't connect").first).to_have_attribute(
        "href", re.compile(r"^/flows/[0-9a-f-]{36}$")
    )
    expect(reply.get_by_test_id("copilot-confidence")).to_be_visible()

    # The conversation is named by the question and found by a word from it.
    conversations = page.get_by_role("list", name="Conversation list")
    expect(conversations.get_by_role("link", name=re.compile(QUESTION))).to_be_visible()
    page.get_by_label("Search conversations").fill("GlobalProtect")
    expect(conversations.get_by_role("link", name=re.compile(QUESTION))).to_be_visible()
    page.get_by_label("Search conversations").fill("zzznothingmatches")
    expect(page.get_by_text(re.compile("No conversations match"))).to_be_visible()
    page.get_by_label("Search conversations").fill("")

    page.get_by_role("button", name="Turn into session").click()
    dialog = page.get_by_role("dialog", name="Turn into session")
    dialog.get_by_label("Title").fill("GlobalProtect down for Lee")
    dialog.get_by_label("Ticket").fill("T-7788")
    dialog.get_by_role("button", name="Create session").click()

    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.locator('li[data-event-type="copilot_question"]')).to_contain_text(QUESTION)
    expect(timeline.locator('li[data-event-type="copilot_reply"]')).to_contain_text(
        "VPN won't connect"
    )
    page.get_by_role("tab", name="Copilot").click()
    panel = page.get_by_role("tabpanel", name="Copilot")
    expect(panel.get_by_test_id("copilot-question").first).to_contain_text(QUESTION)
    expect(panel.get_by_text("From ResolutionAssist")).to_be_visible()
