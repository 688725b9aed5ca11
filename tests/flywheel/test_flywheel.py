"""The knowledge flywheel through the API: proposals from sessions, reinforcement, review
(approve, reject), coverage gaps, and that nothing crosses accounts."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import errors_only, validate
from resolutionflow.jobs.runner import Worker
from tests.fixtures.factories import Factory, Tenant

PRINTER = [
    ("Printer on floor 2 shows offline", ["Is the printer powered on? Yes", "Cleared the print queue", "Restarted the print spooler service"], "Restarted the spooler; printing works"),
    ("Printer offline for accounting", ["Is the printer powered on? Yes", "Cleared stuck print queue jobs", "Restarted print spooler"], "Spooler restarted, printer back online"),
    ("HP printer offline in Windows", ["Is the printer powered on? Yes", "Cleared the print queue", "Restart the print spooler service"], "Restarted the print spooler"),
    ("Printer offline after update", ["Is the printer powered on? Yes", "Clear the print queue", "Restarted the spooler service"], "Restarted spooler service"),
    ("Network printer offline", ["Is the printer powered on? Yes", "Cleared the queue of the printer", "Restarted the print spooler service"], "Print spooler restarted; fixed"),
]  # fmt: skip
SIXTH = ("Printer offline again on floor 3", ["Is the printer powered on? Yes", "Cleared the print queue", "Restarted the print spooler"], "Restarted the spooler")  # fmt: skip


async def freeform(
    client: AsyncClient, tenant: Tenant, title: str, notes: list[str], summary: str
) -> str:
    h = tenant.engineer.headers
    r = await client.post("/api/v1/sessions", headers=h, json={"title": title})
    assert r.status_code == 201, r.text
    sid = str(r.json()["id"])
    for note in notes:
        r = await client.post(
            f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "note", "text": note}
        )
        assert r.status_code in (200, 201), r.text
    r = await client.post(
        f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "resolve", "summary": summary}
    )
    assert r.status_code in (200, 201), r.text
    return sid


async def run(client: AsyncClient, app: FastAPI, tenant: Tenant) -> None:
    r = await client.post("/api/v1/proposals/run", headers=tenant.admin.headers)
    assert r.status_code == 202, r.text
    assert r.json()["job_id"]
    await Worker(app.state.sessionmaker).run_due()


async def listing(
    client: AsyncClient, tenant: Tenant, status: str = "open"
) -> list[dict[str, Any]]:
    r = await client.get(f"/api/v1/proposals?status={status}", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


async def test_five_similar_sessions_give_one_new_flow_and_a_sixth_reinforces_it(
    client: AsyncClient, app: FastAPI, tenant: Tenant
) -> None:
    ids = [await freeform(client, tenant, *case) for case in PRINTER]
    await run(client, app, tenant)
    items = await listing(client, tenant)
    assert len(items) == 1, items
    (proposal,) = items
    assert proposal["kind"] == "new_flow"
    assert {e["session_id"] for e in proposal["evidence"]} == set(ids)
    assert proposal["evidence_count"] == 5
    assert 0 < proposal["confidence"] < 1
    # Made today: "in 1 day", not "in 1 days".
    assert "5 sessions in 1 day were about" in proposal["rationale"]
    doc = FlowDocument.model_validate(proposal["draft"]["document"])
    assert errors_only(validate(doc)) == []
    titles = " ".join(n.title.lower() for n in doc.nodes)
    assert "spooler" in titles and "queue" in titles
    assert any(n.type == "question" for n in doc.nodes)

    sixth = await freeform(client, tenant, *SIXTH)
    await run(client, app, tenant)
    items = await listing(client, tenant)
    assert len(items) == 1, items
    assert items[0]["id"] == proposal["id"]
    assert items[0]["evidence_count"] == 6
    assert items[0]["reinforced_count"] == 1
    assert sixth in {e["session_id"] for e in items[0]["evidence"]}


async def test_approve_creates_a_draft_that_validates(
    client: AsyncClient, app: FastAPI, tenant: Tenant
) -> None:
    for case in PRINTER:
        await freeform(client, tenant, *case)
    await run(client, app, tenant)
    (proposal,) = await listing(client, tenant)
    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/approve", headers=tenant.engineer.headers
    )
    assert r.status_code == 403
    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/approve", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    flow_id = r.json()["flow_id"]
    assert r.json()["draft_version"] >= 1
    r = await client.get(f"/api/v1/flows/{flow_id}", headers=tenant.admin.headers)
    doc = FlowDocument.model_validate(r.json()["draft"])
    assert errors_only(validate(doc)) == []
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text
    assert await listing(client, tenant) == []
    (approved,) = await listing(client, tenant, "approved")
    assert approved["result_flow_id"] == flow_id


async def test_a_rejected_proposal_is_not_proposed_again(
    client: AsyncClient, app: FastAPI, tenant: Tenant
) -> None:
    for case in PRINTER[:4]:
        await freeform(client, tenant, *case)
    await run(client, app, tenant)
    (proposal,) = await listing(client, tenant)
    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/reject", headers=tenant.admin.headers, json={}
    )
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "reason" in r.text
    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/reject",
        headers=tenant.admin.headers,
        json={"reason": "We replace these printers next month"},
    )
    assert r.status_code == 200, r.text
    for case in [PRINTER[4], SIXTH]:
        await freeform(client, tenant, *case)
    await run(client, app, tenant)
    assert await listing(client, tenant) == []
    (rejected,) = await listing(client, tenant, "rejected")
    assert rejected["reject_reason"] == "We replace these printers next month"


async def test_a_dismissed_proposal_comes_back_with_new_evidence(
    client: AsyncClient, app: FastAPI, tenant: Tenant
) -> None:
    for case in PRINTER[:4]:
        await freeform(client, tenant, *case)
    await run(client, app, tenant)
    (proposal,) = await listing(client, tenant)
    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/dismiss", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    assert await listing(client, tenant) == []
    await run(client, app, tenant)
    assert await listing(client, tenant) == []
    await freeform(client, tenant, *PRINTER[4])
    await run(client, app, tenant)
    (back,) = await listing(client, tenant)
    assert back["id"] == proposal["id"] and back["evidence_count"] == 5


async def _pilot(client: AsyncClient, tenant: Tenant, text: str) -> str:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": text[:60], "mode": "pilot", "intake": {"text": text}},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


SCANNER = [
    "Scanner to email fails with SMTP authentication error on the Ricoh copier",
    "Ricoh copier scan to email stopped working, SMTP auth error",
    "Scan to email on the copier fails: SMTP authentication failed",
]


async def test_gap_clusters_come_from_pilot_sessions_that_matched_no_flow(
    client: AsyncClient, tenant: Tenant
) -> None:
    ids = [await _pilot(client, tenant, text) for text in SCANNER]
    r = await client.get("/api/v1/knowledge/gaps", headers=tenant.viewer.headers)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    top = items[0]
    assert top["count"] == 3
    assert set(top["session_ids"]) == set(ids)
    assert top["sources"] == {"pilot_no_match": 3}
    assert top["label"] and top["examples"] and top["last_seen"]
    assert top["trend"]["direction"] == "rising"
    assert [e["name"] for e in top["engineers"]] == [tenant.engineer.name]
    r = await client.post(
        "/api/v1/knowledge/gaps/draft",
        headers=tenant.engineer.headers,
        json={"session_ids": top["session_ids"]},
    )
    assert r.status_code == 201, r.text
    r = await client.get(f"/api/v1/flows/{r.json()['flow_id']}", headers=tenant.engineer.headers)
    assert errors_only(validate(FlowDocument.model_validate(r.json()["draft"]))) == []


async def test_another_accounts_sessions_never_appear(
    client: AsyncClient, app: FastAPI, factory: Factory, tenant: Tenant
) -> None:
    other = await factory.tenant()
    theirs = [await freeform(client, other, *case) for case in PRINTER]
    their_gaps = [await _pilot(client, other, text) for text in SCANNER]
    await freeform(client, tenant, *PRINTER[0])
    await run(client, app, tenant)
    await run(client, app, other)
    mine = [
        p
        for status in ("open", "approved", "dismissed", "rejected")
        for p in await listing(client, tenant, status)
    ]
    seen = {e["session_id"] for p in mine for e in p["evidence"]}
    assert seen.isdisjoint(theirs)
    r = await client.get("/api/v1/knowledge/gaps", headers=tenant.admin.headers)
    assert all(set(g["session_ids"]).isdisjoint(their_gaps) for g in r.json()["items"])
    (their_proposal,) = await listing(client, other)
    for verb in ("approve", "dismiss"):
        r = await client.post(
            f"/api/v1/proposals/{their_proposal['id']}/{verb}", headers=tenant.admin.headers
        )
        assert r.status_code == 404
    r = await client.post(
        "/api/v1/knowledge/gaps/draft",
        headers=tenant.admin.headers,
        json={"session_ids": their_gaps},
    )
    assert r.status_code == 404


async def test_bad_input_is_a_problem_naming_the_field(client: AsyncClient, tenant: Tenant) -> None:
    r = await client.get("/api/v1/proposals?status=maybe", headers=tenant.admin.headers)
    assert r.status_code == 422 and "status" in r.text
    r = await client.post(
        "/api/v1/knowledge/gaps/draft", headers=tenant.admin.headers, json={"session_ids": []}
    )
    assert r.status_code == 422 and "session_ids" in r.text
