"""Per-step durations: from a step being shown to its answer, in active time (pauses and
parking excluded); on the timeline (answer events carry `duration_seconds`) and in the note."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from httpx import AsyncClient

from resolutionflow.analytics.timeline import Entry, answer_durations
from resolutionflow.sessions import service
from tests.fixtures.factories import Factory
from tests.sessions.flows import EVERY_TYPE, publish, send, start

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def at(self, seconds: float) -> None:
        self.now = T0 + timedelta(seconds=seconds)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(service, "_now", lambda: c.now)
    return c


async def test_an_answer_says_how_long_its_step_took_without_the_pause(
    client: AsyncClient, factory: Factory, clock: Clock
) -> None:
    tenant = await factory.tenant()
    flow_id = await publish(client, tenant, EVERY_TYPE)
    s = await start(client, tenant, flow_id)  # the question is shown at 0 s
    sid = s["id"]
    clock.at(30)
    assert (await send(client, tenant, sid, type="pause")).status_code == 201
    clock.at(30 + 600)  # ten minutes away
    assert (await send(client, tenant, sid, type="resume")).status_code == 201
    clock.at(30 + 600 + 100)
    r = await send(client, tenant, sid, type="answer", node_id="q", answer="Yes")
    assert r.status_code == 201, r.text
    [answer] = [e for e in r.json()["events"] if e["type"] == "answer"]
    assert answer["duration_seconds"] == 130.0  # 30 s before the pause, 100 s after
    clock.at(30 + 600 + 100 + 45)
    r = await send(
        client, tenant, sid, type="answer", node_id="code", answer="", value="0x80070035"
    )
    assert r.status_code == 201, r.text

    got = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    took = {
        e["payload"]["node_id"]: e["duration_seconds"]
        for e in got["timeline"]
        if e["type"] == "answer"
    }
    assert took == {"q": 130.0, "code": 45.0}
    assert all(e["duration_seconds"] is None for e in got["timeline"] if e["type"] != "answer")

    note = (
        await client.get(f"/api/v1/sessions/{sid}/documentation", headers=tenant.engineer.headers)
    ).text
    assert "Does the share open by UNC path? → **Yes** — 2m 10s" in note
    assert "Error shown?: `0x80070035` — 45s" in note


def _e(seq: int, kind: str, seconds: float, **payload: object) -> Entry:
    return Entry(seq, kind, T0 + timedelta(seconds=seconds), payload)


def test_durations_exclude_pauses_parking_and_escalation_waits() -> None:
    entries = [
        _e(1, "started", 0),
        _e(2, "step_shown", 0, node_id="a"),
        _e(3, "paused", 10),
        _e(4, "resumed", 110),
        _e(5, "answer", 120, node_id="a"),  # 10 + 10
        _e(6, "step_shown", 120, node_id="b"),
        _e(7, "paused", 125),
        _e(8, "parked", 125, handoff_id="h"),
        _e(9, "claimed", 5000),
        _e(10, "answer", 5003, node_id="b"),  # 5 + 3
        _e(11, "step_shown", 5003, node_id="c"),
        _e(12, "escalated", 5010),
        _e(13, "claimed", 9000),
        _e(14, "answer", 9020, node_id="c"),  # 7 + 20
        _e(15, "step_shown", 9020, node_id="d"),
        _e(16, "went_back", 9030, node_id="c"),  # d left unanswered
        _e(17, "answer", 9032, node_id="c"),
    ]
    assert answer_durations(entries) == {5: 20.0, 10: 8.0, 14: 27.0, 17: 2.0}
