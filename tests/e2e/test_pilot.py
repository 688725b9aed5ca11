"""Journey: start FlowPilot from free text, accept the flow it proposes, answer three steps,
add a fact, try a fix and record that it worked, resolve, then edit and copy the PSA note of
the resolution package."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in, start_pilot

INTAKE = "GlobalProtect VPN won't connect from home, says gateway unreachable"


def _step(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="FlowPilot step")


def _timeline_entry(page: Page, event_type: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="Timeline").locator(
        f'li[data-event-type="{event_type}"]'
    )


def test_flowpilot_from_intake_to_resolution_package(browser: Browser, base_url: str) -> None:
    context = browser.new_context(
        base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, "engineer@acme.example")

    # Start: FlowPilot from a description (the title comes from it).
    start_pilot(page, INTAKE)

    # Triage and the matched flow, proposed.
    triage = page.get_by_role("region", name="Triage")
    expect(triage.get_by_test_id("triage-summary")).to_contain_text("GlobalProtect")
    matched = triage.get_by_test_id("matched-flow")
    expect(matched).to_have_attribute("data-decision", "proposed")
    expect(matched).to_contain_text("VPN won't connect")
    expect(triage.get_by_role("meter", name="Confidence")).to_be_visible()
    expect(_step(page).get_by_role("heading")).to_contain_text("VPN won't connect")

    # Accept it: FlowPilot follows the flow, guided.
    _step(page).get_by_role("button", name="Follow this flow").click()
    expect(matched).to_have_attribute("data-decision", "accepted")
    expect(triage.get_by_test_id("pilot-tier")).to_have_text("Guided")
    expect(_timeline_entry(page, "flow_accepted")).to_have_count(1)

    # Three steps: a click, a typed answer (Enter sends), a number key.
    expect(_step(page).get_by_role("heading")).to_have_text(re.compile("just this user"))
    _step(page).get_by_role("button", name="Just this user").click()
    answer = _step(page).get_by_label("Your answer")
    expect(_step(page).get_by_role("heading")).to_have_text(re.compile("VPN client"))
    answer.fill("GlobalProtect 6.2.1")
    answer.press("Enter")
    expect(_step(page).get_by_role("heading")).to_have_text(re.compile("working internet"))
    expect(_step(page).get_by_role("button", name="Internet works")).to_be_enabled()
    page.locator("body").click(position={"x": 2, "y": 2})
    page.keyboard.press("1")
    expect(_step(page).get_by_role("heading")).not_to_have_text(re.compile("working internet"))
    expect(_timeline_entry(page, "pilot_step_answered")).to_have_count(4)
    expect(page.get_by_test_id("pilot-history")).to_contain_text("Step history (4)")

    # A fact, stated by the engineer: confirmed.
    known = page.get_by_role("region", name="What we know")
    known.get_by_label("New fact").fill("Home router and other sites work fine")
    known.get_by_role("button", name="Add fact").click()
    fact = known.get_by_test_id("fact").filter(has_text="Home router and other sites work fine")
    expect(fact).to_have_attribute("data-status", "confirmed")
    expect(_timeline_entry(page, "fact_confirmed")).to_have_count(1)

    # A fix: proposed, verified, applied with its outcome.
    fixes = page.get_by_role("region", name="Fixes")
    fixes.get_by_role("button", name="Add a fix").click()
    fixes.get_by_label("Fix title").fill("Clear the GlobalProtect portal cache")
    fixes.get_by_label("Fix command").fill("Remove-Item $env:LOCALAPPDATA\\GP -Recurse")
    fixes.get_by_role("button", name="Propose fix").click()
    active = fixes.get_by_test_id("active-fix")
    expect(active).to_have_attribute("data-status", "proposed")
    fixes.get_by_role("button", name="Start verifying").click()
    expect(active).to_have_attribute("data-status", "verifying")
    fixes.get_by_label("Outcome").select_option("success")
    fixes.get_by_role("button", name="Mark applied").click()
    done = fixes.get_by_test_id("fix-history")
    expect(done).to_contain_text("Applied")
    expect(done).to_contain_text("Success")
    expect(fixes.get_by_test_id("active-fix")).to_have_count(0)
    expect(_timeline_entry(page, "fix_status")).to_have_count(2)

    # Resolve.
    page.get_by_role("button", name="Resolve…").click()
    dialog = page.get_by_role("dialog", name="End the session")
    dialog.get_by_label("Summary").fill("Cleared the GlobalProtect portal cache; connects again.")
    dialog.get_by_role("button", name="Resolve session").click()
    expect(page.get_by_role("region", name="Current step")).to_contain_text("Session resolved")

    # The resolution package: edit the PSA note and copy it.
    page.get_by_role("button", name="Resolution package").click()
    package = page.get_by_role("dialog", name="Resolution package")
    psa = package.get_by_label("PSA note")
    expect(psa).to_have_value(re.compile("Clear the GlobalProtect portal cache"), timeout=30_000)
    edited = psa.input_value() + "\nChecked with the user at 14:05."
    psa.fill(edited)
    package.get_by_role("button", name="Copy PSA note").click()
    expect(package.get_by_text("Copied", exact=True)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == edited
    expect(package.get_by_test_id("package-psa-note-count")).to_have_text(
        f"{len(edited):,} characters"
    )
    context.close()
