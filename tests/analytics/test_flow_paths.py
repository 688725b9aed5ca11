"""GET /api/v1/analytics/flows/{id}: runs and rates, and the path view over known timelines —
per node reached, answered, dropped (and still open there) and the median time from showing
to answering with pauses and escalation waits excluded; per edge how often it was taken. Also
the figures the append hook records for a session run through the API, and that the catch-up
derives exactly the same."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import delete

from resolutionflow.analytics import recorder
from resolutionflow.db import uow
from resolutionflow.models import SessionFact, StepVisit
from resolutionflow.sessions import service as sessions_service
from tests.analytics.builder import Builder, Story, day
from tests.fixtures.factories import Factory, Tenant

GRAPH: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "kind": "troubleshooting",
    "start": "q1",
    "nodes": [
        {"id": "q1", "type": "question", "title": "Does it ping?"},
        {"id": "a1", "type": "action", "title": "Restart the spooler"},
        {"id": "r_ok", "type": "resolution", "title": "Printing again", "outcome": "resolved"},
        {"id": "r_no", "type": "resolution", "title": "Hardware fault", "outcome": "unresolved"},
    ],
    "edges": [
        {"source": "q1", "target": "a1", "label": "Yes"},
        {"source": "q1", "target": "r_no", "label": "No"},
        {"source": "a1", "target": "r_ok", "label": ""},
    ],
}
RANGE = "from=2026-03-01&to=2026-03-07"


class World:
    tenant: Tenant
    other: Tenant
    flow_id: uuid.UUID
    other_flow: uuid.UUID


@pytest.fixture(scope="module")
async def world(app: FastAPI) -> World:
    factory, build = Factory(app), Builder(app)
    w = World()
    w.tenant, w.other = await factory.tenant(), await factory.tenant()
    a, owner = w.tenant.id, w.tenant.engineer.id
    f = w.flow_id = await build.flow(a, GRAPH, title="Printer offline", category="Printing")
    w.other_flow = await build.flow(w.other.id, GRAPH, title="Theirs")

    def story() -> Story:
        return Story(flow_id=f).show("q1")

    async def run(when: str, story: Story, status: str, secs: int = 0, **kw: Any) -> None:
        await build.session(a, owner, day(when, 3600), status=status, active_seconds=secs,
                            story=story, **kw)  # fmt: skip

    # 1: straight through. q1 30 s, a1 60 s.
    s1 = story().wait(30).answer("q1", "a1").wait(60).answer("a1", "r_ok")
    await run("2026-03-01", s1.add("flow_completed").wait(5).add("resolved"), "resolved", 95)
    # 2: paused 100 s on q1 (10 + 20 active), abandoned at a1.
    s2 = story().wait(10).add("paused").wait(100).add("resumed").wait(20).answer("q1", "a1")
    await run("2026-03-02", s2.wait(70).add("abandoned"), "abandoned", 100)
    # 3: escalated on a1 (10 s, then 540 s waiting, then 20 s).
    s3 = story().wait(50).answer("q1", "a1").wait(10).add("escalated").wait(540)
    s3.add("claimed").wait(20).answer("a1", "r_ok").wait(10).add("resolved")
    await run("2026-03-03", s3, "resolved", 90, handoff="claimed")
    # 4: "No" to a dead end, marked unresolved.
    await run("2026-03-04", story().wait(20).answer("q1", "r_no").wait(5).add("unresolved"),
              "unresolved", 25)  # fmt: skip
    # 5: still on q1.
    await run("2026-03-05", story(), "active")
    # 6: went back from a1 to q1 (q1 10 s, then 40 s), a1 10 s.
    s6 = story().wait(10).answer("q1", "a1").wait(10).add("went_back", node_id="q1")
    s6.wait(40).answer("q1", "a1").wait(10).answer("a1", "r_ok").wait(5).add("resolved")
    await run("2026-03-06", s6, "resolved", 75)
    # Outside the range, another flow's run, another account's run: none of them count.
    await run("2026-03-08", story().wait(999).answer("q1", "a1"), "active")
    g = await build.flow(a, GRAPH, title="Another flow")
    await run("2026-03-02", Story(flow_id=g).show("q1").wait(1).answer("q1", "a1"), "active")
    await build.session(w.other.id, w.other.engineer.id, day("2026-03-02"), status="abandoned",
                        story=Story(flow_id=w.other_flow).show("q1").wait(3).answer("q1", "a1")
                        .add("abandoned"))  # fmt: skip
    return w


async def figures(client: AsyncClient, who: Any, flow_id: Any, query: str = RANGE) -> Any:
    r = await client.get(f"/api/v1/analytics/flows/{flow_id}?{query}", headers=who.headers)
    assert r.status_code == 200, r.text
    return r.json()


async def test_runs_and_rates(client: AsyncClient, world: World) -> None:
    f = await figures(client, world.tenant.admin, world.flow_id)
    assert (f["flow_id"], f["title"], f["category"], f["version"]) == (
        str(world.flow_id),
        "Printer offline",
        "Printing",
        1,
    )
    assert {k: f[k] for k in RUN_KEYS} == {
        "runs": 6,
        "resolved": 3,
        "resolution_rate": 0.5,
        "median_active_seconds": 90.0,  # 75, 90, 95
        "abandoned": 1,
        "abandonment_rate": 0.1667,
        "unresolved": 1,
        "escalated": 1,
        "escalation_rate": 0.1667,
        "open": 1,
        "workaround": 0,
    }
    assert f["rating"] is None


RUN_KEYS = (
    "runs",
    "resolved",
    "resolution_rate",
    "median_active_seconds",
    "abandoned",
    "abandonment_rate",
    "unresolved",
    "escalated",
    "escalation_rate",
    "open",
    "workaround",
)


async def test_every_node_of_the_path_view(client: AsyncClient, world: World) -> None:
    f = await figures(client, world.tenant.admin, world.flow_id)
    nodes = {
        n["node_id"]: (
            n["reached"], n["answered"], n["dropped"], n["still_open"], n["median_seconds"],
            n["in_graph"],
        )
        for n in f["nodes"]
    }  # fmt: skip
    assert [n["node_id"] for n in f["nodes"]] == ["q1", "a1", "r_ok", "r_no"]
    assert nodes == {
        # q1 answered after 30, 30 (paused 100 s), 50, 20, 10 and 40 s: median 30.
        "q1": (6, 6, 1, 1, 30.0, True),
        # a1 answered after 60, 30 (waited 540 s for a pickup) and 10 s; left once unanswered.
        "a1": (4, 3, 1, 0, 30.0, True),
        "r_ok": (3, 0, 0, 0, None, True),
        "r_no": (1, 0, 1, 0, None, True),
    }
    assert f["nodes"][0]["title"] == "Does it ping?" and f["nodes"][0]["type"] == "question"


async def test_edges_say_how_often_they_were_taken(client: AsyncClient, world: World) -> None:
    f = await figures(client, world.tenant.admin, world.flow_id)
    assert f["edges"] == [
        {"source": "q1", "target": "a1", "label": "Yes", "taken": 5, "in_graph": True},
        {"source": "q1", "target": "r_no", "label": "No", "taken": 1, "in_graph": True},
        {"source": "a1", "target": "r_ok", "label": "", "taken": 3, "in_graph": True},
    ]


async def test_a_narrower_range_and_an_engineers_own_runs(
    client: AsyncClient, world: World, app: FastAPI
) -> None:
    f = await figures(client, world.tenant.admin, world.flow_id, "from=2026-03-01&to=2026-03-02")
    assert (f["runs"], f["resolved"], f["abandoned"]) == (2, 1, 1)
    assert {n["node_id"]: n["median_seconds"] for n in f["nodes"]}["q1"] == 30.0
    # Someone else's engineer sees only their own runs: none here.
    other = await Factory(app).user(world.tenant)
    mine = await figures(client, other, world.flow_id)
    assert mine["runs"] == 0 and all(n["reached"] == 0 for n in mine["nodes"])


async def test_another_accounts_flow_is_not_found(client: AsyncClient, world: World) -> None:
    for who in (world.tenant.admin, world.tenant.engineer, world.tenant.super_admin):
        r = await client.get(
            f"/api/v1/analytics/flows/{world.other_flow}?{RANGE}", headers=who.headers
        )
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/problem+json")
    theirs = await figures(client, world.other.admin, world.other_flow)
    assert theirs["runs"] == 1 and theirs["abandoned"] == 1


async def test_nodes_of_older_versions_are_listed_after_the_graph(
    app: FastAPI, client: AsyncClient
) -> None:
    tenant = await Factory(app).tenant()
    build = Builder(app)
    f = await build.flow(tenant.id, GRAPH)
    story = Story(flow_id=f).show("legacy").wait(12).answer("legacy", "q1").wait(1)
    await build.session(tenant.id, tenant.engineer.id, day("2026-03-02"), status="abandoned",
                        story=story.add("abandoned"))  # fmt: skip
    got = await figures(client, tenant.admin, f)
    extra = got["nodes"][-1]
    assert (extra["node_id"], extra["in_graph"], extra["reached"], extra["median_seconds"]) == (
        "legacy",
        False,
        1,
        12.0,
    )
    assert {"source": "legacy", "target": "q1", "label": None, "taken": 1, "in_graph": False} in (
        got["edges"]
    )


async def test_a_session_run_through_the_api_is_recorded_as_it_goes(
    app: FastAPI, client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await Factory(app).tenant()
    h = tenant.engineer.headers
    r = await client.post("/api/v1/flows", headers=tenant.admin.headers, json=GRAPH)
    flow_id = r.json()["id"]
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text

    clock = [datetime.now(UTC)]
    monkeypatch.setattr(sessions_service, "_now", lambda: clock[0])

    async def event(sid: str, body: dict[str, Any], after: float) -> None:
        clock[0] += timedelta(seconds=after)
        r = await client.post(f"/api/v1/sessions/{sid}/events", headers=h, json=body)
        assert r.status_code in (200, 201), r.text

    r = await client.post(
        "/api/v1/sessions", headers=h, json={"title": "Printer", "flow_id": flow_id}
    )
    sid = r.json()["id"]
    await event(sid, {"type": "answer", "node_id": "q1", "answer": "Yes"}, 30)
    await event(sid, {"type": "note", "text": "spooler hung"}, 5)
    await event(sid, {"type": "pause"}, 5)
    await event(sid, {"type": "resume"}, 300)
    await event(sid, {"type": "answer", "node_id": "a1", "answer": ""}, 20)
    await event(sid, {"type": "resolve", "summary": "fixed"}, 2)

    f = await figures(client, tenant.admin, flow_id, "")
    medians = {n["node_id"]: (n["reached"], n["median_seconds"]) for n in f["nodes"]}
    assert medians == {"q1": (1, 30.0), "a1": (1, 30.0), "r_ok": (1, None), "r_no": (0, None)}
    assert (f["runs"], f["resolved"]) == (1, 1)

    # The catch-up (history, bulk-written sessions) derives exactly the same rows.
    build = Builder(app)
    recorded = await build.visits(uuid.UUID(sid))
    async with uow.transaction(app.state.sessionmaker) as db:
        await db.execute(delete(StepVisit).where(StepVisit.session_id == uuid.UUID(sid)))
        await db.execute(delete(SessionFact).where(SessionFact.session_id == uuid.UUID(sid)))
    async with uow.transaction(app.state.sessionmaker) as db:
        assert await recorder.catch_up_stale(db, tenant.id) == 1
        assert await recorder.catch_up_stale(db, tenant.id) == 0
    assert await build.visits(uuid.UUID(sid)) == recorded
    assert [(r[1], r[2], r[3]) for r in recorded] == [
        ("q1", True, 30.0),
        ("a1", True, 30.0),
        ("r_ok", False, None),
    ]
