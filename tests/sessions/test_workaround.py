"""The workaround outcome: a resolved session whose outcome says the cause is still there. It
shows on the session, in the list filters, in the note, in analytics and in the PSA status
mapping."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from httpx import AsyncClient

from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant
from tests.psa.conftest import connect
from tests.sessions.flows import send, start


async def _resolve(client: AsyncClient, tenant: Tenant, session_id: str, **body: Any) -> None:
    r = await send(client, tenant, session_id, type="resolve", **body)
    assert r.status_code == 201, r.text


async def test_a_workaround_is_a_resolved_session_with_its_outcome(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    a = await start(client, tenant, None, title="Printer offline")
    b = await start(client, tenant, None, title="Outlook crashes")
    await _resolve(
        client, tenant, a["id"], outcome="workaround", summary="Printing to PDF until HP visits"
    )
    await _resolve(client, tenant, b["id"], summary="Repaired Office")

    got = (await client.get(f"/api/v1/sessions/{a['id']}", headers=tenant.engineer.headers)).json()
    assert (got["status"], got["outcome"]) == ("resolved", "workaround")
    [ended] = [e for e in got["timeline"] if e["type"] == "resolved"]
    assert ended["payload"]["outcome"] == "workaround"
    other = (
        await client.get(f"/api/v1/sessions/{b['id']}", headers=tenant.engineer.headers)
    ).json()
    assert (other["status"], other["outcome"]) == ("resolved", "resolved")

    h = tenant.engineer.headers
    listed = (
        await client.get("/api/v1/sessions", headers=h, params={"outcome": "workaround"})
    ).json()
    assert [(i["title"], i["outcome"]) for i in listed["items"]] == [
        ("Printer offline", "workaround")
    ]
    resolved = (
        await client.get("/api/v1/sessions", headers=h, params={"status": "resolved"})
    ).json()
    assert sorted(i["title"] for i in resolved["items"]) == ["Outlook crashes", "Printer offline"]
    r = await client.get("/api/v1/sessions", headers=h, params={"outcome": "fixed-ish"})
    assert r.status_code == 422 and "outcome" in r.text


async def test_resolve_refuses_an_unknown_outcome(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    s = await start(client, tenant, None)
    r = await send(client, tenant, s["id"], type="resolve", outcome="abandoned")
    assert r.status_code == 422
    assert any("outcome" in err["loc"] for err in r.json()["errors"])


async def test_the_note_says_a_workaround_is_in_place(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    s = await start(client, tenant, None, title="Printer offline")
    await _resolve(client, tenant, s["id"], outcome="workaround", summary="Printing to PDF")
    for fmt in ("markdown", "text", "html"):
        r = await client.get(
            f"/api/v1/sessions/{s['id']}/documentation",
            headers=tenant.engineer.headers,
            params={"format": fmt},
        )
        assert r.status_code == 200
        assert "with a workaround" in r.text, fmt
        assert "Printing to PDF" in r.text


async def test_analytics_count_workarounds_among_resolved(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    for title, outcome in (("A", "workaround"), ("B", "resolved"), ("C", "resolved")):
        s = await start(client, tenant, None, title=title)
        await _resolve(client, tenant, s["id"], outcome=outcome)
    await send(client, tenant, (await start(client, tenant, None))["id"], type="abandon")
    today = datetime.now(UTC).date().isoformat()
    r = await client.get(
        "/api/v1/analytics/overview",
        headers=tenant.admin.headers,
        params={"from": today, "to": today},
    )
    assert r.status_code == 200, r.text
    o = r.json()
    assert (o["sessions"], o["resolved"]) == (4, 3)
    assert o["workaround_rate"] == 0.25
    # by_outcome splits them out so its six counts still add up to `sessions`.
    assert (o["by_outcome"]["resolved"], o["by_outcome"]["workaround"]) == (2, 1)


async def test_a_workaround_maps_to_its_own_ticket_status(
    client: AsyncClient, factory: Factory, cw: FakeConnectWise, app: Any
) -> None:
    tenant = await factory.tenant()
    saved = await connect(
        client,
        tenant,
        cw,
        push_on_resolve=True,
        status_on_resolve={"Help Desk": "Resolved"},
        status_on_workaround={"*": "Waiting on Client"},
    )
    assert saved["status_on_workaround"] == {"*": "Waiting on Client"}
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "x", "ticket_id": "1001"},
    )
    await _resolve(client, tenant, r.json()["id"], outcome="workaround", summary="Vendor fix due")
    await app.state.psa_outbox.run_due()
    assert cw.ticket(1001)["status"]["name"] == "Waiting on Client"


async def test_without_its_own_mapping_a_workaround_maps_as_resolved(
    client: AsyncClient, factory: Factory, cw: FakeConnectWise, app: Any
) -> None:
    tenant = await factory.tenant()
    saved = await connect(
        client, tenant, cw, push_on_resolve=True, status_on_resolve={"Help Desk": "Resolved"}
    )
    assert saved["status_on_workaround"] is None
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "x", "ticket_id": "1001"},
    )
    await _resolve(client, tenant, r.json()["id"], outcome="workaround")
    await app.state.psa_outbox.run_due()
    assert cw.ticket(1001)["status"]["name"] == "Resolved"
