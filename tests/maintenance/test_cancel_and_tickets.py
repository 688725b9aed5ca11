"""Cancelling a batch (who may, what happens to its targets, the stream, the report, the audit)
and choosing a client's PSA ticket after launch."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.jobs.runner import Worker
from resolutionflow.models import AuditEvent, MaintenanceBatch, Notification
from resolutionflow.sessions import live
from tests.auth.support import assert_problem
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant
from tests.maintenance.conftest import batch, event, finish, launch, make_list, publish_flow
from tests.psa.conftest import connect

SECRET = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"


async def _running(client: AsyncClient, tenant: Tenant, **body: Any) -> dict[str, Any]:
    flow_id = await publish_flow(client, tenant)
    target_list = await make_list(client, tenant.engineer)
    return await launch(
        client, tenant.engineer, flow_id=flow_id, target_list_id=target_list["id"], **body
    )


async def _timeline(client: AsyncClient, tenant: Tenant, session_id: str) -> dict[str, Any]:
    r = await client.get(f"/api/v1/sessions/{session_id}", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_cancelling_ends_open_targets_as_abandoned_with_the_reason(
    app: FastAPI, client: AsyncClient, factory: Factory, tenant: Tenant
) -> None:
    created = await _running(client, tenant, assignee_user_id=str(tenant.admin.id))
    base = f"/api/v1/maintenance/batches/{created['id']}"
    done, started, pending = created["items"]
    await finish(client, tenant.admin, done["session_id"])
    await event(
        client, tenant.admin, started["session_id"],
        type="answer", node_id="c1", answer="", items=[0, 1],
    )  # fmt: skip

    # Another engineer (not its launcher) may not; a viewer may not.
    stranger = await factory.user(tenant)
    reason = f"Change freeze; vendor token {SECRET}"
    r = await client.post(f"{base}/cancel", headers=stranger.headers, json={"reason": reason})
    assert_problem(r, 403)
    r = await client.post(f"{base}/cancel", headers=tenant.viewer.headers, json={"reason": "x"})
    assert r.status_code == 403
    assert_problem(
        await client.post(f"{base}/cancel", headers=tenant.engineer.headers, json={"reason": " "}),
        422,
    )
    assert (await batch(client, tenant.engineer, created["id"]))["status"] == "running"

    r = await client.post(
        f"{base}/cancel", headers=tenant.engineer.headers, json={"reason": reason}
    )
    assert r.status_code == 200, r.text
    cancelled = r.json()
    assert cancelled["status"] == "cancelled" and cancelled["completed_at"] is not None
    assert [i["status"] for i in cancelled["items"]] == ["done", "skipped", "skipped"]
    assert cancelled["counts"]["skipped"] == 2 and cancelled["counts"]["done"] == 1
    who = cancelled["cancellation"]
    assert who["cancelled_by_id"] == str(tenant.engineer.id)
    assert "Change freeze" in who["reason"] and SECRET not in who["reason"]
    assert cancelled["psa_notes"]["Fabrikam"]["state"] == "skipped"

    for item in (started, pending):
        session = await _timeline(client, tenant, item["session_id"])
        assert session["status"] == "abandoned"
        last = session["timeline"][-1]
        assert last["type"] == "abandoned" and last["payload"]["batch_item"] == "cancelled"
        assert "Change freeze" in last["payload"]["summary"]
    # The finished target is left as it was.
    assert (await _timeline(client, tenant, done["session_id"]))["status"] == "resolved"

    # Finished: a second cancel, a skip or a claim are refused; nothing changes.
    again = await client.post(f"{base}/cancel", headers=tenant.admin.headers, json={"reason": "y"})
    assert_problem(again, 409)
    r = await client.post(
        f"{base}/items/{pending['id']}/skip", headers=tenant.admin.headers, json={"reason": "z"}
    )
    assert r.status_code == 409

    async with app.state.sessionmaker() as db:
        audit = list(
            await db.scalars(
                select(AuditEvent).where(
                    AuditEvent.action == "maintenance.batch_cancelled",
                    AuditEvent.target_id == created["id"],
                )
            )
        )
        bells = list(
            await db.scalars(
                select(Notification.title).where(Notification.user_id == tenant.admin.id)
            )
        )
    assert len(audit) == 1 and audit[0].actor_id == tenant.engineer.id
    assert SECRET not in json.dumps(audit[0].detail) and audit[0].detail["ended"] == 2
    assert any(t.startswith("Maintenance cancelled") for t in bells)
    r = await client.get(
        "/api/v1/audit-events?action=maintenance.batch_cancelled", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    assert [e["target_id"] for e in r.json()["items"]] == [created["id"]]

    listed = await client.get(
        "/api/v1/maintenance/batches?status=cancelled", headers=tenant.viewer.headers
    )
    assert [b["id"] for b in listed.json()["items"]] == [created["id"]]

    internal = await client.get(f"{base}/report", headers=tenant.viewer.headers)
    assert "This batch was cancelled" in internal.text and "Change freeze" in internal.text
    assert SECRET not in internal.text
    outside = await client.get(f"{base}/report?audience=client", headers=tenant.viewer.headers)
    assert "This batch was cancelled" in outside.text
    assert tenant.engineer.name not in outside.text


async def test_a_team_admin_cancels_a_batch_someone_else_launched_and_finished_is_409(
    client: AsyncClient, tenant: Tenant
) -> None:
    created = await _running(client, tenant)
    r = await client.post(
        f"/api/v1/maintenance/batches/{created['id']}/cancel",
        headers=tenant.admin.headers,
        json={"reason": "Wrong flow"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["cancellation"]["cancelled_by_name"] == tenant.admin.name

    finished = await _running(client, tenant)
    for item in finished["items"]:
        await finish(client, tenant.engineer, item["session_id"])
    assert (await batch(client, tenant.engineer, finished["id"]))["status"] == "completed"
    r = await client.post(
        f"/api/v1/maintenance/batches/{finished['id']}/cancel",
        headers=tenant.engineer.headers,
        json={"reason": "Too late"},
    )
    assert_problem(r, 409)
    assert (await batch(client, tenant.engineer, finished["id"]))["status"] == "completed"


async def test_the_stream_announces_the_cancel(client: AsyncClient, tenant: Tenant) -> None:
    created = await _running(client, tenant)
    async with live.subscription(uuid.UUID(created["id"])) as woken:
        # On PostgreSQL the launch's own NOTIFY may still be on its way: let it land first.
        await asyncio.sleep(0.3)
        woken.clear()
        refused = await client.post(
            f"/api/v1/maintenance/batches/{created['id']}/cancel",
            headers=tenant.viewer.headers,
            json={"reason": "Postponed"},
        )
        assert refused.status_code == 403 and not woken.is_set()
        r = await client.post(
            f"/api/v1/maintenance/batches/{created['id']}/cancel",
            headers=tenant.engineer.headers,
            json={"reason": "Postponed"},
        )
        assert r.status_code == 200, r.text
        assert woken.is_set()
    # What the woken stream reads and sends.
    r = await client.get(
        f"/api/v1/maintenance/batches/{created['id']}/stream?max_seconds=0",
        headers=tenant.viewer.headers,
    )
    data = next(line for line in r.text.splitlines() if line.startswith("data: {"))
    sent = json.loads(data[6:])
    assert sent["status"] == "cancelled" and sent["cancellation"]["reason"] == "Postponed"


async def test_another_accounts_batch_cannot_be_cancelled_or_given_tickets(
    app: FastAPI, client: AsyncClient, tenant: Tenant, other: Tenant
) -> None:
    created = await _running(client, tenant)
    base = f"/api/v1/maintenance/batches/{created['id']}"
    r = await client.post(f"{base}/cancel", headers=other.admin.headers, json={"reason": "x"})
    assert_problem(r, 404)
    r = await client.put(
        f"{base}/client-tickets", headers=other.admin.headers, json={"Fabrikam": "1"}
    )
    assert_problem(r, 404)
    async with app.state.sessionmaker() as db:
        row = await db.get(MaintenanceBatch, uuid.UUID(created["id"]))
        assert row is not None and row.status == "running" and row.client_tickets == {}


async def test_client_tickets_chosen_after_launch_take_the_note_to_that_ticket(
    app: FastAPI, client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    created = await _running(client, tenant, client_tickets={"Fabrikam": "1003"})
    base = f"/api/v1/maintenance/batches/{created['id']}"

    # An unknown client is a 422 naming it, and nothing changes.
    r = await client.put(
        f"{base}/client-tickets",
        headers=tenant.engineer.headers,
        json={"Fabrikam": "1001", "Initech": "1002"},
    )
    assert_problem(r, 422)
    assert [e["loc"] for e in r.json()["errors"]] == [["body", "Initech"]]
    assert "Initech" in r.json()["detail"]
    assert (await batch(client, tenant.engineer, created["id"]))["client_tickets"] == {
        "Fabrikam": "1003"
    }
    r = await client.put(
        f"{base}/client-tickets", headers=tenant.engineer.headers, json={"Fabrikam": "1\x00"}
    )
    assert_problem(r, 422)
    r = await client.put(
        f"{base}/client-tickets", headers=tenant.viewer.headers, json={"Fabrikam": "1001"}
    )
    assert r.status_code == 403

    r = await client.put(
        f"{base}/client-tickets",
        headers=tenant.engineer.headers,
        json={"Fabrikam": " 1001 ", "Contoso": ""},
    )
    assert r.status_code == 200, r.text
    assert r.json()["client_tickets"] == {"Fabrikam": "1001"}

    before = {t: len(_ours(cw, t)) for t in (1001, 1003)}
    for item in created["items"]:
        await finish(client, tenant.engineer, item["session_id"])
    done = await batch(client, tenant.engineer, created["id"])
    assert done["status"] == "completed"
    assert done["psa_notes"]["Fabrikam"]["ticket_id"] == "1001"
    assert done["psa_notes"]["Contoso"]["state"] == "skipped"
    await Worker(app.state.sessionmaker).run_due()
    posted = _ours(cw, 1001)[before[1001] :]
    assert len(posted) == 1 and "FAB-DC01" in posted[0] and "CON-SQL01" not in posted[0]
    assert _ours(cw, 1003)[before[1003] :] == []

    # Completed: the notes have gone, the tickets cannot change any more.
    r = await client.put(
        f"{base}/client-tickets", headers=tenant.engineer.headers, json={"Fabrikam": "1003"}
    )
    assert_problem(r, 409)


def _ours(cw: FakeConnectWise, ticket: int) -> list[str]:
    return [n["text"] for n in cw.notes(ticket) if "[ResolutionFlow RF-" in n["text"]]
