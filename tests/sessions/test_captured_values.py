"""Values typed into input steps: a password answered to an input titled "Password" never comes
back in clear — not from the session API, its timeline, the live stream, or the documentation —
and a `secret` input keeps nothing at all. Ordinary values (an error code) stay as typed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.assist.copilot import _context
from resolutionflow.models import Session, SessionEvent
from resolutionflow.redaction.inputs import (
    SECRET_CAPTURED,
    captured_value,
    looks_secret,
    shown_payload,
)
from resolutionflow.sessions.schemas import SessionDetail
from tests.fixtures.factories import Factory
from tests.sessions.captured import ERROR_CODE, PASSWORD, answer_password, resolve
from tests.sessions.flows import doc, publish, send

INPUT_TYPES = [None, "secret"]


def _input_answers(timeline: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        e["payload"]["node_id"]: e["payload"]
        for e in timeline
        if e["type"] == "answer" and e["payload"].get("node_type") == "input"
    }


async def _stored(app: FastAPI, sid: str) -> tuple[Session, list[SessionEvent]]:
    async with app.state.sessionmaker() as db:
        session = await db.get(Session, uuid.UUID(sid))
        assert session is not None
        events = list(
            await db.scalars(select(SessionEvent).where(SessionEvent.session_id == session.id))
        )
        return session, events


@pytest.mark.parametrize("input_type", INPUT_TYPES)
async def test_a_password_typed_into_an_input_never_comes_back_from_the_session_api(
    client: AsyncClient, factory: Factory, app: FastAPI, input_type: str | None
) -> None:
    tenant = await factory.tenant()
    sid, responses = await answer_password(client, tenant, input_type)
    # Neither the answer's own response nor anything after it carries the value.
    assert PASSWORD not in str(responses)
    r = await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    assert r.status_code == 200
    assert PASSWORD not in r.text
    detail = r.json()
    answers = _input_answers(detail["timeline"])
    if input_type == "secret":
        # The timeline says a secret was captured, and nothing else about it.
        assert answers["pw"]["value"] == SECRET_CAPTURED and answers["pw"]["secret"] is True
        assert detail["variables"]["password"] == SECRET_CAPTURED
    else:
        assert answers["pw"]["value"] == "[REDACTED:password]"
        assert detail["variables"]["password"] == "[REDACTED:password]"
    # The ordinary value next to it is kept as typed (no over-redaction).
    assert answers["err"]["value"] == ERROR_CODE
    assert detail["variables"]["error_code"] == ERROR_CODE
    # The next step uses {{password}}: left for the runner (which holds the value) to fill in,
    # while {{error_code}} is filled in by the server as before.
    assert detail["withheld_variables"] == ["password"]
    step = detail["current_step"]
    assert step["node_id"] == "map" and "{{password}}" in step["body"]
    assert f"(error was {ERROR_CODE})" in step["body"]
    # Nothing stored holds it either: not the events, not the engine state.
    session, events = await _stored(app, sid)
    assert PASSWORD not in str(session.state)
    assert all(PASSWORD not in str(e.payload) for e in events)
    # Nor the live stream (replayed from the start).
    r = await client.get(
        f"/api/v1/sessions/{sid}/stream",
        headers=tenant.engineer.headers,
        params={"after": 0, "max_seconds": 0},
    )
    assert r.status_code == 200 and "session_event" in r.text
    assert PASSWORD not in r.text
    # Nor what the copilot is told about the session (its LLM prompt's data blocks).
    blocks, _ = _context(SessionDetail.model_validate(detail))
    prompt = "\n".join(b.text for b in blocks)
    assert PASSWORD not in prompt and ERROR_CODE in prompt


@pytest.mark.parametrize("input_type", INPUT_TYPES)
async def test_the_documentation_never_shows_a_captured_password_in_any_format(
    client: AsyncClient, factory: Factory, input_type: str | None
) -> None:
    tenant = await factory.tenant()
    sid, _ = await answer_password(client, tenant, input_type, ticket_id="T-4410")
    await resolve(client, tenant, sid)
    for fmt in ("markdown", "text", "html"):
        for intent in ("export", "preview"):
            r = await client.get(
                f"/api/v1/sessions/{sid}/documentation",
                params={"format": fmt, "intent": intent},
                headers=tenant.engineer.headers,
            )
            assert r.status_code == 200, r.text
            note = r.text
            assert PASSWORD not in note
            assert ERROR_CODE in note
            if input_type == "secret":
                assert SECRET_CAPTURED in note
            else:
                assert "[REDACTED:password]" in note


async def test_a_value_sent_for_a_secret_input_is_dropped_and_none_is_needed(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await publish(
        client,
        tenant,
        doc(
            "Wi-Fi for the meeting room",
            "psk",
            [
                {
                    "id": "psk",
                    "type": "input",
                    "title": "Guest network",
                    "variable": "guest",
                    "input_type": "secret",
                },
                {"id": "ok", "type": "resolution", "title": "Connected", "outcome": "resolved"},
            ],
            [("psk", "ok", "")],
        ),
    )
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "Guest Wi-Fi", "flow_id": flow_id},
    )
    assert r.status_code == 201, r.text
    detail = r.json()
    assert detail["current_step"]["input_type"] == "secret"
    # The runner keeps the value and sends none: the step is answered all the same.
    r = await send(client, tenant, detail["id"], type="answer", node_id="psk", answer="")
    assert r.status_code == 201, r.text
    (entry,) = [e for e in r.json()["events"] if e["type"] == "answer"]
    assert entry["payload"]["value"] == SECRET_CAPTURED and entry["payload"]["secret"] is True
    assert r.json()["session"]["variables"] == {"guest": SECRET_CAPTURED}


async def test_an_ordinary_input_is_kept_verbatim_and_its_step_is_plain_text(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid, responses = await answer_password(client, tenant, None)
    first = responses[0]["session"]
    assert first["current_step"]["input_type"] == "text"
    assert first["variables"] == {"error_code": ERROR_CODE} and first["withheld_variables"] == []
    r = await client.get(
        f"/api/v1/sessions/{sid}/documentation",
        params={"format": "text"},
        headers=tenant.engineer.headers,
    )
    assert f"Error code shown?: {ERROR_CODE}" in r.text


async def test_values_stored_in_clear_before_this_fix_are_redacted_when_read(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    """Sessions captured before values were redacted on capture kept them as typed: every
    reader redacts them with their prompt on the way out."""
    tenant = await factory.tenant()
    sid, _ = await answer_password(client, tenant, None)
    async with app.state.sessionmaker() as db, db.begin():
        session = await db.get(Session, uuid.UUID(sid))
        assert session is not None
        session.state = {
            **session.state,
            "variables": {**session.state["variables"], "password": PASSWORD},
            "withheld": [],
        }
        entry = await db.scalar(
            select(SessionEvent)
            .where(SessionEvent.session_id == session.id, SessionEvent.type == "answer")
            .order_by(SessionEvent.seq.desc())
            .limit(1)
        )
        assert entry is not None and entry.payload["node_id"] == "pw"
        entry.payload = {**entry.payload, "value": PASSWORD}
    r = await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    assert PASSWORD not in r.text
    assert r.json()["variables"]["password"] == "[REDACTED:password]"
    for fmt in ("markdown", "text", "html"):
        r = await client.get(
            f"/api/v1/sessions/{sid}/documentation",
            params={"format": fmt},
            headers=tenant.engineer.headers,
        )
        assert PASSWORD not in r.text and ERROR_CODE in r.text
    # The next step's text (filled in by the engine) does not show the old value either.
    r = await send(client, tenant, sid, type="answer", node_id="map", answer="")
    assert r.status_code == 201 and PASSWORD not in r.text


class TestWhatLooksSecret:
    @pytest.mark.parametrize(
        ("title", "variable"),
        [
            ("Password", None),
            ("Local admin password", "admin_pw"),
            (None, "password"),
            ("Enter it", "dbPassword"),
            ("Enter it", "db_pass"),
            ("SIM PIN", None),
            ("API key", None),
            ("Client secret", None),
            ("Access token", None),
            ("Wi-Fi passphrase", None),
            ("WiFi key", None),
            ("BitLocker recovery key", None),
            ("Service account credentials", None),
        ],
    )
    def test_secret_names(self, title: str | None, variable: str | None) -> None:
        assert looks_secret(title, variable)
        # Whatever the value looks like, it is withheld.
        assert captured_value(title, variable, "blue sky 42").startswith("[REDACTED:")

    @pytest.mark.parametrize(
        ("title", "variable"),
        [
            ("Error code shown?", "error_code"),
            ("Ping time to the gateway", "ping_ms"),
            ("Secretary's name", "secretary"),
            ("Username (UPN prefix)", "username"),
            ("Which printer? (queue name and IP address)", "printer_name"),
            ("Pass or fail?", "result"),
            ("Product spinning up?", "spinning"),
        ],
    )
    def test_ordinary_names(self, title: str, variable: str) -> None:
        assert not looks_secret(title, variable)

    def test_an_input_asked_as_a_yes_no_question_keeps_its_yes_or_no(self) -> None:
        assert captured_value("Password reset required?", "pw_reset", "Yes") == "Yes"
        assert captured_value("Password reset required?", "pw_reset", PASSWORD) == (
            "[REDACTED:password]"
        )

    def test_the_prompt_finds_secrets_inside_an_ordinary_looking_input(self) -> None:
        assert captured_value(
            "Connection string", "conn", "Server=db1;User Id=sa;Password=Sup3rS3cret!"
        ) == ("Server=db1;User Id=sa;Password=[REDACTED:password]")
        assert captured_value("Error code shown?", "error_code", ERROR_CODE) == ERROR_CODE

    def test_redacting_twice_changes_nothing(self) -> None:
        once = captured_value("Connection string", "conn", "User=sa;Password=Sup3rS3cret!")
        assert captured_value("Connection string", "conn", once) == once
        payload = {"node_type": "input", "title": "Password", "value": "[REDACTED:password]"}
        assert shown_payload("answer", payload) == payload
        secret = {"node_type": "input", "title": "Guest", "value": "x", "secret": True}
        assert shown_payload("answer", secret)["value"] == SECRET_CAPTURED
