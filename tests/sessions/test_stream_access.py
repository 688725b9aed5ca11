"""A live timeline is authorised on every wake-up, not only when it opens: a reader who is
deactivated or loses sight of the session stops receiving at once, and hears why (`event: end`).
Streams live at most RESOLUTIONFLOW_SSE_MAX_STREAM_S whatever the client asks for."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from httpx import AsyncClient, Response

from resolutionflow.config import Settings, get_settings
from resolutionflow.models import Role
from tests.fixtures.factories import Factory, Person

# Long enough that a stream still open at the end of a test means it was never cut.
OPEN_FOR_S = 60
ENDS_WITHIN_S = 10


@pytest.fixture(autouse=True)
def _fast_rechecks(monkeypatch: pytest.MonkeyPatch) -> None:
    # Streams wake every 0.1 s here (5 s by default); the re-check runs on every wake-up.
    monkeypatch.setattr(get_settings(), "sse_poll_interval_s", 0.1)


def sse_events(text: str) -> list[dict[str, str]]:
    events = []
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            key, sep, value = line.partition(":")
            if sep and key in ("id", "event", "data"):
                fields[key] = value.strip()
        if "event" in fields:
            events.append(fields)
    return events


async def open_stream(client: AsyncClient, url: str, person: Person) -> asyncio.Task[Response]:
    """A stream being read in the background (the test client hands over the whole body when
    the stream ends); returned once it has been authorised and is waiting."""
    task = asyncio.create_task(client.get(url, headers=person.headers))
    await asyncio.sleep(0.5)
    assert not task.done(), "the stream closed at once"
    return task


async def ended(task: asyncio.Task[Response]) -> tuple[Response, dict[str, Any]]:
    """The finished stream and its `end` event, which must be its last."""
    try:
        r = await asyncio.wait_for(task, ENDS_WITHIN_S)
    except TimeoutError:
        raise AssertionError(f"the stream was still open after {ENDS_WITHIN_S} s") from None
    assert r.status_code == 200, r.text
    last = sse_events(r.text)[-1]
    assert last["event"] == "end", r.text
    return r, json.loads(last["data"])


async def _watched_session(client: AsyncClient, factory: Factory) -> tuple[Any, str, Person]:
    tenant = await factory.tenant()
    sid = (
        await client.post(
            "/api/v1/sessions", json={"title": "Watched"}, headers=tenant.engineer.headers
        )
    ).json()["id"]
    # A second team admin follows the engineer's session (team admins see every session).
    lead = await factory.user(tenant, Role.team_admin)
    return tenant, sid, lead


async def _note(client: AsyncClient, person: Person, sid: str, text: str) -> None:
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=person.headers,
        json={"type": "note", "text": text},
    )
    assert r.status_code == 201, r.text


async def test_a_deactivated_reader_stops_receiving_at_once(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid, lead = await _watched_session(client, factory)
    task = await open_stream(
        client, f"/api/v1/sessions/{sid}/stream?max_seconds={OPEN_FOR_S}", lead
    )
    await _note(client, tenant.engineer, sid, "seen while still allowed")
    await asyncio.sleep(0.5)
    r = await client.patch(
        f"/api/v1/users/{lead.id}", headers=tenant.admin.headers, json={"is_active": False}
    )
    assert r.status_code == 200, r.text
    await _note(client, tenant.engineer, sid, "written after the deactivation")

    response, end = await ended(task)
    assert end["reason"] == "unauthorized"
    assert "seen while still allowed" in response.text
    assert "written after the deactivation" not in response.text
    # Reconnecting is refused, as the end event said.
    again = await client.get(f"/api/v1/sessions/{sid}/stream?max_seconds=0", headers=lead.headers)
    assert again.status_code == 401


async def test_a_demoted_reader_loses_a_session_they_no_longer_see(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, sid, lead = await _watched_session(client, factory)
    task = await open_stream(
        client, f"/api/v1/sessions/{sid}/stream?max_seconds={OPEN_FOR_S}", lead
    )
    # An engineer sees only their own sessions: the former lead loses this one.
    r = await client.patch(
        f"/api/v1/users/{lead.id}", headers=tenant.admin.headers, json={"role": "engineer"}
    )
    assert r.status_code == 200, r.text
    await _note(client, tenant.engineer, sid, "written after the demotion")

    response, end = await ended(task)
    assert end["reason"] == "forbidden"
    assert "written after the demotion" not in response.text
    again = await client.get(f"/api/v1/sessions/{sid}/stream?max_seconds=0", headers=lead.headers)
    assert again.status_code == 404


async def test_the_owner_keeps_following_while_nothing_changes(
    client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "sse_max_stream_s", 1.5)
    tenant, sid, _ = await _watched_session(client, factory)
    task = await open_stream(
        client, f"/api/v1/sessions/{sid}/stream?max_seconds={OPEN_FOR_S}", tenant.engineer
    )
    await _note(client, tenant.engineer, sid, "still here")
    response, end = await ended(task)
    # Re-checked many times over, and never cut: it ended only when its lifetime was over.
    assert end["reason"] == "expired"
    notes = [e for e in sse_events(response.text) if e["event"] == "session_event"]
    assert [json.loads(e["data"])["payload"]["text"] for e in notes] == ["still here"]
    assert response.text.startswith("retry: ")


async def test_the_server_caps_how_long_a_stream_stays_open(
    client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Settings.model_fields["sse_max_stream_s"].default == 300
    monkeypatch.setattr(get_settings(), "sse_max_stream_s", 0.5)
    tenant, sid, _ = await _watched_session(client, factory)
    # The client asks for an hour; the server's cap wins.
    task = asyncio.create_task(
        client.get(
            f"/api/v1/sessions/{sid}/stream?max_seconds=3600", headers=tenant.engineer.headers
        )
    )
    _, end = await ended(task)
    assert end["reason"] == "expired"
