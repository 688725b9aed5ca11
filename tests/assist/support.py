"""Helpers for copilot tests: the demo library published into a test account, asking."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.demo_flows import load_demo_flows
from tests.fixtures.factories import Tenant


async def publish_demo_library(client: AsyncClient, tenant: Tenant) -> dict[str, str]:
    """Publishes the 12 demo flows; returns title -> flow id."""
    ids: dict[str, str] = {}
    for _, doc in load_demo_flows():
        body = doc.model_dump(mode="json")
        r = await client.post("/api/v1/flows", headers=tenant.admin.headers, json=body)
        assert r.status_code == 201, r.text
        fid = r.json()["id"]
        r = await client.post(f"/api/v1/flows/{fid}/publish", headers=tenant.admin.headers, json={})
        assert r.status_code == 200, r.text
        ids[doc.title] = fid
    return ids


async def ask(
    client: AsyncClient, tenant: Tenant, session_id: str, content: str, **headers: str
) -> Any:
    r = await client.post(
        f"/api/v1/sessions/{session_id}/copilot/messages",
        headers={**tenant.engineer.headers, **headers},
        json={"content": content},
    )
    assert r.status_code == 200, r.text
    return r.json()


async def new_session(client: AsyncClient, tenant: Tenant, title: str, **extra: Any) -> str:
    r = await client.post(
        "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": title, **extra}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])
