"""Helpers for maintenance tests: a published maintenance flow that reads target fields, target
lists and batches made through the API."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Person, Tenant, unique

PATCH_FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Patch a server",
    "kind": "maintenance",
    "start": "c1",
    "nodes": [
        {
            "id": "c1",
            "type": "checklist",
            "title": "Pre-checks on {{target.label}}",
            "body": "Connect to {{ target.ip }} ({{target.os}}) for {{target.client}}.",
            "items": ["Backup of {{target.label}} succeeded", "Snapshot taken"],
        },
        {"id": "q1", "type": "question", "title": "Did {{target.label}} need a reboot?"},
        {"id": "a1", "type": "action", "title": "Reboot {{target.label}}"},
        {"id": "r1", "type": "resolution", "title": "Patched", "outcome": "resolved"},
    ],
    "edges": [
        {"source": "c1", "target": "q1", "label": ""},
        {"source": "q1", "target": "a1", "label": "Yes"},
        {"source": "q1", "target": "r1", "label": "No"},
        {"source": "a1", "target": "r1", "label": ""},
    ],
}

TARGETS: list[dict[str, Any]] = [
    {"label": "FAB-DC01", "client": "Fabrikam", "fields": {"ip": "10.1.0.10", "os": "Windows Server 2022"}},
    {"label": "FAB-FS01", "client": "Fabrikam", "fields": {"ip": "10.1.0.11", "os": "Windows Server 2019"}},
    {"label": "CON-SQL01", "client": "Contoso", "fields": {"ip": "10.2.0.5", "os": "Windows Server 2022"}},
]  # fmt: skip


async def publish_flow(
    client: AsyncClient, tenant: Tenant, flow: dict[str, Any] | None = None, publish: bool = True
) -> str:
    r = await client.post(
        "/api/v1/flows", headers=tenant.admin.headers, json={**(flow or PATCH_FLOW)}
    )
    assert r.status_code == 201, r.text
    flow_id = str(r.json()["id"])
    if publish:
        r = await client.post(
            f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={}
        )
        assert r.status_code == 200, r.text
    return flow_id


async def make_list(
    client: AsyncClient,
    who: Person,
    targets: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/target-lists",
        headers=who.headers,
        json={"name": unique("Patch group"), "targets": targets or TARGETS, **extra},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def launch(client: AsyncClient, who: Person, **body: Any) -> dict[str, Any]:
    r = await client.post("/api/v1/maintenance/batches", headers=who.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def event(client: AsyncClient, who: Person, session_id: str, **body: Any) -> dict[str, Any]:
    r = await client.post(f"/api/v1/sessions/{session_id}/events", headers=who.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def batch(client: AsyncClient, who: Person, batch_id: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/maintenance/batches/{batch_id}", headers=who.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def finish(client: AsyncClient, who: Person, session_id: str, reboot: str = "No") -> None:
    """Works a session of PATCH_FLOW to its end and resolves it."""
    await event(client, who, session_id, type="answer", node_id="c1", answer="", items=[0, 1])
    await event(client, who, session_id, type="answer", node_id="q1", answer=reboot)
    if reboot == "Yes":
        await event(client, who, session_id, type="answer", node_id="a1", answer="")
    await event(client, who, session_id, type="resolve", summary="Patched and checked")


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


@pytest.fixture
async def other(factory: Factory) -> Tenant:
    return await factory.tenant()
