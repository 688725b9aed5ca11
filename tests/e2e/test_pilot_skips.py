"""Journey: FlowPilot starts an accepted flow where the intake leaves off. The engineer sees
what was skipped and why (including an answer implied by a later question), goes back to a
skipped question with one click, and it is asked again."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in, start_pilot
from tests.pilot.test_intake_skips import FLOW

# Nothing said about the adapter; the charging light is only asked about once it is plugged in.
INTAKE = "Laptop will not charge. The charging light comes on, and the battery stays at 3%."


def _publish(base_url: str) -> None:
    token = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": "admin@acme.example", "password": DEMO_PASSWORD},
    ).json()["access_token"]
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {token}"}) as api:
        created = api.post("/api/v1/flows", json=FLOW)
        created.raise_for_status()
        api.post(f"/api/v1/flows/{created.json()['id']}/publish", json={}).raise_for_status()


def _step(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="FlowPilot step")


def test_skipped_questions_say_why_and_one_click_goes_back(page: Page, base_url: str) -> None:
    _publish(base_url)
    sign_in(page, "engineer@acme.example")
    start_pilot(page, INTAKE)

    matched = page.get_by_role("region", name="Triage").get_by_test_id("matched-flow")
    expect(matched).to_contain_text("Laptop will not charge")
    _step(page).get_by_role("button", name="Follow this flow").click()

    # The two questions the intake answers are skipped, each with what was said.
    skipped = page.get_by_role("region", name="Skipped from the intake")
    expect(skipped.get_by_role("heading")).to_have_text(
        "Skipped 2 questions the intake already answers"
    )
    items = skipped.get_by_test_id("pilot-skipped-step")
    expect(items.nth(0)).to_contain_text(
        "which answers “Does the charging light come on?” further on, so I skipped "
        "“Is the adapter plugged into the wall?” → Yes"
    )
    expect(items.nth(1)).to_contain_text("so I skipped “Does the charging light come on?” → Yes")
    expect(_step(page).get_by_role("heading")).to_contain_text("run on battery alone")

    # One click goes back to the first: nothing is skipped any more, and it is asked again.
    skipped.get_by_role("button", name="Go back to “Is the adapter plugged into the wall?”").click()
    expect(skipped).to_have_count(0)
    expect(_step(page).get_by_role("heading")).to_contain_text("Is the adapter plugged")
    expect(_step(page).get_by_role("button", name="Yes")).to_be_enabled()
