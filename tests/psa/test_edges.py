"""Edges of the PSA integration: choosing "not mapped" sticks, the outbox's budget holds for
interrupted deliveries and a lapsed claim never overwrites the new owner's report, FlowPilot
sessions get the ticket's context, and another account's team is not found."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select, update

from resolutionflow.models.psa import PsaPush
from resolutionflow.psa.outbox import Outbox
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant
from tests.psa.conftest import connect, start, timeline

MEMBERS = "/api/v1/integrations/psa/members"


async def _queued_push(client: AsyncClient, tenant: Tenant, cw: FakeConnectWise) -> str:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push", headers=tenant.engineer.headers, json={}
    )
    assert r.status_code == 202, r.text
    return str(r.json()["id"])


async def _push_row(app: FastAPI, push_id: str) -> PsaPush:
    async with app.state.sessionmaker() as db:
        row = await db.scalar(select(PsaPush).where(PsaPush.id == uuid.UUID(push_id)))
    assert row is not None
    return row


async def test_choosing_not_mapped_sticks_and_notes_are_then_unattributed(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(client, tenant, cw)
    cw.add_member(
        identifier="jengineer", firstName="Jo", lastName="Engineer",
        primaryEmail=tenant.engineer.email, inactiveFlag=False,
    )  # fmt: skip
    me = str(tenant.engineer.id)

    def row(body: dict) -> dict:  # type: ignore[type-arg]
        return next(link for link in body["links"] if link["user_id"] == me)

    assert row((await client.get(MEMBERS, headers=tenant.admin.headers)).json())["source"] == "auto"
    r = await client.put(f"{MEMBERS}/{me}", headers=tenant.admin.headers, json={"member_id": None})
    assert r.status_code == 200, r.text
    assert row(r.json())["member_id"] is None and row(r.json())["source"] == "manual"
    again = (await client.get(MEMBERS, headers=tenant.admin.headers)).json()
    assert row(again)["member_id"] is None  # not matched by email again
    assert again["unmapped"] >= 1

    session = await start(client, tenant, "1001")
    await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push", headers=tenant.engineer.headers, json={}
    )
    await outbox.run_due()
    [note] = [n for n in cw.notes(1001) if "[ResolutionFlow RF-" in n["text"]]
    assert not note.get("member") or note["member"].get("identifier") != "jengineer"


async def test_a_push_interrupted_again_and_again_fails_instead_of_looping(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox, app: FastAPI
) -> None:
    push_id = await _queued_push(client, tenant, cw)
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(PsaPush)
            .where(PsaPush.id == uuid.UUID(push_id))
            .values(
                state="sending",
                attempts=outbox.max_attempts,
                lease_until=datetime.now(UTC) - timedelta(seconds=1),
            )
        )
        await db.commit()
    await outbox.run_due()
    row = await _push_row(app, push_id)
    assert row.state == "failed" and "interrupted" in row.last_error
    assert [n for n in cw.notes(1001) if "[ResolutionFlow RF-" in n["text"]] == []


async def test_a_lapsed_claim_leaves_the_report_to_the_worker_that_took_over(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox, app: FastAPI
) -> None:
    push_id = await _queued_push(client, tenant, cw)
    job = await outbox._claim()
    while job is not None and str(job.push_id) != push_id:  # (pushes other tests left due)
        await outbox._deliver(job)
        job = await outbox._claim()
    assert job is not None
    # Meanwhile the claim lapsed and another worker claimed the push (attempt 2).
    async with app.state.sessionmaker() as db:
        await db.execute(update(PsaPush).where(PsaPush.id == uuid.UUID(push_id)).values(attempts=2))
        await db.commit()
    await outbox._deliver(job)
    row = await _push_row(app, push_id)
    assert (row.state, row.attempts) == ("sending", 2)  # untouched: the new owner reports


async def test_a_flowpilot_session_from_a_ticket_gets_its_context(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={
            "title": "Outlook",
            "ticket_id": "1001",
            "mode": "pilot",
            "intake": {"text": "Outlook will not start after the update"},
        },
    )
    assert r.status_code == 201, r.text
    events = await timeline(client, tenant, r.json()["id"])
    linked = [e for e in events if e["type"] == "ticket_linked"]
    assert linked and linked[0]["payload"]["contact_name"] == "Jane Doe"


async def test_another_accounts_team_has_no_activity_log(
    client: AsyncClient, tenant: Tenant, other_tenant: Tenant, factory: Factory
) -> None:
    theirs = await factory.team(other_tenant)
    r = await client.get(
        "/api/v1/integrations/psa/activity",
        params={"team_id": str(theirs)},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 404
