"""The note pushed to the PSA ticket never carries a password typed into an input step: the
preview route shows exactly what a push would post, and the outbox posts what `note_text`
renders."""

from __future__ import annotations

import uuid

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.models import Session
from resolutionflow.psa.outbox import note_text
from resolutionflow.redaction.inputs import SECRET_CAPTURED
from tests.fixtures.factories import Tenant
from tests.sessions.captured import ERROR_CODE, PASSWORD, answer_password, resolve


@pytest.mark.parametrize("input_type", [None, "secret"])
async def test_the_psa_note_never_carries_a_captured_password(
    client: AsyncClient, app: FastAPI, tenant: Tenant, input_type: str | None
) -> None:
    sid, _ = await answer_password(client, tenant, input_type, ticket_id="1001")
    await resolve(client, tenant, sid)
    shown = SECRET_CAPTURED if input_type == "secret" else "[REDACTED:password]"

    async with app.state.sessionmaker() as db:
        session = await db.get(Session, uuid.UUID(sid))
        assert session is not None
        text, counts = await note_text(db, session)
    assert PASSWORD not in text
    assert f"Password: {shown}" in text and f"Error code shown?: {ERROR_CODE}" in text
    if input_type is None:
        assert counts.get("password", 0) >= 1

    r = await client.get(f"/api/v1/sessions/{sid}/psa/preview", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    assert PASSWORD not in r.text and r.json()["text"] == text
