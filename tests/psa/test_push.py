"""Pushing documentation to the ticket through the outbox: redacted, flagged right, never lost,
never duplicated, and its state on the timeline."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select, update

from resolutionflow.jobs.runner import Worker
from resolutionflow.models.psa import PsaPush
from resolutionflow.psa.outbox import Outbox
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect, start, timeline

SECRET = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"


async def _push(
    client: AsyncClient, tenant: Tenant, session_id: str, **body: Any
) -> dict[str, Any]:
    r = await client.post(
        f"/api/v1/sessions/{session_id}/psa/push", headers=tenant.engineer.headers, json=body
    )
    assert r.status_code == 202, r.text
    return dict(r.json())


async def _note(client: AsyncClient, tenant: Tenant, session_id: str, text: str) -> None:
    r = await client.post(
        f"/api/v1/sessions/{session_id}/events",
        headers=tenant.engineer.headers,
        json={"type": "note", "text": text},
    )
    assert r.status_code in (200, 201), r.text


def _ours(cw: FakeConnectWise, ticket: int = 1001) -> list[dict[str, Any]]:
    return [n for n in cw.notes(ticket) if "[ResolutionFlow RF-" in n["text"]]


async def _make_due(app: FastAPI, session_id: str) -> None:
    """Skips the outbox's backoff wait (the wait itself is configuration, not behaviour)."""
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(PsaPush)
            .where(PsaPush.state == "queued", PsaPush.session_id == uuid.UUID(session_id))
            .values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await db.commit()


@pytest.mark.parametrize(
    ("note_type", "flag"),
    [
        ("internal", "internalAnalysisFlag"),
        ("discussion", "detailDescriptionFlag"),
        ("resolution", "resolutionFlag"),
    ],
)
async def test_a_push_posts_the_redacted_note_with_exactly_its_flag(
    client: AsyncClient,
    tenant: Tenant,
    cw: FakeConnectWise,
    outbox: Outbox,
    note_type: str,
    flag: str,
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    await _note(client, tenant, session["id"], f"Rotated the token {SECRET} and restarted Outlook")
    queued = await _push(client, tenant, session["id"], note_type=note_type)
    assert queued["state"] == "queued" and queued["note_type"] == note_type

    await outbox.run_due()
    [note] = _ours(cw)
    assert note[flag] is True
    others = {"internalAnalysisFlag", "detailDescriptionFlag", "resolutionFlag"} - {flag}
    assert not any(note.get(o) for o in others)
    assert note["processNotifications"] is False
    assert "restarted Outlook" in note["text"] and SECRET not in note["text"]
    assert "[REDACTED:" in note["text"]

    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    assert view["pushes"][0]["state"] == "sent" and view["pushes"][0]["psa_note_id"] == str(
        note["id"]
    )
    states = [
        e["payload"]["state"]
        for e in await timeline(client, tenant, session["id"])
        if e["type"] == "psa_push"
    ]
    assert states == ["queued", "sent"]
    reports = (
        await client.get(
            f"/api/v1/sessions/{session['id']}/redaction-reports", headers=tenant.engineer.headers
        )
    ).json()
    psa = [r for r in reports if r["channel"] == "psa"]
    assert len(psa) == 1 and psa[0]["total"] >= 1 and SECRET not in str(reports)


async def test_the_preview_is_exactly_what_is_posted(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    await _note(client, tenant, session["id"], f"key {SECRET}")
    r = await client.get(
        f"/api/v1/sessions/{session['id']}/psa/preview", headers=tenant.engineer.headers
    )
    preview = r.json()
    assert SECRET not in preview["text"] and sum(preview["redactions"].values()) >= 1
    await _push(client, tenant, session["id"])
    await outbox.run_due()
    [note] = _ours(cw)
    assert note["text"].startswith(preview["text"].rstrip())


async def test_notifying_the_customer_only_when_asked(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    await _push(client, tenant, session["id"], note_type="discussion", notify_customer=True)
    await outbox.run_due()
    assert _ours(cw)[0]["processNotifications"] is True


async def test_pushing_needs_a_ticket_and_a_connection(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    r = await client.post(
        "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "No ticket"}
    )
    sid = r.json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/psa/push", headers=tenant.engineer.headers, json={}
    )
    assert r.status_code == 409 and r.json()["type"].endswith("/psa-not-configured")
    await connect(client, tenant, cw)
    r = await client.post(
        f"/api/v1/sessions/{sid}/psa/push", headers=tenant.engineer.headers, json={}
    )
    assert r.status_code == 409 and "no ticket" in r.json()["detail"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/psa/push",
        headers=tenant.engineer.headers,
        json={"note_type": "secret"},
    )
    assert r.status_code == 422
    r = await client.post(
        f"/api/v1/sessions/{sid}/psa/push", headers=tenant.viewer.headers, json={}
    )
    assert r.status_code == 403


async def test_connectwise_down_then_up_delivers_exactly_one_note(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox, app: FastAPI
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    await _push(client, tenant, session["id"])
    cw.down = True
    for _ in range(3):
        await outbox.run_due()
        await _make_due(app, session["id"])
    assert _ours(cw) == []
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    push = view["pushes"][0]
    assert push["state"] == "queued" and push["attempts"] == 3 and push["last_error"]
    cw.down = False
    await outbox.run_due()
    assert len(_ours(cw)) == 1
    await _make_due(app, session["id"])
    await outbox.run_due()  # nothing left to send
    assert len(_ours(cw)) == 1
    states = [
        e["payload"]["state"]
        for e in await timeline(client, tenant, session["id"])
        if e["type"] == "psa_push"
    ]
    assert states == ["queued", "retrying", "retrying", "retrying", "sent"]


async def test_a_timeout_after_connectwise_stored_the_note_does_not_duplicate_it(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox, app: FastAPI
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    await _push(client, tenant, session["id"])
    cw.store_then_stall(10)  # longer than the client's timeout (3 s in tests)
    await outbox.run_due()
    assert len(_ours(cw)) == 1  # stored, but we never heard back
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    assert view["pushes"][0]["state"] == "queued"
    await _make_due(app, session["id"])
    await outbox.run_due()
    assert len(_ours(cw)) == 1
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    push = view["pushes"][0]
    assert push["state"] == "sent" and push["outcome"]["adopted"] is True
    assert push["psa_note_id"] == str(_ours(cw)[0]["id"])


async def test_queued_pushes_are_delivered_after_a_restart(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, app: FastAPI
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    await _push(client, tenant, session["id"])
    # A worker that claimed a push and died: its lease runs out, and the next one takes over.
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(PsaPush)
            .where(PsaPush.session_id == uuid.UUID(session["id"]))
            .values(
                state="sending", attempts=1, lease_until=datetime.now(UTC) - timedelta(seconds=1)
            )
        )
        await db.commit()
    await _push(client, tenant, session["id"], note_type="resolution")
    assert _ours(cw) == []
    restarted = Worker(app.state.sessionmaker)  # what app startup runs: the job worker
    restarted.start()

    async def states() -> set[str]:
        async with app.state.sessionmaker() as db:
            q = select(PsaPush.state).where(PsaPush.session_id == uuid.UUID(session["id"]))
            return set((await db.execute(q)).scalars())

    try:
        for _ in range(300):
            if await states() == {"sent"}:
                break
            await asyncio.sleep(0.05)
    finally:
        await restarted.stop()
    assert await states() == {"sent"}
    assert len(_ours(cw)) == 2


async def test_two_workers_never_send_the_same_push(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, app: FastAPI
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    for _ in range(4):
        await _push(client, tenant, session["id"])
    first, second = Outbox(app.state.sessionmaker), Outbox(app.state.sessionmaker)
    handled = await asyncio.gather(first.run_due(), second.run_due())
    assert sum(handled) >= 4  # (plus anything other tests left due)
    assert len(_ours(cw)) == 4
    assert len({n["text"].rsplit("[", 1)[1] for n in _ours(cw)}) == 4


async def test_a_refused_push_fails_visibly_and_can_be_retried(
    client: AsyncClient,
    tenant: Tenant,
    other_tenant: Tenant,
    cw: FakeConnectWise,
    outbox: Outbox,
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    pushed = await _push(client, tenant, session["id"])
    cw.fail_next(401, path_contains="/notes", method="POST")
    await outbox.run_due()
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    push = view["pushes"][0]
    assert push["state"] == "failed" and "keys" in push["last_error"]
    failed = [e for e in await timeline(client, tenant, session["id"]) if e["type"] == "psa_push"][
        -1
    ]
    assert failed["payload"]["state"] == "failed" and failed["payload"]["kind"] == "credentials"
    log = (
        await client.get(
            "/api/v1/integrations/psa/activity?state=failed", headers=tenant.admin.headers
        )
    ).json()
    assert [p["id"] for p in log["items"]] == [pushed["id"]]

    # Another account's team admin cannot see it exists, and it stays failed.
    r = await client.post(
        f"/api/v1/psa/pushes/{pushed['id']}/retry", headers=other_tenant.admin.headers
    )
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    r = await client.post(
        f"/api/v1/psa/pushes/{pushed['id']}/retry", headers=tenant.engineer.headers
    )
    assert r.status_code == 200 and r.json()["state"] == "queued"
    r = await client.post(
        f"/api/v1/psa/pushes/{pushed['id']}/retry", headers=tenant.engineer.headers
    )
    assert r.status_code == 409
    await outbox.run_due()
    assert len(_ours(cw)) == 1
    log = (
        await client.get("/api/v1/integrations/psa/activity", headers=tenant.admin.headers)
    ).json()
    assert log["items"][0]["state"] == "sent" and log["items"][0]["session_title"] == "Outlook"


async def test_push_on_resolve_sets_the_status_and_logs_time(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(
        client,
        tenant,
        cw,
        push_on_resolve=True,
        time_entry_on_resolve=True,
        status_on_resolve={"Help Desk": "Resolved"},
    )
    session = await start(client, tenant, "1001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/events",
        headers=tenant.engineer.headers,
        json={"type": "resolve", "summary": "Repaired the Office install"},
    )
    assert r.status_code in (200, 201), r.text
    await outbox.run_due()
    [note] = _ours(cw)
    assert note["resolutionFlag"] is True and "Repaired the Office install" in note["text"]
    assert cw.ticket(1001)["status"]["name"] == "Resolved"
    [entry] = cw.time_entries
    assert entry["chargeToId"] == 1001 and entry["chargeToType"] == "ServiceTicket"
    sent = [e for e in await timeline(client, tenant, session["id"]) if e["type"] == "psa_push"][
        -1
    ]["payload"]
    assert sent["state"] == "sent" and sent["trigger"] == "resolve" and sent["status_ok"] is True


async def test_a_silently_refused_status_change_is_reported(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(client, tenant, cw)
    cw.refused_statuses = {"Closed"}
    session = await start(client, tenant, "1001")
    await _push(client, tenant, session["id"], note_type="resolution", status="Closed")
    await outbox.run_due()
    assert len(_ours(cw)) == 1 and cw.ticket(1001)["status"]["name"] == "New"
    sent = [e for e in await timeline(client, tenant, session["id"]) if e["type"] == "psa_push"][
        -1
    ]["payload"]
    assert sent["state"] == "sent" and sent["status_ok"] is False
    assert sent["warning"] == "ConnectWise PSA kept the ticket at 'New' instead of 'Closed'"


async def test_push_on_escalate_posts_an_internal_note(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(client, tenant, cw, push_on_escalate=True)
    session = await start(client, tenant, "1001")
    await _note(client, tenant, session["id"], "Rebuilt the profile, still crashing")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": "Needs an Exchange admin"},
    )
    assert r.status_code == 201, r.text
    await outbox.run_due()
    [note] = _ours(cw)
    assert note["internalAnalysisFlag"] is True and "Rebuilt the profile" in note["text"]


async def test_notes_are_attributed_to_the_mapped_member(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, outbox: Outbox
) -> None:
    await connect(client, tenant, cw)
    cw.add_member(
        identifier="jengineer", firstName="Jo", lastName="Engineer", primaryEmail=tenant.engineer.email,
        inactiveFlag=False, licenseClass="F",
    )  # fmt: skip
    r = await client.get("/api/v1/integrations/psa/members", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    mine = next(link for link in r.json()["links"] if link["user_id"] == str(tenant.engineer.id))
    assert mine["member_identifier"] == "jengineer" and mine["source"] == "auto"
    session = await start(client, tenant, "1001")
    await _push(client, tenant, session["id"])
    await outbox.run_due()
    assert _ours(cw)[0]["member"]["identifier"] == "jengineer"
