"""Spin-off: a related ticket for a second problem, linked both ways (the new ticket on the
session's timeline, a note on the original naming it), with the session's context redacted."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect, start, timeline


def _new(cw: FakeConnectWise) -> list[dict[str, Any]]:
    return [t for t in cw.tickets() if t["id"] > 10000]


async def test_a_spin_off_is_linked_both_ways_and_carries_redacted_context(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    sid = session["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={"type": "note", "text": "Jane's printer also fails; admin password is Hunter2!x"},
    )
    assert r.status_code in (200, 201), r.text
    body = {
        "summary": "Printer on 2nd floor rejects jobs",
        "description": "Noticed while fixing Outlook.",
        "copy_context": True,
    }
    r = await client.post(
        f"/api/v1/sessions/{sid}/spin-off", headers=tenant.engineer.headers, json=body
    )
    assert r.status_code == 201, r.text
    out = r.json()
    [ticket] = _new(cw)
    assert out["ticket_id"] == str(ticket["id"]) and out["original_ticket_id"] == "1001"
    assert out["original_noted"] is True
    # Same company, board and contact as the original.
    assert (ticket["company"]["id"], ticket["board"]["id"], ticket["contact"]["id"]) == (
        250,
        1,
        301,
    )
    description = cw.notes(ticket["id"])[0]["text"]
    assert "Noticed while fixing Outlook." in description
    assert "Related to ticket #1001" in description
    assert "printer also fails" in description
    assert "Hunter2!x" not in description  # the context is redacted as pushed notes are
    original_note = cw.notes(1001)[-1]
    assert f"Related ticket #{ticket['id']}" in original_note["text"]
    assert original_note["internalAnalysisFlag"] is True
    spun = [e for e in await timeline(client, tenant, sid) if e["type"] == "ticket_spun_off"]
    assert len(spun) == 1 and spun[0]["payload"]["ticket_id"] == str(ticket["id"])
    assert spun[0]["payload"]["original_ticket_id"] == "1001"

    # Sent again (a retry after a timeout): the same ticket, no second note, no second entry.
    again = await client.post(
        f"/api/v1/sessions/{sid}/spin-off", headers=tenant.engineer.headers, json=body
    )
    assert again.status_code == 201 and again.json()["ticket_id"] == out["ticket_id"]
    assert again.json()["adopted"] is True
    assert len(_new(cw)) == 1
    assert sum(f"Related ticket #{ticket['id']}" in n["text"] for n in cw.notes(1001)) == 1
    spun = [e for e in await timeline(client, tenant, sid) if e["type"] == "ticket_spun_off"]
    assert len(spun) == 1


async def test_a_refused_spin_off_leaves_nothing_behind(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    # A session without a ticket: no company to copy, and ConnectWise requires one.
    r = await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "x"})
    sid = r.json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/spin-off", headers=tenant.engineer.headers, json={"summary": "y"}
    )
    assert r.status_code == 422, r.text
    assert "company" in r.json()["detail"]
    assert _new(cw) == []
    assert not [e for e in await timeline(client, tenant, sid) if e["type"] == "ticket_spun_off"]


async def test_who_may_spin_off(
    client: AsyncClient, tenant: Tenant, other_tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    url = f"/api/v1/sessions/{session['id']}/spin-off"
    body = {"summary": "Second problem"}
    assert (await client.post(url, headers=tenant.viewer.headers, json=body)).status_code == 403
    # Another account's session does not exist for them.
    r = await client.post(url, headers=other_tenant.engineer.headers, json=body)
    assert r.status_code == 404
    assert _new(cw) == []
    # A team admin may spin off an engineer's session.
    r = await client.post(url, headers=tenant.admin.headers, json=body)
    assert r.status_code == 201, r.text
    assert len(_new(cw)) == 1
