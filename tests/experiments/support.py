"""Flows with two versions to test, and sessions run to an outcome, through the API."""

from __future__ import annotations

import copy
from typing import Any

from httpx import AsyncClient

from tests.fixtures.factories import Tenant, unique

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "kind": "troubleshooting",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Does it ping?"},
        {"id": "ok", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        {"id": "no", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "no", "label": "No"},
    ],
}


def changed(doc: dict[str, Any], title: str = "Power-cycle the printer") -> dict[str, Any]:
    """The same flow with an action step before the question (what variant B tries)."""
    out = copy.deepcopy(doc)
    out["nodes"].append({"id": "cycle", "type": "action", "title": title})
    out["edges"].append({"source": "cycle", "target": out["start"], "label": ""})
    out["start"] = "cycle"
    return out


async def new_flow(client: AsyncClient, tenant: Tenant, *, publish: bool = True) -> str:
    body = {**FLOW, "title": unique("Printer offline")}
    r = await client.post("/api/v1/flows", headers=tenant.admin.headers, json=body)
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    if publish:
        await publish_flow(client, tenant, flow_id)
    return flow_id


async def publish_flow(client: AsyncClient, tenant: Tenant, flow_id: str) -> int:
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text
    return int(r.json()["version"])


async def save_draft(
    client: AsyncClient, tenant: Tenant, flow_id: str, doc: dict[str, Any]
) -> None:
    r = await client.put(f"/api/v1/flows/{flow_id}/draft", headers=tenant.admin.headers, json=doc)
    assert r.status_code == 200, r.text


async def flow_with_draft(client: AsyncClient, tenant: Tenant) -> str:
    """A flow published as version 1, with a draft that adds a step."""
    flow_id = await new_flow(client, tenant)
    flow = (await client.get(f"/api/v1/flows/{flow_id}", headers=tenant.admin.headers)).json()
    await save_draft(client, tenant, flow_id, changed(flow["draft"]))
    return flow_id


async def start_test(
    client: AsyncClient, tenant: Tenant, flow_id: str, **body: Any
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments",
        headers=tenant.admin.headers,
        json=body or {"use_draft": True},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def start_session(
    client: AsyncClient, tenant: Tenant, flow_id: str, ticket_id: str | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"title": "Printer", "flow_id": flow_id}
    if ticket_id is not None:
        body["ticket_id"] = ticket_id
    r = await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def session_detail(client: AsyncClient, tenant: Tenant, session_id: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/sessions/{session_id}", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def finish(
    client: AsyncClient, tenant: Tenant, session_id: str, how: str = "resolve"
) -> None:
    r = await client.post(
        f"/api/v1/sessions/{session_id}/events",
        headers=tenant.engineer.headers,
        json={"type": how, **({"summary": "Still broken"} if how == "mark_unresolved" else {})},
    )
    assert r.status_code in (200, 201), r.text
