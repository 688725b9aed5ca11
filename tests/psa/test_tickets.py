"""Sessions from tickets: the ticket's context lands on the timeline, in the runner's view and
in what the copilot reads; open tickets can be searched."""

from __future__ import annotations

from httpx import AsyncClient

from tests.ai.support import use_model
from tests.fakes.connectwise import FakeConnectWise
from tests.fakes.llm_servers import FakeAnthropic, Reply
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect, start, timeline


async def test_a_session_started_from_a_ticket_carries_its_context(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    linked = [
        e for e in await timeline(client, tenant, session["id"]) if e["type"] == "ticket_linked"
    ]
    assert len(linked) == 1
    p = linked[0]["payload"]
    assert p["summary"] == "Outlook will not start after update"
    assert (p["company"], p["board"], p["status"], p["priority"]) == (
        "Acme Corporation", "Help Desk", "New", cw.ticket(1001)["priority"]["name"]
    )  # fmt: skip
    assert (p["contact_name"], p["contact_email"]) == ("Jane Doe", "jane.doe@acme-corp.test")
    devices = {c["name"]: c for c in p["configurations"]}
    assert devices["ACME-LT-0042"]["serial"] == "5CG1234XYZ"
    assert devices["ACME-LT-0042"]["os"] == "Windows 11 Pro"
    assert "ACME-FW-01" in devices

    r = await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    view = r.json()
    assert view["connected"] is True and view["provider_label"] == "ConnectWise PSA"
    assert view["ticket"]["summary"] == p["summary"] and view["ticket_error"] is None
    assert len(view["ticket"]["configurations"]) == 2


async def test_a_missing_ticket_is_written_down_and_can_be_linked_later(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "99999")
    failed = [
        e
        for e in await timeline(client, tenant, session["id"])
        if e["type"] == "ticket_link_failed"
    ]
    assert "99999 was not found" in failed[0]["payload"]["reason"]
    url = f"/api/v1/sessions/{session['id']}/psa"
    assert (
        "99999" in (await client.get(url, headers=tenant.engineer.headers)).json()["ticket_error"]
    )

    r = await client.post(
        f"{url}/ticket", headers=tenant.engineer.headers, json={"ticket_id": "abc"}
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "ticket_id"]
    r = await client.post(
        f"{url}/ticket", headers=tenant.engineer.headers, json={"ticket_id": "1002"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["summary"] == "VPN disconnects every 10 minutes"
    view = (await client.get(url, headers=tenant.engineer.headers)).json()
    assert (
        view["ticket_id"] == "1002"
        and view["ticket"]["id"] == "1002"
        and view["ticket_error"] is None
    )
    # Only the owner (or an admin) links tickets to a session.
    r = await client.post(
        f"{url}/ticket", headers=tenant.viewer.headers, json={"ticket_id": "1002"}
    )
    assert r.status_code == 403


async def test_without_a_psa_a_ticket_number_is_just_a_number(
    client: AsyncClient, tenant: Tenant
) -> None:
    session = await start(client, tenant, "T-48213")
    assert session["ticket_id"] == "T-48213"
    types = [e["type"] for e in await timeline(client, tenant, session["id"])]
    assert "ticket_linked" not in types and "ticket_link_failed" not in types
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    assert view["connected"] is False and view["ticket"] is None
    r = await client.get("/api/v1/psa/tickets", headers=tenant.engineer.headers)
    assert r.status_code == 409 and r.json()["type"].endswith("/psa-not-configured")


async def test_searching_open_tickets_by_number_or_words(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    r = await client.get(
        "/api/v1/psa/tickets", params={"q": "vpn"}, headers=tenant.engineer.headers
    )
    assert [t["id"] for t in r.json()] == ["1002"]
    r = await client.get(
        "/api/v1/psa/tickets", params={"q": "1003"}, headers=tenant.engineer.headers
    )
    assert [t["summary"] for t in r.json()] == ["Printer on 2nd floor offline"]
    r = await client.get("/api/v1/psa/tickets", headers=tenant.engineer.headers)
    ids = [t["id"] for t in r.json()]
    assert "1004" not in ids and {"1001", "1002", "1003", "1005"} <= set(ids)  # 1004 is closed
    r = await client.get(
        "/api/v1/psa/tickets", params={"q": 'x" or id > 0'}, headers=tenant.engineer.headers
    )
    assert r.status_code == 200 and r.json() == []  # quotes cannot break out of the condition
    cw.down = True
    r = await client.get(
        "/api/v1/psa/tickets", params={"q": "vpn"}, headers=tenant.engineer.headers
    )
    assert r.status_code == 502 and r.json()["errors"][0]["kind"] == "server"


async def test_the_copilot_reads_the_ticket_redacted(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, fake_anthropic: FakeAnthropic
) -> None:
    await connect(client, tenant, cw)
    cw.add_ticket(
        id=2001,
        summary="Mail sync broken, admin pw is Hunter2-Zebra!9 per user",
        board={"id": 1, "name": "Help Desk"},
        status={"id": 1, "name": "New"},
        closedFlag=False,
    )
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    session = await start(client, tenant, "2001")
    fake_anthropic.script(Reply(text="Check the mail profile."))
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/copilot/messages",
        headers=tenant.engineer.headers,
        json={"content": "what next?"},
    )
    assert r.status_code in (200, 201), r.text
    prompt = str(fake_anthropic.last_request["json"])
    assert "Ticket 2001: Mail sync broken" in prompt
    assert "Hunter2-Zebra!9" not in prompt and "[REDACTED:" in prompt
