"""How appended entries are stored (sessions.repository.add_events): entries, their search rows
and the session's last_seq/updated_at, read back in a fresh unit of work, on both databases;
and on PostgreSQL an append's writes are one statement."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import event, select
from sqlalchemy.engine import Engine

from resolutionflow.models import Session, SessionEvent
from resolutionflow.sessions import repository, service
from tests.conftest import Factory
from tests.sessions.flows import start

ON_POSTGRES = bool(os.environ.get("RF_TEST_DATABASE_URL"))


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(args[2])

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


async def _titles(client: AsyncClient, headers: dict[str, str], q: str) -> list[str]:
    r = await client.get("/api/v1/sessions", headers=headers, params={"q": q})
    assert r.status_code == 200, r.text
    return [item["title"] for item in r.json()["items"]]


async def _append(app: FastAPI, session_id: str, entries: list[tuple[str, dict[str, Any]]]) -> int:
    """Append `entries` as the PSA outbox does (no actor); the statements that stored them."""
    async with app.state.sessionmaker() as db:
        session = await db.scalar(
            select(Session).where(Session.id == uuid.UUID(session_id)).with_for_update()
        )
        assert session is not None
        before, first = session.updated_at, session.last_seq + 1
        with statements() as seen:
            events = await service.append_as(db, session, None, entries)
        assert [e.seq for e in events] == list(range(first, first + len(entries)))
        assert session.updated_at > before
        await db.commit()
    # Statements that write the timeline, its search rows or the session (append hooks, such
    # as analytics' fold, write their own tables).
    return len(
        [
            s
            for s in seen
            if "INTO session_event" in s
            or "INTO text_search" in s
            or s.startswith("UPDATE session ")
        ]
    )


async def _stored(app: FastAPI, session_id: str) -> tuple[int, list[tuple[int, str, Any]]]:
    async with app.state.sessionmaker() as db:
        session = await db.get(Session, uuid.UUID(session_id), populate_existing=True)
        assert session is not None
        timeline = await db.scalars(
            select(SessionEvent)
            .where(SessionEvent.session_id == session.id)
            .order_by(SessionEvent.seq)
        )
        return session.last_seq, [(e.seq, e.type, e.payload.get("text")) for e in timeline]


async def test_entries_rows_and_the_session_are_stored_together(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None, title="Mapped drive missing"))["id"]
    entries: list[tuple[str, dict[str, Any]]] = [
        ("note", {"text": "Checked the GPO for the Finance share"}),
        ("paused", {}),
        ("note", {"text": "Robocopy log shows ACCESSDENIED on the quarterly folder"}),
    ]
    taken = await _append(app, sid, entries)

    last_seq, timeline = await _stored(app, sid)
    assert last_seq == 4
    assert timeline[1:] == [
        (2, "note", "Checked the GPO for the Finance share"),
        (3, "paused", None),
        (4, "note", "Robocopy log shows ACCESSDENIED on the quarterly folder"),
    ]
    # Both notes are searchable; the pause has no text to index.
    h = tenant.engineer.headers
    assert await _titles(client, h, "gpo") == ["Mapped drive missing"]
    assert await _titles(client, h, "accessdenied") == ["Mapped drive missing"]
    if ON_POSTGRES:
        assert taken == 1  # entries, search rows and the session's update in one statement

    # The next append carries on from what was stored.
    r = await client.post(
        f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "note", "text": "Fixed"}
    )
    assert r.status_code == 201, r.text
    assert [e["seq"] for e in r.json()["events"]] == [5]


async def test_entries_without_text_and_many_entries_are_stored_whole(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None, title="Printer queue stuck"))["id"]
    taken = await _append(app, sid, [("paused", {})])
    if ON_POSTGRES:
        assert taken == 1
    many = [("note", {"text": f"Attempt {i}: spooler restarted"}) for i in range(20)]
    assert len(many) > repository._ONE_STATEMENT_MAX  # the batch path, one statement per table
    await _append(app, sid, many)

    last_seq, timeline = await _stored(app, sid)
    assert last_seq == 22
    assert [seq for seq, _, _ in timeline] == list(range(1, 23))
    assert timeline[-1] == (22, "note", "Attempt 19: spooler restarted")
    assert await _titles(client, tenant.engineer.headers, "spooler") == ["Printer queue stuck"]


@pytest.mark.skipif(not ON_POSTGRES, reason="SQLite has no data-modifying CTEs")
async def test_a_failing_write_in_the_statement_stores_none_of_it(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None, title="VPN drops"))["id"]
    async with app.state.sessionmaker() as db:
        session = await db.get(Session, uuid.UUID(sid), with_for_update=True)
        assert session is not None
        # seq 1 is taken (the "started" entry): the entry's insert fails, and with it the rows
        # and the session's update that ride in the same statement.
        session.last_seq = 0
        with pytest.raises(Exception, match="uq_session_event_seq"):
            await service.append_as(db, session, None, [("note", {"text": "Rolled back"})])
        await db.rollback()
    last_seq, timeline = await _stored(app, sid)
    assert last_seq == 1 and len(timeline) == 1
    assert await _titles(client, tenant.engineer.headers, "rolled") == []
