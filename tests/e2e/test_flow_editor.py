"""Journeys through the flow library and editor: build a tree on the canvas from scratch, see a
validation problem, fix it, undo/redo, publish, find it by search, export and import it again."""

from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in


def _node(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.get_by_test_id(re.compile("^node-")).filter(has_text=text)


def _add(page: Page, kind: str, title: str) -> None:
    page.get_by_role("button", name=f"Add {kind}").click()
    field = page.get_by_label("Node title")
    field.fill(title)
    field.press("Tab")


def _connect_to(page: Page, title: str, answer: str) -> None:
    select = page.get_by_label("Connect to")
    labels = select.locator("option").all_inner_texts()
    select.select_option(label=next(label for label in labels if title in label))
    page.get_by_label("New answer").fill(answer)
    page.get_by_role("button", name="Add connection").click()


def _problems(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("region", name="Problems")


def _api_token(base_url: str) -> dict[str, str]:
    r = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": "admin@acme.example", "password": DEMO_PASSWORD},
    )
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def test_build_validate_undo_publish_search_export_import(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    title = f"Label printer jammed {secrets.token_hex(2)}"
    sign_in(page, "admin@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Flows").click()
    page.get_by_role("button", name="New flow").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Title").fill(title)
    dialog.get_by_label("Category").fill("Printing")
    dialog.get_by_role("button", name="Create").click()
    expect(page).to_have_url(re.compile(r"/flows/[0-9a-f-]{36}/edit$"))
    flow_id = re.search(r"/flows/([0-9a-f-]{36})/edit", page.url).group(1)  # type: ignore[union-attr]
    expect(page.get_by_test_id("flow-canvas")).to_be_visible()

    _add(page, "question", "Does the printer answer a ping?")
    _add(page, "resolution", "Printer back online")
    page.get_by_label("Outcome").select_option("resolved")
    _add(page, "resolution", "Escalate to the network team")
    page.get_by_label("Outcome").select_option("escalate")

    # Connect the question to its first answer from the side panel.
    _node(page, "Does the printer answer a ping?").click()
    _connect_to(page, "Printer back online", "Yes")

    # With one answer the question is a confirm step (a warning on that node), and the escalation
    # nothing reaches is an error that keeps Publish disabled.
    one_answer = _problems(page).get_by_role("button", name=re.compile("has one answer"))
    unreachable = _problems(page).get_by_role("button", name=re.compile("can't be reached"))
    expect(one_answer).to_be_visible()
    expect(unreachable).to_be_visible()
    expect(page.get_by_role("button", name="Publish")).to_be_disabled()

    _connect_to(page, "Escalate to the network team", "No")
    expect(one_answer).to_have_count(0)
    expect(unreachable).to_have_count(0)

    # Undo brings the problems back, redo fixes them again.
    page.get_by_role("button", name="Undo").click()
    expect(unreachable).to_be_visible()
    expect(one_answer).to_be_visible()
    page.get_by_role("button", name="Redo").click()
    expect(unreachable).to_have_count(0)
    expect(one_answer).to_have_count(0)
    expect(page.get_by_test_id("save-status")).to_have_text(re.compile("^Saved"), timeout=15_000)

    page.get_by_role("button", name="Publish").click()
    publish = page.get_by_role("dialog")
    publish.get_by_label("Change note").fill("First version")
    publish.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile("Published v1")).first).to_be_visible()

    # The library finds it while typing, with the match highlighted.
    page.goto("/flows")
    page.get_by_label("Search flows").fill("label print")
    result = page.get_by_role("link", name=re.compile(re.escape(title))).first
    expect(result).to_be_visible()
    expect(page.locator("mark").filter(has_text=re.compile("label", re.I)).first).to_be_visible()

    # Export, then import the file through the library: the same graph comes back.
    headers = _api_token(base_url)
    exported = httpx.get(f"{base_url}/api/v1/flows/{flow_id}/export", headers=headers)
    assert exported.status_code == 200
    original = exported.json()
    path = tmp_path / "label-printer.rfflow.json"
    path.write_bytes(exported.content)
    page.get_by_test_id("import-file").set_input_files(str(path))
    expect(page.get_by_role("link", name=re.compile(re.escape(title)))).to_have_count(2)

    listed = httpx.get(f"{base_url}/api/v1/flows", params={"q": title}, headers=headers).json()
    copies = [f["id"] for f in listed["items"] if f["id"] != flow_id]
    assert len(copies) == 1
    imported = httpx.get(f"{base_url}/api/v1/flows/{copies[0]}/export", headers=headers).json()
    for key in ("title", "kind", "start", "nodes", "edges", "category"):
        assert json.dumps(imported[key], sort_keys=True) == json.dumps(
            original[key], sort_keys=True
        )
    assert len(original["nodes"]) == 3 and len(original["edges"]) == 2


def test_viewer_gets_a_read_only_preview(page: Page) -> None:
    sign_in(page, "viewer@acme.example")
    page.goto("/flows")
    page.get_by_label("Search flows").fill("outlook")
    page.get_by_role("link", name=re.compile("Outlook")).first.click()
    expect(page.get_by_test_id("flow-canvas")).to_be_visible()
    expect(page.get_by_role("button", name="Edit")).to_have_count(0)
    expect(page.get_by_role("link", name="Edit")).to_have_count(0)
