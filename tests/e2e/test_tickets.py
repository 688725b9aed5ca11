"""Quick-create in the browser: an engineer opens Tickets, pastes what a user wrote, the triage
fills the form (company from the contact's e-mail), the engineer confirms, and the ticket is
created once in the ConnectWise stand-in and a session opened on it with its context."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.conftest import DEMO_PASSWORD, sign_in
from tests.fakes.connectwise import FakeConnectWise


def _token(base_url: str, email: str) -> str:
    r = httpx.post(
        f"{base_url}/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}
    )
    return str(r.json()["access_token"])


@pytest.fixture
def cw(base_url: str) -> Iterator[FakeConnectWise]:
    headers = {"Authorization": f"Bearer {_token(base_url, 'admin@acme.example')}"}
    with FakeConnectWise() as server:
        r = httpx.put(
            f"{base_url}/api/v1/integrations/psa",
            headers=headers,
            json={"provider": "connectwise", **server.credentials()},
        )
        assert r.status_code == 200, r.text
        yield server
    # Other journeys run against the same demo account: leave it without a PSA.
    httpx.delete(f"{base_url}/api/v1/integrations/psa", headers=headers)


def test_quick_create_a_ticket_and_work_it(
    browser: Browser, base_url: str, cw: FakeConnectWise
) -> None:
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, "engineer@acme.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Tickets").click()
    expect(page.get_by_role("heading", name="Tickets")).to_be_visible()

    page.get_by_role("tab", name="Team boards").click()
    table = page.get_by_role("table", name="Open tickets")
    expect(table).to_contain_text("Outlook will not start after update")
    expect(table).not_to_contain_text("Password reset for new starter")  # closed

    page.get_by_role("button", name="Quick-create").click()
    dialog = page.get_by_role("dialog", name="Quick-create a ticket")
    dialog.get_by_label("What the user said").fill(
        "Hi,\nThe scanner on reception stopped scanning to e-mail this morning. "
        "Urgent please, we need it for contracts.\nJane Doe\njane.doe@acme-corp.test"
    )
    dialog.get_by_role("button", name="Fill the form").click()
    expect(dialog.get_by_label("Summary")).to_have_value(
        "The scanner on reception stopped scanning to e-mail this morning"
    )
    expect(dialog.get_by_label("Company")).to_have_value("250")
    expect(dialog.get_by_text("Suggested: Acme Corporation (sure)")).to_be_visible()
    expect(dialog.get_by_label("Priority")).to_have_value("2")
    dialog.get_by_role("button", name="Create ticket and start session").click()

    expect(page).to_have_url(re.compile(r"/sessions/[0-9a-f-]{36}$"))
    created = [t for t in cw.tickets() if t["id"] > 10000]
    assert len(created) == 1
    ticket = created[0]
    assert ticket["company"]["name"] == "Acme Corporation"
    assert ticket["contactName"] == "Jane Doe"
    assert ticket["externalXRef"].startswith("RF-")
    # The session works the new ticket: its context came along.
    expect(page.get_by_text(f"Linked ticket #{ticket['id']}")).to_be_visible()
    context.close()
