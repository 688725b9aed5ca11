"""Journey: an engineer schedules a maintenance flow on a target list from the Maintenance
screens, runs it now, works two targets from the live batch page (the first answer given to
every remaining target, the next target with one key), skips the third with a reason, and reads
the report: every target in it, the reason and the engineers only in the team's variant."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in
from tests.e2e.test_csp import RECORD_VIOLATIONS

ENGINEER = "engineer@acme.example"
ADMIN = "admin@acme.example"  # publishing a flow is a team admin's
SKIP_REASON = "Decommissioned last week"


def _flow(title: str) -> dict[str, object]:
    return {
        "format": "resolutionflow.flow/1",
        "title": title,
        "kind": "maintenance",
        "description": "A short disk check for the browser journey.",
        "start": "c1",
        "nodes": [
            {
                "id": "c1",
                "type": "checklist",
                "title": "Checks on {{target.label}}",
                "items": ["Last backup succeeded", "More than 10 GB free"],
            },
            {"id": "a1", "type": "action", "title": "Clear the temp folder on {{target.ip}}"},
            {"id": "r1", "type": "resolution", "title": "Disk checked", "outcome": "resolved"},
        ],
        "edges": [
            {"source": "c1", "target": "a1", "label": ""},
            {"source": "a1", "target": "r1", "label": ""},
        ],
    }


def _client(base_url: str, email: str) -> httpx.Client:
    token = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}
    ).json()["access_token"]
    return httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def engineer_api(base_url: str) -> Iterator[httpx.Client]:
    with _client(base_url, ENGINEER) as client:
        yield client


@pytest.fixture
def admin_api(base_url: str) -> Iterator[httpx.Client]:
    with _client(base_url, ADMIN) as client:
        yield client


def _step(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="Current step")


def _finish_target(page: Page) -> None:
    """From the action step: Done, then resolve the session."""
    step = _step(page)
    expect(step.get_by_role("heading", name=re.compile("Clear the temp folder"))).to_be_visible()
    step.get_by_role("button", name="Done").click()
    step.get_by_role("button", name="Resolve session…").click()
    dialog = page.get_by_role("dialog", name="End the session")
    dialog.get_by_label("Summary").fill("Disk checked, temp cleared.")
    dialog.get_by_role("button", name="Resolve session").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("heading", name=re.compile("Session resolved"))).to_be_visible()


def test_schedule_run_now_work_skip_and_report(
    page: Page, engineer_api: httpx.Client, admin_api: httpx.Client
) -> None:
    tag = uuid.uuid4().hex[:6]
    flow = admin_api.post("/api/v1/flows", json=_flow(f"Disk check {tag}"))
    flow.raise_for_status()
    flow_id = flow.json()["id"]
    admin_api.post(f"/api/v1/flows/{flow_id}/publish").raise_for_status()
    labels = [f"SRV-{tag}-{n}" for n in (1, 2, 3)]
    target_list = engineer_api.post(
        "/api/v1/target-lists",
        json={
            "name": f"Disk check servers {tag}",
            "targets": [
                {"label": label, "client": "Fabrikam", "fields": {"ip": f"10.9.0.{n}"}}
                for n, label in enumerate(labels, 1)
            ],
        },
    )
    target_list.raise_for_status()
    list_id = target_list.json()["id"]

    # The screens run under the content security policy (progress widths, the report's HTML).
    page.context.add_init_script(RECORD_VIOLATIONS)
    sign_in(page, ENGINEER)
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Schedules").click()
    expect(page).to_have_url(re.compile(r"/maintenance$"))

    # The schedule, with its next runs previewed in its own time zone.
    title = f"Weekly disk check {tag}"
    page.get_by_role("button", name="New schedule").first.click()
    dialog = page.get_by_role("dialog", name="New maintenance schedule")
    dialog.get_by_label("Title").fill(title)
    dialog.get_by_label("Flow").select_option(flow_id)
    dialog.get_by_label("Target list").select_option(list_id)
    dialog.get_by_label("Cron").fill("not a cron")
    expect(dialog.get_by_role("region", name="Next runs")).to_contain_text(re.compile(r"\S"))
    dialog.get_by_label("Cron").fill("0 6 * * 1")
    dialog.get_by_label("Time zone").select_option("Europe/London")
    expect(dialog.get_by_test_id("cron-preview").locator("li")).to_have_count(5)
    expect(dialog.get_by_test_id("cron-preview")).to_contain_text("Mon")
    dialog.get_by_role("button", name="Create schedule").click()
    expect(dialog).to_have_count(0)

    row = page.get_by_test_id("maintenance-schedule").filter(has_text=title)
    expect(row).to_contain_text("0 6 * * 1")
    expect(row).to_contain_text("Active")
    # The agenda lists its slots.
    expect(page.get_by_role("list", name="Agenda")).to_contain_text(title)

    # Run now: the batch's live status page.
    row.get_by_role("button", name=f"Run now {title}").click()
    expect(page).to_have_url(re.compile(r"/maintenance/batches/[0-9a-f-]{36}$"))
    batch_url = page.url
    items = page.get_by_test_id("batch-item")
    expect(items).to_have_count(3)
    expect(page.get_by_test_id("batch-live")).to_have_attribute("data-state", "live")
    for label in labels:
        expect(items.filter(has_text=label)).to_have_attribute("data-status", "pending")
    expect(page.get_by_role("progressbar", name="Batch progress")).to_have_attribute(
        "aria-valuenow", "0"
    )

    # Keyboard: j and k move between targets, Enter opens the selected one's session.
    items.first.focus()
    page.keyboard.press("j")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(items.first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))
    expect(_step(page).get_by_role("heading", name=f"Checks on {labels[0]}")).to_be_visible()

    # First target: the checklist, given to every remaining target too.
    bar = page.get_by_test_id("batch-bar")
    expect(bar).to_contain_text(title)
    expect(bar).to_contain_text("target 1 of 3")
    step = _step(page)
    for item in ("Last backup succeeded", "More than 10 GB free"):
        step.get_by_label(item).check()
    # Each tick is its own event; the step is ready when none is still being saved.
    expect(step.get_by_text("Saving", exact=True)).to_have_count(0)
    expect(step.get_by_text("All done.")).to_be_visible()
    bar.get_by_label("Same answer for all remaining targets").check()
    step.get_by_role("button", name="Continue").click()
    _finish_target(page)

    # Next target with one key: it is already past the checklist.
    page.keyboard.press("n")
    # {{target.ip}} is this target's.
    expect(
        _step(page).get_by_role("heading", name="Clear the temp folder on 10.9.0.2")
    ).to_be_visible()
    # The session's own title (the live note's preview repeats it further down).
    expect(page.get_by_role("heading", level=1, name=re.compile(labels[1])).first).to_be_visible()
    expect(bar).to_contain_text("target 2 of 3")
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline).to_contain_text(re.compile("Last backup succeeded|applied|" + labels[0]))
    _finish_target(page)

    # Back on the batch page: two done (live), skip the third with a reason.
    bar.get_by_role("link", name=title).click()
    expect(page).to_have_url(batch_url)
    expect(items.filter(has_text=labels[0])).to_have_attribute("data-status", "done")
    expect(items.filter(has_text=labels[1])).to_have_attribute("data-status", "done")
    third = items.filter(has_text=labels[2])
    expect(third).to_have_attribute("data-status", "in_progress")
    third.get_by_role("button", name=f"Skip… {labels[2]}").click()
    skip = page.get_by_role("dialog", name=f"Skip {labels[2]}")
    skip.get_by_role("button", name="Skip target").click()
    expect(skip.get_by_text("Say why, for the report.")).to_be_visible()
    skip.get_by_label("Reason").fill(SKIP_REASON)
    skip.get_by_role("button", name="Skip target").click()
    expect(skip).to_have_count(0)
    expect(third).to_have_attribute("data-status", "skipped")
    expect(third).to_contain_text(SKIP_REASON)
    expect(page.get_by_role("progressbar", name="Batch progress")).to_have_attribute(
        "aria-valuenow", "3"
    )
    expect(page.get_by_text("Completed", exact=True).first).to_be_visible()

    # The report: every target, the reason for the team, not for the client.
    page.get_by_role("button", name="Report").click()
    report_dialog = page.get_by_role("dialog", name=re.compile("Report"))
    report = report_dialog.get_by_test_id("batch-report")
    for label in labels:
        expect(report).to_contain_text(label)
    expect(report).to_contain_text(f"Skipped: {SKIP_REASON}")
    expect(report.get_by_role("columnheader", name="Engineer")).to_have_count(1)
    report_dialog.get_by_label("For the client").check()
    expect(report.get_by_role("columnheader", name="Engineer")).to_have_count(0)
    expect(report).not_to_contain_text(SKIP_REASON)
    for label in labels:
        expect(report).to_contain_text(label)
    with page.expect_download() as download:
        report_dialog.get_by_role("button", name="Download Markdown").click()
    assert download.value.suggested_filename.endswith("-client.md")
    report_dialog.get_by_role("button", name="Close").click()
    expect(report_dialog).to_have_count(0)

    # Home: the batch is finished, so nothing waits for the engineer there.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    card = page.get_by_role("region", name="Maintenance")
    expect(card).to_be_visible()
    expect(card).not_to_contain_text(title)
    assert page.evaluate("window.__csp") == []
