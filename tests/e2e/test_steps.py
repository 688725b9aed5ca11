"""Journey through the step library: an engineer creates a step, rates it from the keyboard,
flags it as wrong, finds it by search, and inserts it into a flow from the editor's palette,
where the node keeps its link to the step (and the saved draft says so); when the library copy
changes, "Update from library" brings the node up to date."""

from __future__ import annotations

import re
import secrets
import time
from typing import Any

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in

ENGINEER = "engineer@acme.example"


def _headers(base_url: str, email: str) -> dict[str, str]:
    r = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}
    )
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _flow(base_url: str, headers: dict[str, str], title: str) -> str:
    body = {
        "format": "resolutionflow.flow/1",
        "title": title,
        "kind": "troubleshooting",
        "start": "q1",
        "nodes": [
            {"id": "q1", "type": "question", "title": "Does Outlook ask for the password again?"},
            {"id": "r1", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        ],
        "edges": [{"source": "q1", "target": "r1", "label": "No"}],
    }
    r = httpx.post(f"{base_url}/api/v1/flows", json=body, headers=headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _linked_nodes(
    base_url: str, headers: dict[str, str], flow_id: str, step_id: str
) -> list[dict[str, Any]]:
    """The draft's nodes linked to the step, once autosave has sent them (it waits for a pause)."""
    deadline = time.monotonic() + 20
    while True:
        draft = httpx.get(f"{base_url}/api/v1/flows/{flow_id}", headers=headers).json()["draft"]
        linked = [n for n in draft["nodes"] if n.get("step_id") == step_id]
        if linked or time.monotonic() > deadline:
            return linked
        time.sleep(0.3)


def test_create_rate_flag_and_insert_a_step_from_the_palette(page: Page, base_url: str) -> None:
    tag = secrets.token_hex(3)
    title = f"Clear the cached Outlook credential {tag}"
    headers = _headers(base_url, ENGINEER)
    flow_id = _flow(base_url, headers, f"Outlook keeps prompting {tag}")

    sign_in(page, ENGINEER)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Step library").click()
    expect(page.get_by_role("heading", name="Step library")).to_be_visible()

    # Create: the form refuses an empty title next to the field, then creates the step.
    page.get_by_role("link", name="New step").click()
    page.get_by_role("button", name="Create step").click()
    expect(page.get_by_label("Title")).to_have_accessible_description("Give the step a title.")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Body").fill(
        "Open **Credential Manager** and remove `MicrosoftOffice16_Data:{{user_email}}`."
    )
    page.get_by_label("Tags").fill(f"outlook, e2e-{tag}")
    page.get_by_label("Category").fill("Email")
    page.get_by_role("button", name="Create step").click()
    expect(page).to_have_url(re.compile(r"/steps/[0-9a-f-]{36}$"))
    step_id = page.url.rsplit("/", 1)[1]
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    body = page.get_by_role("region", name="Step body")
    expect(body.locator("strong", has_text="Credential Manager")).to_be_visible()
    expect(page.get_by_role("list", name="Variables")).to_contain_text("{{user_email}}")

    # Rate from the keyboard: arrows move through the stars.
    page.get_by_role("radio", name="1 star").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("radio", name="4 stars")).to_be_checked()
    page.get_by_label("Review (optional)").fill("Fixed the prompt loop for two users.")
    page.get_by_role("button", name="Save rating").click()
    details = page.get_by_test_id("step-details")
    expect(details.get_by_role("img", name="4.0 out of 5 from 1 rating")).to_be_visible()
    expect(page.get_by_role("list", name="Reviews")).to_contain_text(
        "Fixed the prompt loop for two users."
    )

    # "This step is wrong": a dialog that wants a reason.
    page.get_by_role("button", name="This step is wrong").click()
    dialog = page.get_by_role("dialog", name="This step is wrong")
    dialog.get_by_label("Reason").fill("Office 2024 names the credential differently.")
    dialog.get_by_role("button", name="Flag step").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_role("list", name="Flags")).to_contain_text(
        "Office 2024 names the credential differently."
    )
    expect(details.get_by_test_id("open-flags")).to_have_text(re.compile("1 open flag"))

    # What the API stored.
    stored = httpx.get(f"{base_url}/api/v1/steps/{step_id}", headers=headers).json()
    assert stored["rating_count"] == 1 and stored["my_rating"]["stars"] == 4
    assert stored["open_flags"] == 1

    # Search finds it, with its stars and flag in the row.
    page.get_by_role("link", name="← Step library").click()
    page.get_by_role("searchbox", name="Search steps").fill(f"credential {tag}")
    row = page.get_by_test_id("step-row").filter(has_text=title)
    expect(row).to_have_count(1)
    expect(row.get_by_role("img", name="4.0 out of 5 from 1 rating")).to_be_visible()
    expect(row.get_by_test_id("open-flags")).to_have_text(re.compile("1 open flag"))

    # Insert it into a flow from the editor's palette, with the keyboard.
    page.goto(f"/flows/{flow_id}/edit")
    expect(page.get_by_test_id("flow-canvas")).to_be_visible()
    page.get_by_role("button", name="Insert step…").click()
    palette = page.get_by_role("dialog", name="Insert from the step library")
    palette.get_by_role("combobox", name="Search the step library").fill(f"outlook {tag}")
    option = palette.get_by_role("option").filter(has_text=title)
    expect(option).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    expect(palette).to_have_count(0)
    node = page.get_by_test_id(re.compile("^node-")).filter(has_text=title)
    expect(node).to_be_visible()
    expect(node.get_by_test_id("library-chip")).to_be_visible()
    link = page.get_by_role("complementary", name="Node properties").get_by_test_id("library-link")
    expect(link).to_contain_text(title)
    expect(link).to_contain_text("Up to date with the library.")

    # The saved draft keeps the link: step_id and the revision it copied.
    linked = _linked_nodes(base_url, headers, flow_id, step_id)
    assert len(linked) == 1
    assert linked[0]["step_revision"] == 1
    assert linked[0]["title"] == title

    # Someone improves the step in the library: the node offers "Update from library".
    better = {k: stored[k] for k in ("title", "kind", "tags", "category")}
    better["body"] = "Remove every `MicrosoftOffice16_Data` entry, then restart Outlook."
    r = httpx.put(f"{base_url}/api/v1/steps/{step_id}", json=better, headers=headers)
    assert r.status_code == 200 and r.json()["revision"] == 2, r.text
    page.reload()
    node.click()
    link = page.get_by_role("complementary", name="Node properties").get_by_test_id("library-link")
    expect(link).to_contain_text("The library copy changed: revision 2.")
    link.get_by_role("button", name="Update from library").click()
    expect(link).to_contain_text("Up to date with the library.")
    expect(node).to_contain_text("restart Outlook")
    deadline = time.monotonic() + 20
    while _linked_nodes(base_url, headers, flow_id, step_id)[0]["step_revision"] != 2:
        assert time.monotonic() < deadline, "the updated node was not saved"
        time.sleep(0.3)
    saved = _linked_nodes(base_url, headers, flow_id, step_id)[0]
    assert saved["body"] == better["body"]
