"""A team admin's escalation settings: the Slack and Teams webhooks on Account settings (both
unset, an http:// URL refused under its field) and the Metrics tab on /handoffs."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in


def test_admin_sees_channels_refuses_http_and_opens_metrics(page: Page) -> None:
    sign_in(page, "admin@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Account settings").click()
    expect(page).to_have_url(re.compile(r"/admin/account$"))

    channels = page.get_by_role("region", name="Escalation notices: Slack and Teams")
    slack = channels.get_by_label("Slack incoming webhook")
    teams = channels.get_by_label("Teams incoming webhook")
    expect(slack).to_have_value("")
    expect(teams).to_have_value("")
    expect(channels.get_by_test_id("channel-slack")).to_have_attribute("data-set", "false")
    expect(channels.get_by_test_id("channel-teams")).to_have_attribute("data-set", "false")
    expect(channels.get_by_role("button", name="Send a test notice")).to_be_disabled()

    slack.fill("http://example.com")
    channels.get_by_role("button", name="Save channels").click()
    expect(channels.get_by_text("must be an https:// incoming-webhook URL")).to_be_visible()
    expect(slack).to_have_attribute("aria-invalid", "true")
    # Nothing was saved.
    expect(channels.get_by_test_id("channel-slack")).to_have_attribute("data-set", "false")

    page.goto("/handoffs")
    tabs = page.get_by_role("tablist", name="Escalation status")
    tabs.get_by_role("tab", name="Metrics").click()
    expect(page).to_have_url(re.compile(r"/handoffs\?tab=metrics$"))
    expect(tabs.get_by_role("tab", name="Metrics")).to_have_attribute("aria-selected", "true")
    metrics = page.get_by_test_id("escalation-metrics")
    expect(metrics.get_by_role("button", name="Last 30 days")).to_have_attribute(
        "aria-pressed", "true"
    )
    # The demo may or may not hold escalations: either the cards or the empty state.
    expect(
        metrics.get_by_test_id("metric-time-to-pickup").or_(
            metrics.get_by_text("No escalations in the last 30 days")
        )
    ).to_be_visible()
