"""The analytics.catch_up job: sessions written without the append hook (history from before
analytics, bulk writes) are folded into facts and step visits; a resolved session gives the
account its schedule; a session whose fact is current is left alone."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.analytics.jobs import CATCH_UP, CatchUpPayload
from resolutionflow.db import uow
from resolutionflow.jobs import queue
from resolutionflow.jobs.runner import Worker
from resolutionflow.models import Schedule
from tests.analytics.builder import Builder, Story, day
from tests.analytics.test_flow_paths import GRAPH
from tests.fixtures.factories import Factory

RANGE = "from=2026-03-01&to=2026-03-01"


async def test_history_is_caught_up_by_the_job(app: FastAPI, client: AsyncClient) -> None:
    tenant = await Factory(app).tenant()
    build = Builder(app)
    flow = await build.flow(tenant.id, GRAPH)
    story = Story(flow_id=flow).add("copilot_reply", suggestions=[{"title": "x"}]).show("q1")
    story.wait(25).answer("q1", "a1").add("ticket_linked", company="Contoso").add("abandoned")
    built = await build.session(tenant.id, tenant.engineer.id, day("2026-03-01"),
                                status="abandoned", story=story, catch_up=False)  # fmt: skip
    admin = tenant.admin.headers

    async def overview() -> dict:  # type: ignore[type-arg]
        r = await client.get(f"/api/v1/analytics/overview?{RANGE}", headers=admin)
        return dict(r.json())

    before = await overview()
    assert before["sessions"] == 1 and before["copilot_use"]["sessions"] == 0
    async with uow.transaction(app.state.sessionmaker) as db:
        await queue.enqueue(db, CATCH_UP, CatchUpPayload(), account_id=tenant.id)
    await Worker(app.state.sessionmaker).run_due()

    after = await overview()
    assert after["copilot_use"]["sessions"] == 1
    r = await client.get(f"/api/v1/analytics/coverage?{RANGE}&rows=client", headers=admin)
    assert [(c["row"], c["col"]) for c in r.json()["cells"]] == [("Contoso", "abandoned")]
    r = await client.get(f"/api/v1/analytics/flows/{flow}?{RANGE}", headers=admin)
    nodes = {
        n["node_id"]: (n["reached"], n["dropped"], n["median_seconds"]) for n in r.json()["nodes"]
    }
    assert nodes["q1"] == (1, 0, 25.0) and nodes["a1"] == (1, 1, None)
    assert await build.visits(built.id) == [
        (3, "q1", True, 25.0, flow),
        (5, "a1", False, None, flow),
    ]


async def test_a_resolved_session_gives_the_account_its_schedule(
    app: FastAPI, client: AsyncClient
) -> None:
    tenant = await Factory(app).tenant()
    h = tenant.engineer.headers
    for _ in range(2):  # the second resolve finds the schedule made
        r = await client.post("/api/v1/sessions", headers=h, json={"title": "Printer"})
        sid = r.json()["id"]
        r = await client.post(f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "resolve"})
        assert r.status_code in (200, 201), r.text
    async with uow.transaction(app.state.sessionmaker) as db:
        kinds = (
            await db.scalars(
                select(Schedule.job_kind).where(
                    Schedule.account_id == tenant.id, Schedule.owner == "analytics"
                )
            )
        ).all()
    assert kinds == [CATCH_UP.name]
