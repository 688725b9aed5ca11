"""The jobs admin view: a team admin sees their account's jobs only (another account's job is
404, also for retry); the super admin sees every account's."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.jobs import queue
from tests.fixtures.factories import Factory, unique
from tests.jobs.support import BROKEN, BrokenPayload


async def test_team_admins_see_their_accounts_jobs_and_another_accounts_are_404(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    mine, theirs = await factory.tenant(), await factory.tenant()
    reason = unique("mine")
    async with app.state.sessionmaker() as db:
        job = await queue.enqueue(db, BROKEN, BrokenPayload(reason=reason), account_id=mine.id)
        await db.commit()

    own = await client.get("/api/v1/jobs?state=queued", headers=mine.admin.headers)
    assert str(job.id) in [x["id"] for x in own.json()["items"]]
    other = await client.get("/api/v1/jobs", headers=theirs.admin.headers)
    assert str(job.id) not in [x["id"] for x in other.json()["items"]]
    for method, path in (
        ("GET", f"/api/v1/jobs/{job.id}"),
        ("POST", f"/api/v1/jobs/{job.id}/retry"),
    ):
        r = await client.request(method, path, headers=theirs.admin.headers)
        assert r.status_code == 404, (method, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
    # The installation's operator sees it, whichever account they sit in.
    r = await client.get(f"/api/v1/jobs/{job.id}", headers=theirs.super_admin.headers)
    assert r.status_code == 200 and r.json()["account_id"] == str(mine.id)
    # Filters: several states at once; a bad state is a 422 that names the parameter.
    r = await client.get("/api/v1/jobs?state=queued&state=dead", headers=mine.admin.headers)
    assert {x["state"] for x in r.json()["items"]} <= {"queued", "dead"}
    r = await client.get("/api/v1/jobs?state=exploded", headers=mine.admin.headers)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"][:2] == ["query", "state"]
