"""Creating a ticket in the team's PSA: once, however often it is retried; a refusal creates
nothing and says what the PSA said."""

from __future__ import annotations

import asyncio
from typing import Any

from httpx import AsyncClient

from tests.auth.support import audit_events
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect, timeline

URL = "/api/v1/psa/tickets"


def _new(cw: FakeConnectWise) -> list[dict[str, Any]]:
    return [t for t in cw.tickets() if t["id"] > 10000]


async def test_a_ticket_is_created_in_the_teams_connectwise(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    r = await client.post(
        URL,
        headers={**tenant.engineer.headers, "Idempotency-Key": "k-1"},
        json={
            "summary": "Scanner on reception not scanning to e-mail",
            "description": "Since this morning; the display says SMTP error.",
            "company_id": "250",
            "board_id": "1",
            "priority": "2",
            "type_id": "11",
            "contact_id": "301",
        },
    )
    assert r.status_code == 201, r.text
    body = r.json()
    [ticket] = _new(cw)
    assert body["ticket_id"] == str(ticket["id"]) and body["adopted"] is False
    assert "service_recid=" + body["ticket_id"] in body["url"]
    assert ticket["summary"] == "Scanner on reception not scanning to e-mail"
    assert (ticket["company"]["name"], ticket["board"]["name"]) == ("Acme Corporation", "Help Desk")
    assert (ticket["priority"]["name"], ticket["type"]["name"]) == ("Priority 2 - High", "Incident")
    assert ticket["contactName"] == "Jane Doe"
    assert ticket["externalXRef"].startswith("RF-")
    assert "SMTP error" in cw.notes(ticket["id"])[0]["text"]
    # Done in the client's PSA in the engineer's name: on the account's audit log.
    [event] = await audit_events(client, tenant.admin.headers, "psa.ticket_created")
    assert event["actor_email"] == tenant.engineer.email
    assert event["target_id"] == body["ticket_id"]
    assert event["detail"] == {"connection": "ConnectWise PSA", "adopted": False}


async def test_the_same_idempotency_key_returns_the_same_ticket(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    headers = {**tenant.engineer.headers, "Idempotency-Key": "same"}
    body = {"summary": "Mailbox full", "company_id": "251"}
    first = await client.post(URL, headers=headers, json=body)
    again = await client.post(URL, headers=headers, json=body)
    assert (first.status_code, again.status_code) == (201, 201)
    assert first.json()["ticket_id"] == again.json()["ticket_id"]
    assert again.json()["adopted"] is True
    assert len(_new(cw)) == 1
    # Another key is another ticket.
    other = await client.post(
        URL, headers={**tenant.engineer.headers, "Idempotency-Key": "other"}, json=body
    )
    assert other.json()["ticket_id"] != first.json()["ticket_id"]
    assert len(_new(cw)) == 2


async def test_a_lost_answer_is_found_by_its_marker_not_created_twice(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, quick_psa: None
) -> None:
    await connect(client, tenant, cw)
    headers = {**tenant.engineer.headers, "Idempotency-Key": "lost-1"}
    body = {"summary": "Teams calls drop after a minute", "company_id": "250"}
    cw.store_ticket_then_stall(3)  # stored, then answers after the client gave up
    r = await client.post(URL, headers=headers, json=body)
    assert r.status_code == 201, r.text
    assert r.json()["adopted"] is True
    [ticket] = _new(cw)
    assert r.json()["ticket_id"] == str(ticket["id"])


async def test_a_retry_after_a_failed_create_leaves_one_ticket(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, quick_psa: None
) -> None:
    await connect(client, tenant, cw)
    headers = {**tenant.engineer.headers, "Idempotency-Key": "lost-2"}
    body = {"summary": "Teams calls drop after a minute", "company_id": "250"}
    cw.store_ticket_then_stall(3)
    attempt = asyncio.create_task(client.post(URL, headers=headers, json=body))
    for _ in range(200):
        if _new(cw):
            break
        await asyncio.sleep(0.02)
    # Stored; and now ConnectWise stops answering reads, so the lookup after the lost answer
    # fails too: the engineer sees a failure...
    cw.down = True
    r = await attempt
    assert r.status_code == 502, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    cw.down = False
    # ...and retries: the ticket stored the first time is returned, none is added.
    again = await client.post(URL, headers=headers, json=body)
    assert again.status_code == 201, again.text
    assert again.json()["adopted"] is True
    [ticket] = _new(cw)
    assert again.json()["ticket_id"] == str(ticket["id"])
    posts = [
        x for x in cw.api_requests() if x["method"] == "POST" and x["path"] == "/service/tickets"
    ]
    assert len(posts) == 1


async def test_a_missing_required_field_is_refused_in_the_psas_words(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    session_count = len(
        (await client.get("/api/v1/sessions", headers=tenant.engineer.headers)).json()["items"]
    )
    r = await client.post(URL, headers=tenant.engineer.headers, json={"summary": "No company"})
    assert r.status_code == 422, r.text
    problem = r.json()
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "The company field is required" in problem["detail"]
    assert problem["errors"][0]["kind"] == "invalid"
    assert _new(cw) == []
    after = (await client.get("/api/v1/sessions", headers=tenant.engineer.headers)).json()
    assert len(after["items"]) == session_count


async def test_a_permission_refusal_says_so_and_creates_nothing(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    cw.fail_next(
        403,
        method="POST",
        path_contains="/service/tickets",
        message="You do not have permission to add service tickets.",
    )
    r = await client.post(
        URL, headers=tenant.engineer.headers, json={"summary": "x", "company_id": "250"}
    )
    assert r.status_code == 502, r.text
    assert r.json()["errors"][0]["kind"] == "permission"
    assert "permission to add service tickets" in r.json()["detail"]
    assert _new(cw) == []


async def test_a_ticket_opens_a_session_linked_to_it(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    r = await client.post(
        URL,
        headers={**tenant.engineer.headers, "Idempotency-Key": "s1"},
        json={"summary": "Printer jams", "company_id": "250"},
    )
    ticket_id = r.json()["ticket_id"]
    s = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "Printer jams", "ticket_id": ticket_id},
    )
    assert s.status_code == 201, s.text
    linked = [
        e for e in await timeline(client, tenant, s.json()["id"]) if e["type"] == "ticket_linked"
    ]
    assert linked[0]["payload"]["ticket_id"] == ticket_id
    assert linked[0]["payload"]["company"] == "Acme Corporation"


async def test_roles_and_no_psa(
    client: AsyncClient, tenant: Tenant, other_tenant: Tenant, cw: FakeConnectWise
) -> None:
    body = {"summary": "x", "company_id": "250"}
    r = await client.post(URL, headers=tenant.engineer.headers, json=body)
    assert r.status_code == 409 and r.json()["type"].endswith("psa-not-configured")
    await connect(client, tenant, cw)
    r = await client.post(URL, headers=tenant.viewer.headers, json=body)
    assert r.status_code == 403
    # The other account has no PSA of its own: it never reaches this one's.
    r = await client.post(URL, headers=other_tenant.engineer.headers, json=body)
    assert r.status_code == 409
    assert _new(cw) == []
    r = await client.post(URL, headers=tenant.engineer.headers, json={"summary": ""})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "summary"]
