"""The ticket desk on Autotask: the queue (queues as boards, the assigned resource as "mine"),
the form's picklists, a refusal in Autotask's words, a create that a retry does not repeat, and a
spin-off linked both ways."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from httpx import AsyncClient

from tests.fakes import autotask as at_fake
from tests.fixtures.factories import Tenant
from tests.psa.conftest import start, timeline

QUEUE = "/api/v1/psa/tickets/queue"


@pytest.fixture(scope="module")
def _at_server() -> Iterator[at_fake.FakeAutotask]:
    with at_fake.FakeAutotask() as server:
        yield server


@pytest.fixture
async def at(
    client: AsyncClient, tenant: Tenant, _at_server: at_fake.FakeAutotask
) -> at_fake.FakeAutotask:
    _at_server.reset()
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={
            "provider": "autotask",
            "username": at_fake.USERNAME,
            "secret": at_fake.SECRET,
            "integration_code": at_fake.INTEGRATION_CODE,
            "zone_url": _at_server.url + "/atservicesrest/",
        },
    )
    assert r.status_code == 200, r.text
    return _at_server


def _new(at: at_fake.FakeAutotask) -> list[dict[str, Any]]:
    return [t for t in at.tickets.values() if t["id"] not in (5001, 5002, 5003)]


async def test_the_queue_and_the_forms_choices(
    client: AsyncClient, tenant: Tenant, at: at_fake.FakeAutotask
) -> None:
    h = tenant.engineer.headers
    r = await client.get(QUEUE + "?view=team", headers=h)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert [t["id"] for t in items] == ["5002", "5001"]  # 5003 is Complete
    assert (items[1]["company"], items[1]["board"], items[1]["status"], items[1]["priority"]) == (
        "Contoso Dental", "Level I Support", "New", "Medium"
    )  # fmt: skip
    r = await client.get(QUEUE + "?view=team&company_id=102", headers=h)
    assert [t["id"] for t in r.json()["items"]] == ["5002"]
    r = await client.get(QUEUE + "?view=team&status=In%20Progress", headers=h)
    assert [t["id"] for t in r.json()["items"]] == ["5002"]
    r = await client.get(QUEUE + "?view=team&q=outlook", headers=h)
    assert [t["id"] for t in r.json()["items"]] == ["5001"]

    at.tickets[5001]["assignedResourceID"] = at_fake.ENGINEER_ID
    r = await client.put(
        f"/api/v1/integrations/psa/members/{tenant.engineer.id}",
        headers=tenant.admin.headers,
        json={"member_id": str(at_fake.ENGINEER_ID)},
    )
    assert r.status_code == 200, r.text
    r = await client.get(QUEUE + "?view=mine", headers=h)
    assert [t["id"] for t in r.json()["items"]] == ["5001"]

    r = await client.get("/api/v1/psa/tickets/options", headers=h)
    assert r.status_code == 200, r.text
    o = r.json()
    assert [b["name"] for b in o["boards"]] == ["Level I Support", "Level II Support"]
    assert "Incident" in [t["name"] for t in o["types"]]
    assert [c["name"] for c in o["companies"]] == ["Contoso Dental", "Fabrikam Legal"]


async def test_create_refusal_retry_and_spin_off(
    client: AsyncClient, tenant: Tenant, at: at_fake.FakeAutotask
) -> None:
    h = tenant.engineer.headers
    r = await client.post("/api/v1/psa/tickets", headers=h, json={"summary": "No company"})
    assert r.status_code == 422, r.text
    assert "Missing Required Field: companyID" in r.json()["detail"]
    assert _new(at) == []

    headers = {**h, "Idempotency-Key": "at-1"}
    body = {"summary": "Scanner offline", "company_id": "101", "type_id": "2", "contact_id": "201"}
    first = await client.post("/api/v1/psa/tickets", headers=headers, json=body)
    assert first.status_code == 201, first.text
    again = await client.post("/api/v1/psa/tickets", headers=headers, json=body)
    assert again.json()["ticket_id"] == first.json()["ticket_id"] and again.json()["adopted"]
    [ticket] = _new(at)
    assert (ticket["companyID"], ticket["queueID"], ticket["ticketType"]) == (101, 29682833, 2)
    assert (ticket["status"], ticket["priority"]) == (1, 2)  # New, Medium

    session = await start(client, tenant, "5001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/spin-off",
        headers=h,
        json={"summary": "Front desk printer also offline"},
    )
    assert r.status_code == 201, r.text
    spun = at.tickets[int(r.json()["ticket_id"])]
    assert (spun["companyID"], spun["queueID"], spun["contactID"]) == (101, 29682833, 201)
    assert "Related to ticket #5001" in spun["description"]
    note = at.notes(5001)[-1]
    assert f"Related ticket #{spun['id']}" in note["description"]
    assert r.json()["original_noted"] is True
    entries = [
        e for e in await timeline(client, tenant, session["id"]) if e["type"] == "ticket_spun_off"
    ]
    assert entries[0]["payload"]["ticket_id"] == str(spun["id"])
