"""PSA pushes are delivered by `psa.push` jobs: a push the PSA refuses ends as a dead job with
its reason, and retrying that job in the admin view retries the push, which then lands once."""

from __future__ import annotations

import uuid

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.jobs.runner import Worker
from resolutionflow.models import Job
from resolutionflow.models.psa import PsaPush
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect, start


async def _state(app: FastAPI, push_id: str) -> tuple[str, Job]:
    async with app.state.sessionmaker() as db:
        push = await db.get(PsaPush, uuid.UUID(push_id), populate_existing=True)
        jobs = [
            j
            for j in await db.scalars(
                select(Job).where(Job.kind == "psa.push").execution_options(populate_existing=True)
            )
            if j.payload["push_id"] == push_id
        ]
    assert push is not None and len(jobs) == 1
    return push.state, jobs[0]


async def test_a_refused_push_is_a_dead_job_and_retrying_the_job_retries_the_push(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, app: FastAPI
) -> None:
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push", headers=tenant.engineer.headers, json={}
    )
    assert r.status_code == 202, r.text
    push_id = r.json()["id"]
    cw.fail_next(401, path_contains="/notes", method="POST")
    await Worker(app.state.sessionmaker).run_due()
    state, job = await _state(app, push_id)
    assert state == "failed"
    assert job.state == "dead" and "keys" in job.last_error

    h = tenant.admin.headers
    dead = (await client.get("/api/v1/jobs?state=dead", headers=h)).json()["items"]
    assert [x["title"] for x in dead if x["id"] == str(job.id)] == ["PSA note"]
    r = await client.post(f"/api/v1/jobs/{job.id}/retry", headers=h)
    assert r.status_code == 200, r.text
    state, job = await _state(app, push_id)
    assert (state, job.state) == ("queued", "queued")

    await Worker(app.state.sessionmaker).run_due()
    state, job = await _state(app, push_id)
    assert (state, job.state) == ("sent", "succeeded")
    ours = [n for n in cw.notes(1001) if "[ResolutionFlow RF-" in n["text"]]
    assert len(ours) == 1


async def test_a_job_for_a_push_that_already_failed_elsewhere_does_not_send_it(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, app: FastAPI
) -> None:
    """The job is only the trigger: a push failed by another path stays failed (no fresh
    budget without someone asking for a retry)."""
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push", headers=tenant.engineer.headers, json={}
    )
    push_id = r.json()["id"]
    cw.fail_next(401, path_contains="/notes", method="POST")
    await app.state.psa_outbox.run_due()  # delivered (and refused) without the job
    await Worker(app.state.sessionmaker).run_due()
    state, job = await _state(app, push_id)
    assert (state, job.state) == ("failed", "dead")
    assert [n for n in cw.notes(1001) if "[ResolutionFlow RF-" in n["text"]] == []
