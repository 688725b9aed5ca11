"""enhancement and branch_addition proposals through the API: runs of a published flow that
end with the same fix after the flow's end, and runs that answer a question with an answer it
does not offer (the approach of tests/e2e/test_review_queue.py, in-process)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import errors_only, validate
from tests.fixtures.factories import Factory, Tenant
from tests.flywheel.test_flywheel import listing, run

FIXES = [
    "Cleared the badge reader cache",
    "Cleared the cache of the badge reader",
    "Clear the badge reader cache",
]
ANSWERS = [
    "It blinks red twice",
    "The reader blinks red twice",
    "Blinks red twice",
]


def _flow(title: str) -> dict[str, Any]:
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
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


async def _published(client: AsyncClient, tenant: Tenant) -> str:
    h = tenant.admin.headers
    r = await client.post("/api/v1/flows", headers=h, json=_flow("Badge reader rejects a card"))
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=h, json={})
    assert r.status_code == 200, r.text
    return flow_id


async def _event(client: AsyncClient, tenant: Tenant, sid: str, body: dict[str, Any]) -> None:
    r = await client.post(
        f"/api/v1/sessions/{sid}/events", headers=tenant.engineer.headers, json=body
    )
    assert r.status_code in (200, 201), r.text


async def _start(client: AsyncClient, tenant: Tenant, flow_id: str, title: str) -> str:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": title, "flow_id": flow_id},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


def _valid(document: dict[str, Any]) -> FlowDocument:
    doc = FlowDocument.model_validate(document)
    assert errors_only(validate(doc)) == []
    return doc


async def test_the_same_fix_after_the_end_gives_an_enhancement_whose_draft_has_the_fix(
    client: AsyncClient, app: FastAPI, tenant: Tenant
) -> None:
    flow_id = await _published(client, tenant)
    sessions = []
    for n, fix in enumerate(FIXES, 1):
        sid = await _start(client, tenant, flow_id, f"Badge refused at door {n}")
        await _event(client, tenant, sid, {"type": "answer", "node_id": "q1", "answer": "Yes"})
        await _event(client, tenant, sid, {"type": "answer", "node_id": "a1", "answer": ""})
        await _event(client, tenant, sid, {"type": "note", "text": fix})
        await _event(client, tenant, sid, {"type": "resolve", "summary": "Works after the fix"})
        sessions.append(sid)
    await run(client, app, tenant)

    (proposal,) = await listing(client, tenant)
    assert proposal["kind"] == "enhancement"
    assert {e["session_id"] for e in proposal["evidence"]} == set(sessions)
    assert proposal["evidence_count"] == 3
    assert "after this flow's last step" in proposal["rationale"]
    proposed = _valid(proposal["draft"]["document"])
    fix_nodes = [n for n in proposed.nodes if "badge reader cache" in n.title.lower()]
    assert len(fix_nodes) == 1
    assert proposal["draft"]["diff"]

    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/approve", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["flow_id"] == flow_id
    assert r.json()["draft_version"] >= 1
    r = await client.get(f"/api/v1/flows/{flow_id}", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    draft = _valid(r.json()["draft"])
    (fix,) = [n for n in draft.nodes if "badge reader cache" in n.title.lower()]
    # The fix comes after the flow's last step and before its end.
    assert {(e.source, e.target) for e in draft.edges} >= {("a1", fix.id), (fix.id, "r1")}
    assert ("a1", "r1") not in {(e.source, e.target) for e in draft.edges}
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text
    (approved,) = await listing(client, tenant, "approved")
    assert approved["id"] == proposal["id"]


async def test_a_frequent_answer_the_question_lacks_gives_a_branch_addition(
    client: AsyncClient, app: FastAPI, tenant: Tenant
) -> None:
    flow_id = await _published(client, tenant)
    sessions = []
    for n, answer in enumerate(ANSWERS, 1):
        sid = await _start(client, tenant, flow_id, f"Badge refused at gate {n}")
        # At the question "Does the reader light up?" the engineer notes an answer it lacks.
        await _event(client, tenant, sid, {"type": "note", "text": answer})
        await _event(client, tenant, sid, {"type": "resolve", "summary": "Replaced the reader"})
        sessions.append(sid)
    await run(client, app, tenant)

    (proposal,) = await listing(client, tenant)
    assert proposal["kind"] == "branch_addition"
    assert {e["session_id"] for e in proposal["evidence"]} == set(sessions)
    assert "which the question does not offer" in proposal["rationale"]
    proposed = _valid(proposal["draft"]["document"])
    labels = {e.label.lower() for e in proposed.edges if e.source == "q1"}
    assert {"yes", "no"} < labels
    (new,) = labels - {"yes", "no"}
    assert "blinks red twice" in new
    # The new answer leads to a new end.
    (edge,) = [e for e in proposed.edges if e.source == "q1" and e.label.lower() == new]
    target = next(n for n in proposed.nodes if n.id == edge.target)
    assert target.id not in {"q1", "a1", "r1", "r2"} and target.type == "resolution"

    r = await client.post(
        f"/api/v1/proposals/{proposal['id']}/approve", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["flow_id"] == flow_id
    r = await client.get(f"/api/v1/flows/{flow_id}", headers=tenant.admin.headers)
    draft = _valid(r.json()["draft"])
    assert any("blinks red twice" in e.label.lower() for e in draft.edges if e.source == "q1")
