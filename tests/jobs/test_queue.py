"""The job queue: enqueue in the caller's transaction, claim with a lease, retries, dead jobs,
idempotency, takeover after a dead worker, graceful release, and exactly once across workers."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from sqlalchemy import update

from resolutionflow.config import get_settings
from resolutionflow.db.engine import make_engine, make_sessionmaker
from resolutionflow.db.session import DB
from resolutionflow.errors import ValidationFailed, install_error_handlers
from resolutionflow.jobs import queue
from resolutionflow.jobs.runner import Worker
from resolutionflow.models import Job
from tests.fixtures.factories import Factory, Tenant, unique
from tests.jobs.support import BROKEN, RUNS, TOUCH, BrokenPayload, TouchPayload, effects, job


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


def _worker(app: FastAPI, **kw) -> Worker:  # type: ignore[no-untyped-def]
    return Worker(app.state.sessionmaker, **kw)


async def _enqueue(app: FastAPI, tenant: Tenant, note: str, **payload) -> Job:  # type: ignore[no-untyped-def]
    async with app.state.sessionmaker() as db:
        created = await queue.enqueue(
            db, TOUCH, TouchPayload(user_id=tenant.admin.id, note=note, **payload),
            account_id=tenant.id,
        )  # fmt: skip
        await db.commit()
        return created


async def test_a_job_enqueued_in_a_request_that_then_fails_is_never_run(
    app: FastAPI, tenant: Tenant
) -> None:
    # A route on the real request-edge unit of work: it queues a job, then refuses the input.
    probe = FastAPI()
    install_error_handlers(probe)
    probe.state.sessionmaker = app.state.sessionmaker
    probe.state.read_sessionmaker = app.state.read_sessionmaker
    note = unique("rolled-back")

    @probe.post("/queue-then-fail")
    async def queue_then_fail(db: DB) -> None:
        await queue.enqueue(
            db, TOUCH, TouchPayload(user_id=tenant.admin.id, note=note), account_id=tenant.id
        )
        raise ValidationFailed("the rest of the request was bad")

    @probe.post("/queue")
    async def queue_ok(db: DB) -> dict[str, str]:
        j = await queue.enqueue(
            db, TOUCH, TouchPayload(user_id=tenant.admin.id, note=note + "-kept"),
            account_id=tenant.id,
        )  # fmt: skip
        return {"id": str(j.id)}

    async with AsyncClient(transport=ASGITransport(app=probe), base_url="http://t") as c:
        failed = await c.post("/queue-then-fail")
        kept = await c.post("/queue")
    assert failed.status_code == 422
    assert kept.status_code == 200
    await _worker(app).run_due()
    async with app.state.sessionmaker() as db:
        assert await effects(db, note) == 0
        assert await effects(db, note + "-kept") == 1


async def test_a_job_runs_once_and_its_effect_is_stored_with_its_success(
    app: FastAPI, tenant: Tenant
) -> None:
    note = unique("once")
    created = await _enqueue(app, tenant, note)
    worker = _worker(app)
    assert await worker.run_due() >= 1
    assert await worker.run_due() == 0
    assert RUNS[created.id] == 1
    async with app.state.sessionmaker() as db:
        assert await effects(db, note) == 1
        done = await job(db, created.id)
    assert (done.state, done.attempts, done.lease_until) == ("succeeded", 1, None)
    assert done.finished_at is not None


async def test_a_failing_job_is_retried_with_backoff_then_succeeds(
    app: FastAPI, tenant: Tenant
) -> None:
    note = unique("flaky")
    created = await _enqueue(app, tenant, note, fail_first=2)
    worker = _worker(app)
    await worker.run_due()
    async with app.state.sessionmaker() as db:
        done = await job(db, created.id)
        assert (done.state, done.attempts) == ("succeeded", 3)
        assert await effects(db, note) == 1


async def test_backoff_grows_and_is_jittered() -> None:
    from resolutionflow.outbound.notices import WEBHOOK

    waits = [WEBHOOK.delay(n) for n in (1, 2, 3, 4)]
    # About 30 s, 2 min, 10 min (±20%), the last repeating.
    assert 24 <= waits[0] <= 36 and 96 <= waits[1] <= 144 and 480 <= waits[2] <= 720
    assert 480 <= waits[3] <= 720
    assert len({round(WEBHOOK.delay(1), 6) for _ in range(20)}) > 1, "no jitter"


async def test_a_job_that_always_fails_ends_dead_with_its_error_and_retry_runs_it_again(
    app: FastAPI, client: AsyncClient, tenant: Tenant
) -> None:
    async with app.state.sessionmaker() as db:
        created = await queue.enqueue(
            db, BROKEN, BrokenPayload(reason="disk full"), account_id=tenant.id
        )
        await db.commit()
    await _worker(app).run_due()
    assert RUNS[created.id] == 3
    h = tenant.admin.headers
    listed = (await client.get("/api/v1/jobs?state=dead", headers=h)).json()["items"]
    row = next(x for x in listed if x["id"] == str(created.id))
    assert row["state"] == "dead"
    assert row["attempts"] == 3 and row["max_attempts"] == 3
    assert row["title"] == "Always fails"
    # The error says what kind of failure; the exception text (a URL with a token) stays in
    # the server log.
    assert row["last_error"] == "Unexpected failure (RuntimeError)."
    assert "secret-token" not in str(listed)

    r = await client.post(f"/api/v1/jobs/{created.id}/retry", headers=h)
    assert r.status_code == 200, r.text
    assert (r.json()["state"], r.json()["attempts"]) == ("queued", 0)
    await _worker(app).run_due()
    assert RUNS[created.id] == 6
    again = await client.get(f"/api/v1/jobs/{created.id}", headers=h)
    assert again.json()["state"] == "dead"
    # Retrying is for failed or dead jobs only.
    done = await _enqueue(app, tenant, unique("fine"))
    await _worker(app).run_due()
    r = await client.post(f"/api/v1/jobs/{done.id}/retry", headers=h)
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_an_idempotency_key_makes_a_second_enqueue_return_the_first_job(
    app: FastAPI, tenant: Tenant
) -> None:
    payload = TouchPayload(user_id=tenant.admin.id, note=unique("idem"))
    async with app.state.sessionmaker() as db:
        first = await queue.enqueue(db, TOUCH, payload, account_id=tenant.id, idempotency_key="k1")
        await db.commit()
    async with app.state.sessionmaker() as db:
        second = await queue.enqueue(db, TOUCH, payload, account_id=tenant.id, idempotency_key="k1")
        other = await queue.enqueue(db, TOUCH, payload, account_id=tenant.id, idempotency_key="k2")
        await db.commit()
    assert second.id == first.id
    assert other.id != first.id


async def test_a_dead_workers_job_is_taken_over_when_its_lease_expires(
    app: FastAPI, tenant: Tenant
) -> None:
    note = unique("orphan")
    created = await _enqueue(app, tenant, note)
    crashed = _worker(app, name="crashed-worker")
    claimed = await crashed.claim(created.id)
    assert claimed is not None and claimed.attempt == 1
    # The crashed worker never finishes; while its lease holds, nobody else takes the job.
    survivor = _worker(app, name="survivor")
    assert await survivor.claim(created.id) is None
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(Job)
            .where(Job.id == created.id)
            .values(lease_until=datetime.now(UTC) - timedelta(seconds=1))
        )
        await db.commit()
    assert await survivor.run_due() >= 1
    async with app.state.sessionmaker() as db:
        done = await job(db, created.id)
        assert (done.state, done.attempts, done.worker) == ("succeeded", 2, "survivor")
        assert await effects(db, note) == 1
    # The crashed worker coming back to finish finds its claim gone and stores nothing.
    await crashed.execute(claimed)
    async with app.state.sessionmaker() as db:
        assert await effects(db, note) == 1


async def test_graceful_stop_releases_the_lease_without_counting_the_attempt(
    app: FastAPI, tenant: Tenant
) -> None:
    gate = asyncio.Event()
    from tests.jobs import support

    original = support.TOUCH.run

    async def slow(ctx, p):  # type: ignore[no-untyped-def]
        await gate.wait()
        await original(ctx, p)

    note = unique("stopped")
    created = await _enqueue(app, tenant, note)
    worker = _worker(app)
    object.__setattr__(support.TOUCH, "run", slow)
    try:
        worker.kick()
        for _ in range(100):
            async with app.state.sessionmaker() as db:
                if (await job(db, created.id)).state == "running":
                    break
            await asyncio.sleep(0.02)
        await worker.stop()
    finally:
        object.__setattr__(support.TOUCH, "run", original)
    async with app.state.sessionmaker() as db:
        released = await job(db, created.id)
    assert (released.state, released.attempts, released.lease_until) == ("queued", 0, None)
    await _worker(app).run_due()
    async with app.state.sessionmaker() as db:
        assert await effects(db, note) == 1


async def test_two_instances_run_fifty_jobs_each_exactly_once(app: FastAPI, tenant: Tenant) -> None:
    # Two app instances: their own engines (connection pools) on the one database.
    engines = [make_engine(get_settings()) for _ in range(2)]
    try:
        note = unique("fifty")
        async with app.state.sessionmaker() as db:
            ids = [
                (
                    await queue.enqueue(
                        db, TOUCH, TouchPayload(user_id=tenant.admin.id, note=note),
                        account_id=tenant.id,
                    )
                ).id
                for _ in range(50)
            ]  # fmt: skip
            await db.commit()
        workers = [
            Worker(make_sessionmaker(e), name=f"instance-{i}") for i, e in enumerate(engines)
        ]
        ran = await asyncio.gather(*(w.run_due() for w in workers for _ in range(3)))
        assert sum(ran) >= 50
        assert all(RUNS[i] == 1 for i in ids), [RUNS[i] for i in ids]
        async with app.state.sessionmaker() as db:
            assert await effects(db, note) == 50
            states = {(await job(db, i)).state for i in ids}
        assert states == {"succeeded"}
    finally:
        for e in engines:
            await e.dispose()


async def test_a_kind_limited_to_one_never_runs_twice_at_once_across_workers(
    app: FastAPI, tenant: Tenant
) -> None:
    from tests.jobs.support import ACTIVE, LIMITED, LimitedPayload

    async with app.state.sessionmaker() as db:
        ids = [
            (await queue.enqueue(db, LIMITED, LimitedPayload(n=n), account_id=tenant.id)).id
            for n in range(6)
        ]
        await db.commit()
    ACTIVE["most"] = 0
    workers = [_worker(app, name=f"w{i}", concurrency=3) for i in range(3)]
    for w in workers:
        w.start()
    try:
        for _ in range(400):
            async with app.state.sessionmaker() as db:
                states = {(await job(db, i)).state for i in ids}
            if states == {"succeeded"}:
                break
            await asyncio.sleep(0.05)
    finally:
        for w in workers:
            await w.stop()
    assert states == {"succeeded"}
    assert all(RUNS[i] == 1 for i in ids)
    assert ACTIVE["most"] == 1


async def test_a_job_only_touches_its_own_accounts_rows(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    from resolutionflow.escalations.jobs import ASSESS, AssessPayload
    from resolutionflow.models import Handoff

    owner, other = await factory.tenant(), await factory.tenant()
    sid = (
        await client.post(
            "/api/v1/sessions", headers=owner.engineer.headers, json={"title": "Printer jam"}
        )
    ).json()["id"]
    handoff_id = (
        await client.post(
            f"/api/v1/sessions/{sid}/escalate",
            headers=owner.engineer.headers,
            json={"reason": "Needs a senior", "priority": "high"},
        )
    ).json()["id"]
    async with app.state.sessionmaker() as db:
        await db.execute(
            update(Handoff)
            .where(Handoff.id == uuid.UUID(handoff_id))
            .values(assessment_status="pending", assessment=None)
        )
        # Another account's job naming the owner's handoff.
        stray = await queue.enqueue(
            db, ASSESS, AssessPayload(handoff_id=uuid.UUID(handoff_id)), account_id=other.id
        )
        await db.commit()
    await _worker(app).run_now(stray.id)
    async with app.state.sessionmaker() as db:
        dead = await job(db, stray.id)
        untouched = await db.get(Handoff, uuid.UUID(handoff_id), populate_existing=True)
    assert (dead.state, dead.last_error) == ("dead", "The handoff no longer exists.")
    assert untouched is not None and untouched.assessment_status == "pending"
