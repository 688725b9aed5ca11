"""The flow editor's code mode: open a demo flow, edit it as Markdown text, see the canvas follow;
an invalid edit shows its error at its line and leaves the flow alone."""

from __future__ import annotations

import re
import time

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in

OLD = "Check the printer itself and ping it"
NEW = "Check the printer panel, then ping it"


def _headers(base_url: str) -> dict[str, str]:
    r = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": "admin@acme.example", "password": DEMO_PASSWORD},
    )
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _draft_titles(base_url: str, headers: dict[str, str], flow_id: str) -> dict[str, str]:
    flow = httpx.get(f"{base_url}/api/v1/flows/{flow_id}", headers=headers).json()
    return {n["id"]: n["title"] for n in flow["draft"]["nodes"]}


def _wait_for_title(base_url: str, headers: dict[str, str], flow_id: str, title: str) -> None:
    deadline = time.monotonic() + 15
    while _draft_titles(base_url, headers, flow_id).get("a_ping") != title:
        assert time.monotonic() < deadline, f"the draft never got {title!r}"
        time.sleep(0.2)


def _code(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("textbox", name="Flow as Markdown")


def test_edit_a_demo_flow_as_text(page: Page, base_url: str) -> None:
    headers = _headers(base_url)
    flows = httpx.get(
        f"{base_url}/api/v1/flows", params={"q": "Printer offline"}, headers=headers
    ).json()["items"]
    flow_id = next(f["id"] for f in flows if f["title"] == "Printer offline")

    sign_in(page, "admin@acme.example")
    page.goto(f"/flows/{flow_id}/edit")
    node = page.get_by_test_id("node-a_ping")
    expect(node).to_contain_text(OLD)

    page.get_by_role("group", name="View").get_by_role("button", name="Code").click()
    code = _code(page)
    expect(code).to_have_value(re.compile(rf"## a_ping · action: {re.escape(OLD)}"))

    # Change a node's title in the text; the flow follows and is saved.
    text = code.input_value()
    code.fill(text.replace(f"action: {OLD}", f"action: {NEW}"))
    expect(page.get_by_role("region", name="Code").get_by_role("status")).to_have_text(
        "In sync with the canvas"
    )
    _wait_for_title(base_url, headers, flow_id, NEW)

    page.get_by_role("group", name="View").get_by_role("button", name="Canvas").click()
    expect(page.get_by_test_id("node-a_ping")).to_contain_text(NEW)

    # An invalid edit (Ctrl+Shift+M back to the text): the error at its line, the flow unchanged.
    page.get_by_test_id("flow-canvas").click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+Shift+M")
    code = _code(page)
    lines = code.input_value().split("\n")
    line = next(i for i, s in enumerate(lines, 1) if s.startswith("## a_ping "))
    lines[line - 1] = "## a_ping · gizmo: Reboot everything"
    code.fill("\n".join(lines))
    errors = page.get_by_role("list", name="Errors in the text")
    expect(errors).to_contain_text(f'Line {line}: Unknown node type "gizmo"')
    expect(page.get_by_test_id("code-gutter").locator("[data-error]")).to_have_text(f"! {line}")
    errors.get_by_role("button", name=re.compile(rf"^Line {line}:")).click()
    expect(code).to_be_focused()

    page.keyboard.press("Control+Shift+M")
    expect(page.get_by_test_id("node-a_ping")).to_contain_text(NEW)
    assert _draft_titles(base_url, headers, flow_id)["a_ping"] == NEW

    # Put the demo flow back as it was, through the text again.
    page.get_by_role("group", name="View").get_by_role("button", name="Code").click()
    code = _code(page)
    code.fill(code.input_value().replace(f"action: {NEW}", f"action: {OLD}"))
    _wait_for_title(base_url, headers, flow_id, OLD)
