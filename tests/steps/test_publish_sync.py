"""Publishing a flow syncs its library-linked nodes, keyed by (flow, node); resolved sessions
that passed through a linked node count as the step's verified uses."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.models import StepLink
from tests.fixtures.factories import Tenant
from tests.steps.conftest import make_step


def _flow(step: dict[str, Any], link: bool = True) -> dict[str, Any]:
    node: dict[str, Any] = {
        "id": "a1",
        "type": "action",
        "title": step["title"],
        "body": step["body"],
    }
    if link:
        node |= {"step_id": step["id"], "step_revision": step["revision"]}
    return {
        "format": "resolutionflow.flow/1",
        "title": "Credential prompts",
        "start": "a1",
        "nodes": [
            node,
            {"id": "r1", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        ],
        "edges": [{"source": "a1", "target": "r1", "label": ""}],
    }


async def _run(client: AsyncClient, tenant: Tenant, flow_id: str, resolve: bool) -> None:
    h = tenant.engineer.headers
    r = await client.post(
        "/api/v1/sessions", headers=h, json={"title": "Prompts", "flow_id": flow_id}
    )
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=h,
        json={"type": "answer", "node_id": "a1", "answer": ""},
    )
    assert r.status_code == 201, r.text
    if resolve:
        r = await client.post(f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "resolve"})
        assert r.status_code == 201, r.text


async def test_publish_links_nodes_and_resolved_sessions_verify_the_step(
    client: AsyncClient,
    tenant: Tenant,
    app,  # type: ignore[no-untyped-def]
) -> None:
    step = await make_step(client, tenant.engineer)
    h = tenant.admin.headers
    r = await client.post("/api/v1/flows", headers=h, json=_flow(step))
    assert r.status_code == 201, r.text
    flow_id = r.json()["id"]
    export = await client.get(f"/api/v1/flows/{flow_id}/export?version=draft", headers=h)
    if export.status_code == 200:
        assert export.json()["nodes"][0]["step_id"] == step["id"]
    got = (await client.get(f"/api/v1/steps/{step['id']}", headers=h)).json()
    assert got["linked_nodes"] == 0  # a draft links nothing yet
    assert (
        await client.post(f"/api/v1/flows/{flow_id}/publish", headers=h, json={})
    ).status_code == 200
    got = (await client.get(f"/api/v1/steps/{step['id']}", headers=h)).json()
    assert got["linked_nodes"] == 1 and got["verified_uses"] == 0

    await _run(client, tenant, flow_id, resolve=True)
    await _run(client, tenant, flow_id, resolve=True)
    await _run(client, tenant, flow_id, resolve=False)  # still active: not verified
    got = (await client.get(f"/api/v1/steps/{step['id']}", headers=h)).json()
    assert got["verified_uses"] == 2

    # Publishing without the link drops it; the count follows the links.
    r = await client.put(f"/api/v1/flows/{flow_id}/draft", headers=h, json=_flow(step, link=False))
    assert r.status_code == 200, r.text
    assert (
        await client.post(f"/api/v1/flows/{flow_id}/publish", headers=h, json={})
    ).status_code == 200
    async with app.state.sessionmaker() as db:
        links = list(
            await db.scalars(select(StepLink).where(StepLink.flow_id == uuid.UUID(flow_id)))
        )
    assert links == []
    got = (await client.get(f"/api/v1/steps/{step['id']}", headers=h)).json()
    assert got["linked_nodes"] == 0 and got["verified_uses"] == 0


async def test_a_link_to_another_accounts_step_is_dropped(
    client: AsyncClient,
    tenant: Tenant,
    factory,  # type: ignore[no-untyped-def]
) -> None:
    other = await factory.tenant()
    foreign = await make_step(client, other.engineer)
    h = tenant.admin.headers
    r = await client.post("/api/v1/flows", headers=h, json=_flow(foreign))
    flow_id = r.json()["id"]
    assert (
        await client.post(f"/api/v1/flows/{flow_id}/publish", headers=h, json={})
    ).status_code == 200
    got = (await client.get(f"/api/v1/steps/{foreign['id']}", headers=other.admin.headers)).json()
    assert got["linked_nodes"] == 0
