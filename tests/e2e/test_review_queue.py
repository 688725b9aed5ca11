"""Journey: runs of a published flow keep ending with the same fix after its last step; the team
admin opens the Review queue from the sidebar, runs the flywheel now, opens the enhancement it
proposes, reads the diff against the published version (the added step, the connections added
and removed) and the change on the canvas, approves it, follows "Edit & publish" into the editor
and publishes the new version. The queue's Approved tab then lists it. No content-security-policy
violation on the way."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in
from tests.e2e.test_csp import RECORD_VIOLATIONS

# The sessions are the admin's own: a proposal belongs to the team most of its evidence's
# engineers are in, and the admin is in one team only (the demo engineer is in two), so the
# admin is sure to be one of its reviewers.
ADMIN = "admin@acme.example"
FIX = "Cleared the badge reader cache"
FIXES = [FIX, "Cleared the cache of the badge reader", "Clear the badge reader cache"]


def _flow(title: str) -> dict[str, object]:
    return {
        "format": "resolutionflow.flow/1",
        "title": title,
        "kind": "troubleshooting",
        "description": "A door badge reader refuses a card.",
        "start": "q1",
        "nodes": [
            {"id": "q1", "type": "question", "title": "Does the reader light up?"},
            {"id": "a1", "type": "action", "title": "Re-enrol the card"},
            {"id": "r1", "type": "resolution", "title": "Card works again", "outcome": "resolved"},
            {"id": "r2", "type": "resolution", "title": "Reader is dead", "outcome": "escalate"},
        ],
        "edges": [
            {"source": "q1", "target": "a1", "label": "Yes"},
            {"source": "q1", "target": "r2", "label": "No"},
            {"source": "a1", "target": "r1", "label": ""},
        ],
    }


@pytest.fixture
def admin_api(base_url: str) -> Iterator[httpx.Client]:
    token = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": ADMIN, "password": DEMO_PASSWORD}
    ).json()["access_token"]
    with httpx.Client(
        base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as client:
        yield client


def _event(api: httpx.Client, sid: str, body: dict[str, object]) -> None:
    api.post(f"/api/v1/sessions/{sid}/events", json=body).raise_for_status()


def _run_with_fix_after_end(api: httpx.Client, flow_id: str, title: str, fix: str) -> str:
    """A run of the flow to its resolved end, then the same fix noted after it ended."""
    r = api.post("/api/v1/sessions", json={"title": title, "flow_id": flow_id})
    r.raise_for_status()
    sid = str(r.json()["id"])
    _event(api, sid, {"type": "answer", "node_id": "q1", "answer": "Yes"})
    _event(api, sid, {"type": "answer", "node_id": "a1", "answer": ""})
    _event(api, sid, {"type": "note", "text": fix})
    _event(api, sid, {"type": "resolve", "summary": "Card works after clearing the cache"})
    return sid


def test_proposal_approve_diff_edit_and_publish(page: Page, admin_api: httpx.Client) -> None:
    tag = uuid.uuid4().hex[:6]
    flow_title = f"Badge reader {tag} rejects a card"
    r = admin_api.post("/api/v1/flows", json=_flow(flow_title))
    r.raise_for_status()
    flow_id = r.json()["id"]
    admin_api.post(f"/api/v1/flows/{flow_id}/publish", json={}).raise_for_status()
    sessions = [
        _run_with_fix_after_end(admin_api, flow_id, f"Badge refused at door {n} ({tag})", fix)
        for n, fix in enumerate(FIXES, 1)
    ]

    page.context.add_init_script(RECORD_VIOLATIONS)
    sign_in(page, ADMIN)
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name=re.compile(r"^Review queue")).click()
    expect(page).to_have_url(re.compile(r"/proposals$"))
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()

    # Run the flywheel now: pending while its job runs (the server's worker polls every few
    # seconds), then the queue is refetched and holds the proposal.
    page.get_by_role("button", name="Run the flywheel now").click()
    expect(page.get_by_test_id("run-status")).to_be_visible()
    card = page.get_by_test_id("proposal-card").filter(has_text=flow_title)
    expect(card).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("run-status")).to_have_text("Done.")
    expect(card.get_by_test_id("proposal-kind")).to_have_text("Enhancement")
    expect(card.get_by_test_id("proposal-rationale")).to_contain_text("after this flow's last step")
    expect(card.get_by_test_id("proposal-evidence")).to_contain_text("3 sessions")
    expect(card.get_by_role("meter", name="Confidence")).to_be_visible()
    # The nav badge counts it.
    expect(nav.get_by_test_id("review-count")).to_be_visible()
    # Its evidence links to the sessions.
    card.get_by_test_id("proposal-evidence").click()
    for sid in sessions:
        expect(card.locator(f'a[href="/sessions/{sid}"]')).to_be_visible()

    card.get_by_role("link", name=re.compile(r"^Review")).click()
    expect(page).to_have_url(re.compile(r"/proposals/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(flow_title)
    expect(page.get_by_test_id("proposal-status")).to_have_text("Open")

    # The diff against the published version: the fix as a new step before the end, the old
    # last connection removed and two new ones added; the same change on the canvas.
    expect(page.get_by_test_id("change-summary")).to_contain_text("Adds the step")
    expect(page.get_by_role("heading", name="Changes against published v1")).to_be_visible()
    entries = page.get_by_test_id("diff-entry")
    added_step = entries.filter(has_text=re.compile("badge reader cache", re.I)).first
    expect(added_step).to_have_attribute("data-mark", "added")
    expect(page.locator('[data-testid="diff-entry"][data-mark="removed"]')).to_contain_text(
        "Re-enrol the card → Card works again"
    )
    expect(page.locator('[data-testid="diff-entry"][data-mark="added"]')).to_have_count(3)
    canvas = page.get_by_role("region", name="The flow with the proposed change")
    expect(canvas).to_be_visible()
    expect(canvas.locator(".react-flow__node")).to_have_count(5)

    # Approve: the result takes focus and leads into the editor on the new draft.
    page.get_by_role("button", name="Approve").click()
    result = page.get_by_test_id("approved-result")
    expect(result).to_contain_text("The change was applied to a new draft of the flow")
    expect(result.get_by_role("heading")).to_be_focused()
    expect(page.get_by_test_id("proposal-status")).to_have_text("Approved")
    result.get_by_role("link", name="Edit & publish").click()
    expect(page).to_have_url(re.compile(rf"/flows/{flow_id}/edit$"))

    # Publish from the editor.
    page.get_by_role("button", name="Publish").click()
    publish = page.get_by_role("dialog")
    publish.get_by_label("Change note").fill("Clear the reader cache before closing")
    publish.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile("Published v2")).first).to_be_visible()

    # The published version has the step.
    exported = admin_api.get(f"/api/v1/flows/{flow_id}/export").json()
    assert any("badge reader cache" in n["title"].lower() for n in exported["nodes"]), exported

    # The queue's Approved tab lists it, with its way back into the editor.
    page.goto("/proposals?tab=approved")
    approved = page.get_by_test_id("proposal-card").filter(has_text=flow_title)
    expect(approved.get_by_role("link", name=re.compile("Edit & publish"))).to_have_attribute(
        "href", f"/flows/{flow_id}/edit"
    )
    expect(page.get_by_test_id("proposal-card").filter(has_text=flow_title)).to_have_count(1)
    page.get_by_role("tab", name=re.compile("^Open")).click()
    expect(page.get_by_test_id("proposal-card").filter(has_text=flow_title)).to_have_count(0)
    assert page.evaluate("window.__csp") == []


CAMERA = [
    ("Teams camera shows a black screen in meetings", ["Is the camera enabled in Windows privacy settings? Yes", "Closed other apps using the camera", "Reset the Teams cache folder"], "Reset the Teams cache; camera works"),
    ("Black camera in Teams calls", ["Is the camera enabled in Windows privacy settings? Yes", "Closed apps that hold the camera", "Reset the Teams cache"], "Teams cache reset, video back"),
    ("Teams video black for sales laptop", ["Is the camera enabled in Windows privacy settings? Yes", "Close other apps using the camera", "Cleared the Teams cache folder"], "Cleared Teams cache"),
    ("Camera black screen in Microsoft Teams", ["Is the camera enabled in Windows privacy settings? Yes", "Closed other camera apps", "Reset the Teams cache folder"], "Reset Teams cache folder"),
    ("Teams meeting camera not showing video", ["Is the camera enabled in Windows privacy settings? Yes", "Closed other apps using the webcam", "Reset the Teams cache folder"], "Camera works after Teams cache reset"),
]  # fmt: skip


def test_new_flow_proposal_draft_approve_and_publish(page: Page, admin_api: httpx.Client) -> None:
    """Five similar freeform sessions no flow covers give a new_flow proposal; its draft reads as
    a flow (diagram and steps); approving it creates the flow, published from the editor."""
    tag = uuid.uuid4().hex[:6]
    sessions = []
    for title, notes, summary in CAMERA:
        r = admin_api.post("/api/v1/sessions", json={"title": f"{title} {tag}"})
        r.raise_for_status()
        sid = str(r.json()["id"])
        for note in notes:
            _event(admin_api, sid, {"type": "note", "text": note})
        _event(admin_api, sid, {"type": "resolve", "summary": summary})
        sessions.append(sid)
    admin_api.post("/api/v1/proposals/run").raise_for_status()

    page.context.add_init_script(RECORD_VIOLATIONS)
    sign_in(page, ADMIN)
    page.goto("/proposals")
    card = page.get_by_test_id("proposal-card").filter(
        has=page.locator(f'a[href="/sessions/{sessions[0]}"]')
    )
    # The run is a job the server's worker picks up within seconds; reload until it is listed.
    for _ in range(30):
        if card.count() > 0:
            break
        page.wait_for_timeout(2_000)
        page.reload()
        page.get_by_role("heading", name="Review queue").wait_for()
        page.get_by_test_id("proposal-card").first.or_(
            page.get_by_text("Nothing to review")
        ).wait_for()
    expect(card.get_by_test_id("proposal-kind")).to_have_text("New flow")
    expect(card.get_by_test_id("proposal-evidence")).to_contain_text("5 sessions")
    card.get_by_role("link", name=re.compile(r"^Review")).click()

    # The draft: a diagram and its steps in reading order.
    expect(page.get_by_role("heading", name="Proposed flow")).to_be_visible()
    canvas = page.get_by_role("region", name="The proposed flow")
    expect(canvas.locator(".react-flow__node").first).to_be_visible()
    steps = page.get_by_test_id("draft-steps")
    expect(steps).to_contain_text(re.compile("teams cache", re.I))
    expect(steps.get_by_text("Start", exact=True)).to_be_visible()

    page.get_by_role("button", name="Approve").click()
    result = page.get_by_test_id("approved-result")
    expect(result).to_contain_text("A new flow was created as a draft")
    result.get_by_role("link", name="Edit & publish").click()
    expect(page).to_have_url(re.compile(r"/flows/[0-9a-f-]{36}/edit$"))
    page.get_by_role("button", name="Publish").click()
    publish = page.get_by_role("dialog")
    publish.get_by_label("Change note").fill("From the review queue")
    publish.get_by_role("button", name="Publish").click()
    expect(page.get_by_text(re.compile("Published v1")).first).to_be_visible()
    assert page.evaluate("window.__csp") == []


SCANNER = [
    "Scanner {tag} to email fails with SMTP authentication error on the Ricoh copier",
    "Ricoh copier {tag} scan to email stopped working, SMTP auth error",
    "Scan to email on the copier {tag} fails: SMTP authentication failed",
]


def test_draft_a_flow_for_a_coverage_gap(page: Page, admin_api: httpx.Client) -> None:
    """FlowPilot intakes that matched no flow form a gap; "Draft a flow for this gap" opens the
    editor on a draft built from its sessions."""
    tag = uuid.uuid4().hex[:6]
    ids = []
    for text in SCANNER:
        body = {
            "title": text.format(tag=tag)[:60],
            "mode": "pilot",
            "intake": {"text": text.format(tag=tag)},
        }
        r = admin_api.post("/api/v1/sessions", json=body)
        r.raise_for_status()
        ids.append(str(r.json()["id"]))

    page.context.add_init_script(RECORD_VIOLATIONS)
    sign_in(page, ADMIN)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Coverage gaps").click()
    expect(page.get_by_role("heading", name="Coverage gaps", level=1)).to_be_visible()
    gap = page.get_by_test_id("gap-card").filter(has_text=re.compile("smtp", re.I)).first
    expect(gap.get_by_test_id("gap-count")).to_contain_text("sessions")
    expect(gap.get_by_test_id("gap-trend")).to_contain_text("Rising")
    expect(gap.get_by_test_id("gap-engineers")).to_contain_text("Alex Admin")
    gap.get_by_role("button", name=re.compile("^Draft a flow for this gap")).click()
    dialog = page.get_by_role("dialog", name="Draft a flow for this gap")
    expect(dialog.get_by_label("Flow title")).to_be_focused()
    dialog.get_by_label("Flow title").fill(f"Scan to email SMTP auth {tag}")
    dialog.get_by_role("button", name="Draft the flow").click()
    expect(page).to_have_url(re.compile(r"/flows/[0-9a-f-]{36}/edit$"), timeout=30_000)
    flow_id = page.url.rsplit("/", 2)[-2]
    doc = admin_api.get(f"/api/v1/flows/{flow_id}").json()
    assert doc["title"] == f"Scan to email SMTP auth {tag}"
    assert page.evaluate("window.__csp") == []
