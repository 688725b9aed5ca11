"""Journey: a team admin opens Analytics, reads headline figures from the demo's sessions, opens
a flow's path view and downloads its CSV and a chart as PNG, all under the UI's strict CSP."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in
from tests.fixtures.factories import unique

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI || "inline"} ${e.sourceFile || ""}`);
});
"""


def _run_of_a_flow(base_url: str, title: str) -> str:
    """An engineer's session on the demo flow `title`, answered past its first step, so the
    path view has a step reached and answered. Returns the flow's id."""
    token = httpx.post(
        f"{base_url}/api/v1/auth/login",
        json={"email": "engineer@acme.example", "password": DEMO_PASSWORD},
    ).json()["access_token"]
    h = {"Authorization": f"Bearer {token}"}
    flows = httpx.get(f"{base_url}/api/v1/flows", params={"q": title}, headers=h).json()["items"]
    flow = next(f for f in flows if f["title"] == title)
    graph = httpx.get(f"{base_url}/api/v1/flows/{flow['id']}/export", headers=h).json()
    session = httpx.post(
        f"{base_url}/api/v1/sessions",
        headers=h,
        json={"title": unique("Analytics e2e run"), "flow_id": flow["id"]},
    )
    assert session.status_code == 201, session.text
    start = session.json()["current_node"]
    answer = next(e["label"] or "" for e in graph["edges"] if e["source"] == start)
    r = httpx.post(
        f"{base_url}/api/v1/sessions/{session.json()['id']}/events",
        headers=h,
        json={"type": "answer", "node_id": start, "answer": answer},
    )
    assert r.status_code in (200, 201), r.text
    return str(flow["id"])


def _count(text: str) -> int:
    return int(text.replace(",", "").strip())


def test_team_admin_reads_analytics_opens_a_path_view_and_downloads(
    page: Page, base_url: str, tmp_path: Path
) -> None:
    flow_id = _run_of_a_flow(base_url, "VPN won't connect")
    page.context.add_init_script(RECORD_VIOLATIONS)
    sign_in(page, "admin@acme.example")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Analytics").click()
    expect(page).to_have_url(re.compile(r"/analytics$"))
    expect(page.get_by_role("heading", level=1, name="Analytics")).to_be_visible()

    # The demo's resolved sessions and the run above started today: inside the default 30 days.
    sessions = page.get_by_test_id("headline-sessions").get_by_test_id("value")
    expect(sessions).to_have_text(re.compile(r"^\d[\d,]*$"))
    assert _count(sessions.inner_text()) >= 4
    resolved = page.get_by_test_id("headline-resolved").get_by_test_id("value")
    assert _count(resolved.inner_text()) >= 3
    expect(page.get_by_test_id("headline-resolution_rate").get_by_test_id("value")).to_have_text(
        re.compile(r"%$")
    )

    # A chart as PNG: the SVG drawn on a canvas in the browser.
    with page.expect_download() as png:
        page.get_by_role("button", name="Download Sessions per day as PNG").click()
    png_file = tmp_path / png.value.suggested_filename
    png.value.save_as(png_file)
    assert png_file.name.endswith(".png")
    assert png_file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png_file.stat().st_size > 2000

    # The flow table (worst first) leads to the flow's path view.
    flows = page.get_by_role("table", name="Flow figures")
    flows.get_by_role("link", name="VPN won't connect").click()
    expect(page).to_have_url(re.compile(rf"/analytics/flows/{flow_id}$"))
    expect(page.get_by_role("heading", level=1, name="VPN won't connect")).to_be_visible()
    path = page.get_by_test_id("path-view")
    expect(path).to_be_visible()
    reached = path.locator("[data-band]:not([data-band='unreached'])")
    expect(reached.first).to_be_visible()
    expect(reached.first).to_contain_text("Reached")
    steps = page.get_by_role("table", name="Step figures")
    expect(steps.get_by_role("row")).not_to_have_count(1)

    with page.expect_download() as csv:
        page.get_by_role("button", name="Download step figures as CSV").click()
    csv_file = tmp_path / csv.value.suggested_filename
    csv.value.save_as(csv_file)
    assert csv_file.name.endswith(".csv")
    lines = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) >= 2
    assert "reached" in lines[0]

    # Back to the overview keeps the range; no inline style or script was refused on the way.
    page.get_by_role("link", name="← Analytics").click()
    expect(page.get_by_role("table", name="Flow figures")).to_be_visible()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__csp") == []
