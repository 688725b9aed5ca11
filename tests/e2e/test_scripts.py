"""Journey through the script library: an engineer creates a script in the form (a placeholder
without a parameter is caught while typing), renders it with a hostile value and copies it (the
clipboard holds the safely quoted script), then runs it from an action step of a published flow
in the session runner, where the timeline shows "Ran script" with the secret masked."""

from __future__ import annotations

import re
import secrets

import httpx
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in

ENGINEER = "engineer@acme.example"
ADMIN = "admin@acme.example"
HOSTILE = "'; Remove-Item -Recurse C:\\ #"


def _headers(base_url: str, email: str) -> dict[str, str]:
    r = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}
    )
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


def _flow_running(base_url: str, script_id: str, title: str) -> str:
    """A published flow whose action step runs the script; returns its id."""
    admin = _headers(base_url, ADMIN)
    body = {
        "format": "resolutionflow.flow/1",
        "title": title,
        "kind": "procedural",
        "start": "a1",
        "nodes": [
            {"id": "a1", "type": "action", "title": "Say hello", "script_id": script_id},
            {"id": "r1", "type": "resolution", "title": "Done", "outcome": "resolved"},
        ],
        "edges": [{"source": "a1", "target": "r1"}],
    }
    r = httpx.post(f"{base_url}/api/v1/flows", json=body, headers=admin)
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    r = httpx.post(
        f"{base_url}/api/v1/flows/{flow_id}/publish", json={"change_note": ""}, headers=admin
    )
    assert r.status_code in (200, 201), r.text
    return flow_id


def test_create_render_copy_and_run_a_script_from_a_session(
    browser: Browser, base_url: str
) -> None:
    tag = secrets.token_hex(3)
    title = f"Say something {tag}"
    context = browser.new_context(
        base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        sign_in(page, ENGINEER)
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Scripts").click()
        expect(page.get_by_role("heading", name="Scripts", exact=True)).to_be_visible()

        # The form: the placeholder without a parameter is named while typing, then added.
        page.get_by_role("link", name="New script").click()
        page.get_by_label("Title").fill(title)
        page.get_by_label("Script", exact=True).fill(
            "Write-Output {{message}}\nWrite-Output {{token}}"
        )
        expect(
            page.get_by_text("Not declared as parameters: {{message}}, {{token}}")
        ).to_be_visible()
        page.get_by_role("button", name="Add parameters for the script's placeholders").click()
        second = page.get_by_role("group", name=re.compile("Parameter 2"))
        second.get_by_label("Type").select_option("secret")
        page.get_by_label("Risk").select_option("read_only")
        page.get_by_role("button", name="Create script").click()
        expect(page).to_have_url(re.compile(r"/scripts/[0-9a-f-]{36}$"))
        script_id = page.url.rsplit("/", 1)[1]
        expect(page.get_by_role("heading", name=title)).to_be_visible()

        # Render with a hostile value and copy: it stays inside one quoted string.
        panel = page.get_by_role("region", name="Render")
        expect(panel.get_by_test_id("risk-badge")).to_have_text("Read-only")
        panel.get_by_label("message").fill(HOSTILE)
        panel.get_by_label("token").fill("s3cret-e2e")
        panel.get_by_role("button", name="Copy").click()
        expect(panel.get_by_test_id("copy-status")).to_have_text("Copied")
        quoted = "Write-Output '''; Remove-Item -Recurse C:\\ #'\nWrite-Output 's3cret-e2e'"
        expect(panel.get_by_test_id("rendered-script")).to_have_text(quoted)
        assert page.evaluate("navigator.clipboard.readText()") == quoted

        # In a session: the action step shows the script card; Copy records the run.
        flow_id = _flow_running(base_url, script_id, f"Greeting {tag}")
        r = httpx.post(
            f"{base_url}/api/v1/sessions",
            json={"title": f"Say hello {tag}", "flow_id": flow_id},
            headers=_headers(base_url, ENGINEER),
        )
        assert r.status_code == 201, r.text
        page.goto(f"/sessions/{r.json()['id']}")
        card = page.get_by_role("region", name=f"Script: {title}")
        expect(card.get_by_test_id("risk-badge")).to_have_text("Read-only")
        card.get_by_label("message").fill("hello from the runner")
        card.get_by_label("token").fill("s3cret-e2e")
        card.get_by_role("button", name="Copy").click()
        expect(card.get_by_test_id("copy-status")).to_have_text("Copied")
        timeline = page.get_by_role("region", name="Timeline")
        expect(timeline).to_contain_text("Ran script")
        expect(timeline).to_contain_text("message=hello from the runner, token=••••")
        expect(timeline).not_to_contain_text("s3cret-e2e")
    finally:
        context.close()
