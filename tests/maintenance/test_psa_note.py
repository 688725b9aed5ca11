"""On completion the PSA gets one redacted note per client, on that client's ticket, through
the outbox (the ConnectWise stand-in)."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.jobs.runner import Worker
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.maintenance.conftest import TARGETS, batch, event, finish, launch, publish_flow
from tests.psa.conftest import connect

SECRET = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"


def _ours(cw: FakeConnectWise, ticket: int) -> list[str]:
    return [n["text"] for n in cw.notes(ticket) if "[ResolutionFlow RF-" in n["text"]]


async def test_the_psa_gets_one_redacted_note_per_client_on_its_ticket(
    app: FastAPI, client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    flow_id = await publish_flow(client, tenant)
    before = {t: len(_ours(cw, t)) for t in (1001, 1002)}
    created = await launch(
        client,
        tenant.engineer,
        flow_id=flow_id,
        targets=TARGETS,
        client_tickets={"Fabrikam": "1001", "Contoso": "1002"},
    )
    dc, fs, sql = created["items"]
    await event(client, tenant.engineer, dc["session_id"], type="note", text=f"token {SECRET}")
    await finish(client, tenant.engineer, dc["session_id"])
    await finish(client, tenant.engineer, fs["session_id"], reboot="Yes")
    # Nothing is sent while the batch runs.
    await Worker(app.state.sessionmaker).run_due()
    assert {t: len(_ours(cw, t)) for t in (1001, 1002)} == before
    r = await client.post(
        f"/api/v1/maintenance/batches/{created['id']}/items/{sql['id']}/skip",
        headers=tenant.engineer.headers,
        json={"reason": "Client asked to wait"},
    )
    assert r.status_code == 200, r.text
    done = await batch(client, tenant.engineer, created["id"])
    assert done["status"] == "completed"
    assert set(done["psa_notes"]) == {"Fabrikam", "Contoso"}
    assert all(n["state"] == "queued" for n in done["psa_notes"].values())

    await Worker(app.state.sessionmaker).run_due()
    await Worker(app.state.sessionmaker).run_due()  # a second pass sends nothing more
    fabrikam, contoso = _ours(cw, 1001)[before[1001] :], _ours(cw, 1002)[before[1002] :]
    assert len(fabrikam) == 1 and len(contoso) == 1
    assert "FAB-DC01" in fabrikam[0] and "FAB-FS01" in fabrikam[0]
    assert "CON-SQL01" not in fabrikam[0]
    assert "CON-SQL01" in contoso[0]
    # The note is one the client can read (a discussion note): the outcome, not the reason
    # the engineer wrote for colleagues.
    assert "Skipped in this maintenance run." in contoso[0]
    assert "Client asked to wait" not in contoso[0]
    assert "FAB-DC01" not in contoso[0]
    assert SECRET not in fabrikam[0]


async def test_a_client_without_a_ticket_gets_no_note_and_says_why(
    app: FastAPI, client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS[2:])
    await finish(client, tenant.engineer, created["items"][0]["session_id"])
    done = await batch(client, tenant.engineer, created["id"])
    assert done["psa_notes"] == {
        "Contoso": {"state": "skipped", "reason": "no ticket given for this client"}
    }
