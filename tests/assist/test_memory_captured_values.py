"""What the copilot remembers of a resolved session (the text indexed for retrieval and, from
there, for the semantic index) never holds a password typed into an input step."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import text

from resolutionflow.assist.retrieval import RESOLVED_KIND
from resolutionflow.redaction.inputs import SECRET_CAPTURED
from tests.assist.support import ask, new_session
from tests.fixtures.factories import Factory
from tests.sessions.captured import ERROR_CODE, PASSWORD, answer_password, resolve


@pytest.mark.parametrize("input_type", [None, "secret"])
async def test_a_resolved_session_is_remembered_without_its_captured_password(
    client: AsyncClient, factory: Factory, app: FastAPI, input_type: str | None
) -> None:
    tenant = await factory.tenant()
    title = f"Z: drive gone for Dana ({input_type or 'plain'})"
    sid, _ = await answer_password(client, tenant, input_type, title=title)
    await resolve(client, tenant, sid)

    async with app.state.sessionmaker() as db:
        rows = (
            await db.execute(
                text("SELECT title, body FROM text_search WHERE kind = :kind AND title = :title"),
                {"kind": RESOLVED_KIND, "title": title},
            )
        ).all()
        everything = (await db.execute(text("SELECT title, body FROM text_search"))).all()
    (remembered,) = rows
    body = remembered.body
    assert body.startswith("Resolution: Mapped Z: again")
    shown = SECRET_CAPTURED if input_type == "secret" else "[REDACTED:password]"
    assert f"Password: {shown}" in body and ERROR_CODE in body
    # No row of the search index (session text, events, memory) holds it.
    assert all(PASSWORD not in f"{r.title} {r.body}" for r in everything)

    # And the copilot, asked about a similar problem, answers from it without the value.
    other = await new_session(client, tenant, "Drive again")
    reply = await ask(client, tenant, other, "Z: drive gone for Dana, how was it mapped?")
    assert ("session", sid) in [(s["kind"], s["id"]) for s in reply["sources"]]
    assert PASSWORD not in str(reply)
