"""Fetching the client-facing batch report is an outbound send: each session whose content is in
it gets a redaction report saying what was redacted; the team's own report records nothing."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.fixtures.factories import Tenant
from tests.maintenance.conftest import TARGETS, event, finish, launch, publish_flow

# Planted in an answer's note, which the client report carries on the target's timeline.
SECRET = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"


async def _sent(client: AsyncClient, tenant: Tenant, session_id: str) -> list[dict[str, Any]]:
    r = await client.get(
        f"/api/v1/sessions/{session_id}/redaction-reports", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    return list(r.json())


async def test_the_client_report_records_what_left_per_session(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS)
    dc, fs, sql = created["items"]
    sid = dc["session_id"]
    await event(client, tenant.engineer, sid, type="answer", node_id="c1", answer="", items=[0, 1])
    await event(client, tenant.engineer, sid, type="answer", node_id="q1", answer="No")
    await event(client, tenant.engineer, sid, type="resolve", summary=f"Rotated token {SECRET}")
    await finish(client, tenant.engineer, fs["session_id"])
    base = f"/api/v1/maintenance/batches/{created['id']}/report"

    # The team's own report stays inside: nothing recorded.
    r = await client.get(base, headers=tenant.viewer.headers)
    assert r.status_code == 200, r.text
    for item in created["items"]:
        assert await _sent(client, tenant, item["session_id"]) == []

    r = await client.get(f"{base}?audience=client&format=html", headers=tenant.viewer.headers)
    assert r.status_code == 200, r.text
    assert SECRET not in r.text and "REDACTED" in r.text
    [dc_sent] = await _sent(client, tenant, dc["session_id"])
    assert (
        dc_sent["channel"] == "export" and dc_sent["detail"] == "maintenance report html (client)"
    )
    assert dc_sent["total"] >= 1 and dc_sent["actor_name"] == tenant.viewer.name
    assert all(n >= 1 for n in dc_sent["counts"].values())
    # Each session gets its own, counting only what of it was in the report.
    for item in (fs, sql):
        [sent] = await _sent(client, tenant, item["session_id"])
        assert sent["total"] == 0 and sent["channel"] == "export"

    await client.get(f"{base}?audience=client", headers=tenant.viewer.headers)
    assert len(await _sent(client, tenant, dc["session_id"])) == 2
    # Shown in the app only: nothing left, nothing recorded; the same redacted text.
    r = await client.get(
        f"{base}?audience=client&format=html&intent=preview", headers=tenant.viewer.headers
    )
    assert r.status_code == 200 and SECRET not in r.text and "REDACTED" in r.text
    assert len(await _sent(client, tenant, dc["session_id"])) == 2
