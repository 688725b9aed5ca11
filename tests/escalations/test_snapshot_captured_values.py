"""The handoff a senior (and any viewer of the account) reads carries no captured password: not
its recent steps, its captured values, its documentation, nor the AI assessment built from it."""

from __future__ import annotations

import pytest
from httpx import AsyncClient

from resolutionflow.redaction.inputs import SECRET_CAPTURED
from tests.fixtures.factories import Factory
from tests.sessions.captured import ERROR_CODE, PASSWORD, answer_password


@pytest.mark.parametrize("input_type", [None, "secret"])
async def test_the_handoff_snapshot_never_carries_a_captured_password(
    client: AsyncClient, factory: Factory, input_type: str | None
) -> None:
    tenant = await factory.tenant()
    sid, _ = await answer_password(client, tenant, input_type)
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": "Drive still won't map", "priority": "high"},
    )
    assert r.status_code == 201, r.text
    assert PASSWORD not in r.text
    handoff = r.json()
    snapshot = handoff["snapshot"]
    shown = SECRET_CAPTURED if input_type == "secret" else "[REDACTED:password]"
    assert snapshot["variables"] == {"error_code": ERROR_CODE, "password": shown}
    assert f"Password: {shown}" in snapshot["recent_steps"]
    assert f"Error code shown?: {ERROR_CODE}" in snapshot["recent_steps"]
    assert shown in snapshot["documentation"]

    # Viewers read handoffs too; and the list shows the same snapshot.
    for headers in (tenant.viewer.headers, tenant.admin.headers):
        r = await client.get(f"/api/v1/handoffs/{handoff['id']}", headers=headers)
        assert r.status_code == 200, r.text
        assert PASSWORD not in r.text
        r = await client.get("/api/v1/handoffs", headers=headers, params={"status": "all"})
        assert r.status_code == 200 and PASSWORD not in r.text
