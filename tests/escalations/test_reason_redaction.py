"""The escalation reason is redacted on the way in (with the account's options): the handoff every
role reads, the bells' notifications and what is stored carry the redacted reason; only the
escalating engineer's timeline keeps the words as typed."""

from __future__ import annotations

import importlib.util
import json
import uuid
from pathlib import Path
from typing import Any

from alembic.migration import MigrationContext
from alembic.operations import Operations
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select, update

from resolutionflow.db import rls
from resolutionflow.models import Handoff, Notification
from tests.fixtures.factories import Factory

SECRET = "Hunter2-Zx9!qPlanted"
EMAIL = "jane.doe@customer.example"
REASON = f"Her password is {SECRET}; she is {EMAIL} and cannot sign in anywhere"


async def test_the_reason_is_redacted_for_everyone_but_the_escalators_timeline(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    # The account redacts email addresses too: the reason follows the account's options.
    r = await client.patch(
        "/api/v1/account", headers=tenant.admin.headers, json={"redact_emails": True}
    )
    assert r.status_code == 200 and r.json()["redact_emails"] is True
    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Locked out"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": REASON, "priority": "high"},
    )
    assert r.status_code == 201, r.text
    handoff = r.json()
    expected = (
        "Her password is [REDACTED:password]; she is [REDACTED:email] and cannot sign in anywhere"
    )
    assert handoff["reason"] == expected
    assert SECRET not in r.text and EMAIL not in r.text

    # Every role that can read the handoff reads the redacted reason.
    for person in (tenant.viewer, tenant.engineer, tenant.admin, tenant.super_admin):
        one = await client.get(f"/api/v1/handoffs/{handoff['id']}", headers=person.headers)
        assert one.status_code == 200 and one.json()["reason"] == expected
        listed = await client.get("/api/v1/handoffs?status=all", headers=person.headers)
        assert SECRET not in listed.text and EMAIL not in listed.text

    # The bell's notification shows it redacted too.
    notes = await client.get("/api/v1/notifications", headers=tenant.admin.headers)
    assert notes.json()["items"][0]["body"] == expected
    assert SECRET not in notes.text and EMAIL not in notes.text

    # Nothing stored outside the timeline holds the original.
    async with factory._db() as db:
        row = await db.scalar(select(Handoff).where(Handoff.id == uuid.UUID(handoff["id"])))
        assert row is not None and row.reason == expected
        stored = json.dumps(row.snapshot) + json.dumps(row.assessment)
        assert SECRET not in stored and EMAIL not in stored
        bodies = list(
            await db.scalars(select(Notification.body).where(Notification.handoff_id == row.id))
        )
        assert bodies and all(b == expected for b in bodies)

    # The escalator's own timeline keeps the reason as typed.
    timeline = (
        await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    ).json()["timeline"]
    escalated = next(e for e in timeline if e["type"] == "escalated")
    assert escalated["payload"]["reason"] == REASON

    # What left the session with the handoff is on the redaction report, the reason included.
    reports = await client.get(
        f"/api/v1/sessions/{sid}/redaction-reports", headers=tenant.admin.headers
    )
    escalation = next(x for x in reports.json() if x["channel"] == "escalation")
    assert escalation["counts"] == {"email": 1, "password": 1}


MIGRATION = (
    Path(__file__).resolve().parents[2]
    / "src/resolutionflow/migrations/versions/2026-12-07-0600_redact_stored_reasons.py"
)


async def test_reasons_stored_before_redaction_are_redacted_by_the_migration(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Old escalation"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": "escalating", "priority": "high"},
    )
    assert r.status_code == 201, r.text
    handoff_id = uuid.UUID(r.json()["id"])
    # As the release before redacted reasons stored them: as typed.
    async with factory._db() as db:
        await db.execute(update(Handoff).where(Handoff.id == handoff_id).values(reason=REASON))
        await db.execute(
            update(Notification).where(Notification.handoff_id == handoff_id).values(body=REASON)
        )
        await db.commit()

    spec = importlib.util.spec_from_file_location("redact_stored_reasons", MIGRATION)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)

    def upgrade(sync_conn: Any) -> None:
        with Operations.context(MigrationContext.configure(sync_conn)):
            migration.upgrade()

    async with app.state.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            await conn.exec_driver_sql(f"SET LOCAL {rls.ALL_ACCOUNTS_SETTING} = 'on'")
        await conn.run_sync(upgrade)

    one = await client.get(f"/api/v1/handoffs/{handoff_id}", headers=tenant.viewer.headers)
    assert (
        one.json()["reason"]
        == f"Her password is [REDACTED:password]; she is {EMAIL} and cannot sign in anywhere"
    )
    notes = await client.get("/api/v1/notifications", headers=tenant.admin.headers)
    assert SECRET not in notes.text
    assert REASON not in notes.text
