"""Small flows the session tests run, covering every node type."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.fixtures.factories import Tenant


def doc(
    title: str, start: str, nodes: list[dict[str, Any]], edges: list[tuple[str, str, str]]
) -> dict[str, Any]:
    return {
        "format": "resolutionflow.flow/1",
        "title": title,
        "kind": "troubleshooting",
        "start": start,
        "nodes": nodes,
        "edges": [{"source": s, "target": t, "label": label} for s, t, label in edges],
    }


EVERY_TYPE = doc(
    "Mapped drive missing",
    "q",
    [
        {"id": "q", "type": "question", "title": "Does the share open by UNC path?"},
        {"id": "code", "type": "input", "title": "Error shown?", "variable": "error_code"},
        {
            "id": "pre",
            "type": "checklist",
            "title": "Before remapping",
            "items": ["Close Explorer windows", "Note the drive letter"],
        },
        {
            "id": "act",
            "type": "action",
            "title": "Remap with error {{error_code}}",
            "body": "Run `net use Z: \\\\fs01\\data /persistent:yes`",
        },
        {"id": "ok", "type": "resolution", "title": "Drive back", "outcome": "resolved"},
        {"id": "esc", "type": "resolution", "title": "Server-side problem", "outcome": "escalate"},
    ],
    [
        ("q", "code", "Yes"),
        ("q", "esc", "No"),
        ("code", "pre", ""),
        ("pre", "act", ""),
        ("act", "ok", ""),
    ],
)

CHILD = doc(
    "Clear credential manager",
    "c1",
    [
        {"id": "c1", "type": "action", "title": "Remove saved credentials for fs01"},
        {"id": "c2", "type": "resolution", "title": "Credentials cleared", "outcome": "resolved"},
    ],
    [("c1", "c2", "")],
)


def parent(child_id: str) -> dict[str, Any]:
    return doc(
        "Drive asks for password",
        "p1",
        [
            {"id": "p1", "type": "subflow", "title": "Clear old credentials", "flow_id": child_id},
            {"id": "p2", "type": "action", "title": "Sign out and back in"},
            {"id": "p3", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        ],
        [("p1", "p2", ""), ("p2", "p3", "")],
    )


async def publish(client: AsyncClient, tenant: Tenant, document: dict[str, Any]) -> str:
    r = await client.post("/api/v1/flows", headers=tenant.admin.headers, json=document)
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text
    return flow_id


async def start(
    client: AsyncClient, tenant: Tenant, flow_id: str | None, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {"title": "Z: drive gone for Dana", **extra}
    if flow_id:
        body["flow_id"] = flow_id
    r = await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def send(client: AsyncClient, tenant: Tenant, session_id: str, **event: Any):  # type: ignore[no-untyped-def]
    return await client.post(
        f"/api/v1/sessions/{session_id}/events", headers=tenant.engineer.headers, json=event
    )
