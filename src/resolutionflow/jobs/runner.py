"""The worker: claims due jobs with a lease, runs them, and records the outcome.

- Claim: `SELECT … FOR UPDATE SKIP LOCKED` then a conditional UPDATE, in one short
  transaction. PostgreSQL skips rows another worker is claiming; SQLite's write lock
  serialises claims (SQLAlchemy renders no FOR UPDATE there), so one code path serves both.
- Lease: a claimed job belongs to its worker until `lease_until`, which the worker renews
  while the job runs (a heartbeat every third of the lease). A worker that dies stops renewing;
  once the lease expires the next claim takes the job over and counts the attempt.
- Outcome: success, a retry after exponential backoff with jitter, or dead once the kind's
  attempts are used up (the last error kept). A job's `finishing()` transaction stores its
  effect and its success together.
- Graceful stop: running jobs are cancelled and their leases released at once, so another
  worker (or this one after a restart) runs them without waiting for the lease to expire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.db import locks, uow
from resolutionflow.jobs import kinds
from resolutionflow.jobs.context import ClaimLost, JobContext, held
from resolutionflow.jobs.queue import WAKE_ID, backoff
from resolutionflow.models.job import Job, JobState
from resolutionflow.sessions import live

log = logging.getLogger("resolutionflow.jobs")


def _now() -> datetime:
    return datetime.now(UTC)


def _due(now: datetime) -> Any:
    return or_(
        and_(Job.state.in_((JobState.queued.value, JobState.failed.value)), Job.run_at <= now),
        and_(Job.state == JobState.running.value, Job.lease_until < now),
    )


@dataclass(frozen=True)
class Claimed:
    id: uuid.UUID
    account_id: uuid.UUID
    kind: str
    payload: dict[str, Any]
    attempt: int
    max_attempts: int


def worker_name() -> str:
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(3)}"


class Worker:
    """Runs jobs of every registered kind. `run_due()` drains what is due now, one at a time
    (tests and `resolutionflow worker --once` use it); `start()` runs up to `concurrency` jobs
    at once in the background, woken after each commit that queued one."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        concurrency: int = 4,
        poll_s: float = 5.0,
        listener: live.Listener | None = None,
        name: str | None = None,
        lease_s: float = 60.0,
        tick: Callable[[], Awaitable[float | None]] | None = None,
        inline: bool = True,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.concurrency = concurrency
        self.poll_s = poll_s
        self.name = name or worker_name()
        self.lease = timedelta(seconds=lease_s)
        self._listener = listener
        # Called each round (the scheduler): returns seconds until it wants to run again.
        self._tick = tick
        # Whether this process runs jobs at all (false beside a separate `resolutionflow worker`).
        self.inline = inline
        self._loop_task: asyncio.Task[None] | None = None
        self._running: dict[uuid.UUID, asyncio.Task[None]] = {}
        # Tasks started by dispatch(): kept referenced until done, and cancelled by stop().
        self._dispatched: set[asyncio.Task[Any]] = set()
        self._wake = asyncio.Event()

    # --- claiming --------------------------------------------------------------------------

    async def claim(self, job_id: uuid.UUID | None = None) -> Claimed | None:
        """Claims the oldest due job (or exactly `job_id`, if it is due)."""
        now = _now()
        known = kinds.names()
        async with uow.transaction(self.sessionmaker) as db:
            query = select(Job.id, Job.kind).where(_due(now), Job.kind.in_(known))
            if job_id is not None:
                query = query.where(Job.id == job_id)
            candidates = (
                await db.execute(
                    query.order_by(Job.run_at).limit(20).with_for_update(skip_locked=True)
                )
            ).all()
            for candidate_id, kind_name in candidates:
                kind = kinds.get(kind_name)
                if kind is None or candidate_id in self._running:
                    # Still running here, only late renewing its lease (a starved process):
                    # never taken over by its own worker.
                    continue
                if kind.concurrency is not None and not await self._has_room(db, kind, now):
                    continue
                lease = now + self.lease
                row = (
                    await db.execute(
                        update(Job)
                        .where(Job.id == candidate_id, _due(now))
                        .values(
                            state=JobState.running.value,
                            attempts=Job.attempts + 1,
                            lease_until=lease,
                            worker=self.name,
                        )
                        .returning(Job.account_id, Job.payload, Job.attempts, Job.max_attempts)
                        .execution_options(synchronize_session=False)
                    )
                ).one_or_none()
                if row is None:
                    continue  # another worker got there first
                account_id, payload, attempt, max_attempts = row
                return Claimed(
                    id=candidate_id,
                    account_id=account_id,
                    kind=kind_name,
                    payload=payload,
                    attempt=attempt,
                    max_attempts=max_attempts,
                )
        return None

    async def _has_room(self, db: AsyncSession, kind: kinds.JobKind[Any], now: datetime) -> bool:
        # Claims of a limited kind take turns, so two workers cannot both see the last slot free.
        await locks.serialize(db, f"job-kind:{kind.name}")
        running = await db.scalar(
            select(func.count())
            .select_from(Job)
            .where(
                Job.kind == kind.name,
                Job.state == JobState.running.value,
                Job.lease_until >= now,
            )
        )
        return int(running or 0) < (kind.concurrency or 0)

    # --- running ---------------------------------------------------------------------------

    async def execute(self, claimed: Claimed) -> None:
        kind = kinds.get(claimed.kind)
        assert kind is not None
        if claimed.attempt > claimed.max_attempts:
            # Only lease takeovers get here (a worker died mid-run, again and again); ordinary
            # failures stop at the budget in _failed.
            await self._record(
                claimed,
                state=JobState.dead,
                error=f"Interrupted {claimed.attempt - 1} times (a worker stopped mid-run).",
            )
            return
        ctx = JobContext(
            job_id=claimed.id,
            account_id=claimed.account_id,
            kind=claimed.kind,
            attempt=claimed.attempt,
            max_attempts=claimed.max_attempts,
            worker=self.name,
            sessionmaker=self.sessionmaker,
        )
        try:
            payload = kind.parse(claimed.payload)
        except ValueError as exc:
            await self._record(claimed, state=JobState.dead, error=f"Bad payload: {exc}"[:1000])
            return
        heartbeat = asyncio.create_task(self._heartbeat(claimed), name=f"job-lease-{claimed.id}")
        try:
            await asyncio.wait_for(kind.run(ctx, payload), kind.timeout_s)
        except ClaimLost:
            log.warning("job %s (%s): claim lost before finishing", claimed.id, claimed.kind)
            return
        except kinds.JobFailed as exc:
            await self._record(claimed, state=JobState.dead, error=exc.message)
            return
        except kinds.JobRetry as exc:
            await self._failed(claimed, kind, exc.message, exc.after_s)
            return
        except TimeoutError:
            await self._failed(claimed, kind, f"Took longer than {kind.timeout_s:g} s.", None)
            return
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            # The message may carry anything (a URL with a token in it): the log gets the
            # traceback, the admin list only the kind of failure.
            log.exception("job %s (%s) failed", claimed.id, claimed.kind)
            await self._failed(claimed, kind, f"Unexpected failure ({type(exc).__name__}).", None)
            return
        finally:
            heartbeat.cancel()
        if not ctx.finished:
            await self._record(claimed, state=JobState.succeeded, error="")
        log.info("job %s (%s) done, attempt %d", claimed.id, claimed.kind, claimed.attempt)

    async def _heartbeat(self, claimed: Claimed) -> None:
        """Keeps the lease while the job runs; stops when the claim is no longer ours."""
        while True:
            await asyncio.sleep(self.lease.total_seconds() / 3)
            try:
                async with uow.transaction(self.sessionmaker) as db:
                    kept = await db.execute(
                        update(Job)
                        .where(held(claimed.id, self.name, claimed.attempt))
                        .values(lease_until=_now() + self.lease)
                    )
            except Exception:  # a missed beat is survivable; the next one may land
                log.warning("job %s: lease renewal failed", claimed.id, exc_info=True)
                continue
            if kept.rowcount != 1:  # type: ignore[attr-defined]
                return

    async def _failed(
        self, claimed: Claimed, kind: kinds.JobKind[Any], message: str, after_s: float | None
    ) -> None:
        if claimed.attempt >= claimed.max_attempts:
            await self._record(claimed, state=JobState.dead, error=message)
            return
        run_at = _now() + backoff(kind, claimed.attempt, after_s)
        await self._record(claimed, state=JobState.failed, error=message, run_at=run_at)

    async def _record(
        self,
        claimed: Claimed,
        *,
        state: JobState,
        error: str,
        run_at: datetime | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "state": state.value,
            "last_error": error[:1000],
            "lease_until": None,
        }
        if run_at is not None:
            values["run_at"] = run_at
        if state in (JobState.succeeded, JobState.dead):
            values["finished_at"] = _now()
        async with uow.transaction(self.sessionmaker) as db:
            done = await db.execute(
                update(Job).where(held(claimed.id, self.name, claimed.attempt)).values(**values)
            )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            log.warning("job %s: claim lost before recording %s", claimed.id, state.value)
        elif state is not JobState.succeeded:
            log.warning(
                "job %s (%s) attempt %d: %s — %s",
                claimed.id,
                claimed.kind,
                claimed.attempt,
                state.value,
                error,
            )

    async def run_due(self, *, limit: int | None = None) -> int:
        """Runs every job due now, one after another; returns how many ran."""
        ran = 0
        while limit is None or ran < limit:
            claimed = await self.claim()
            if claimed is None:
                break
            await self.execute(claimed)
            ran += 1
        return ran

    async def run_now(self, job_id: uuid.UUID) -> bool:
        """Runs this job here and now if it is still due (a request that wants its job done
        while it waits); False when another worker has it or it is finished."""
        claimed = await self.claim(job_id)
        if claimed is None:
            return False
        await self._track(claimed)
        return True

    async def run_within(self, job_id: uuid.UUID, seconds: float) -> None:
        """Runs the job here at once (if still due) and waits at most `seconds` for it; past
        that it carries on in the background, and a restart leaves it to the lease."""
        task = self._background(self.run_now(job_id), f"job-now-{job_id}")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(task), seconds)

    def run_soon(self, job_ids: list[uuid.UUID]) -> None:
        """After the commit that queued them: these jobs start here now (where this process
        runs jobs); the background loop or another worker takes any this one does not."""
        if not self.inline:
            return
        for job_id in job_ids:
            self._background(self.run_now(job_id), f"job-soon-{job_id}")

    def kick(self) -> None:
        """After a commit that queued work: the background loop wakes (it also hears the
        commit's announcement). Without a loop in a process that runs jobs (tests, a one-off
        app), due work starts here now; where a separate worker runs jobs, nothing happens."""
        if self._loop_task is not None:
            self._wake.set()
        elif self.inline:
            self._background(self.run_due(), "job-kick")

    async def after_response(self) -> None:
        """As `kick`, for a route's BackgroundTasks (run after the commit and the response):
        without a loop, the due work is done before the task ends."""
        if self._loop_task is not None:
            self._wake.set()
        elif self.inline:
            await self.run_due()

    def _background(self, work: Awaitable[Any], name: str) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(work)
        task.set_name(name)
        self._dispatched.add(task)
        task.add_done_callback(self._dispatched.discard)
        return task

    async def drain(self) -> None:
        """Waits for everything started by run_within/kick (tests)."""
        while self._dispatched:
            await asyncio.gather(*list(self._dispatched), return_exceptions=True)

    async def _track(self, claimed: Claimed) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._running[claimed.id] = task
        try:
            await self.execute(claimed)
        finally:
            self._running.pop(claimed.id, None)
            self._wake.set()

    # --- the background loop ---------------------------------------------------------------

    def start(self) -> None:
        if self._loop_task is None:
            self._loop_task = asyncio.create_task(self._loop(), name="job-worker")

    async def _loop(self) -> None:
        async with live.subscription(WAKE_ID) as waiter:
            while True:
                waiter.clear()
                self._wake.clear()
                wait = self.poll_s
                try:
                    if self._listener is not None:
                        await self._listener.ensure()
                    if self._tick is not None:
                        tick_wait = await self._tick()
                        if tick_wait is not None:
                            wait = min(wait, tick_wait)
                    while len(self._running) < self.concurrency:
                        claimed = await self.claim()
                        if claimed is None:
                            break
                        task = asyncio.create_task(self._track(claimed), name=f"job-{claimed.id}")
                        self._running[claimed.id] = task
                    wait = min(wait, await self._seconds_to_next())
                except asyncio.CancelledError:
                    raise
                except Exception:  # the worker must outlive a bad row or a database hiccup
                    log.exception("job worker round failed")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(_either(waiter, self._wake), max(wait, 0.05))

    async def _seconds_to_next(self) -> float:
        async with self.sessionmaker() as db:
            nxt = await db.scalar(
                select(func.min(Job.run_at)).where(
                    Job.state.in_((JobState.queued.value, JobState.failed.value))
                )
            )
            lease = await db.scalar(
                select(func.min(Job.lease_until)).where(Job.state == JobState.running.value)
            )
        soonest = min((t for t in (nxt, lease) if t is not None), default=None)
        if soonest is None:
            return self.poll_s
        return max(0.0, (soonest - _now()).total_seconds())

    async def stop(self) -> None:
        """Stops claiming, cancels running jobs and releases their leases."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
            self._loop_task = None
        tasks = list(self._running.values())
        tasks.extend(self._dispatched)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        await self.release()

    async def release(self) -> int:
        """Gives back every job this worker holds: queued again now, the interrupted attempt
        not counted."""
        async with uow.transaction(self.sessionmaker) as db:
            result = await db.execute(
                update(Job)
                .where(Job.worker == self.name, Job.state == JobState.running.value)
                .values(
                    state=JobState.queued.value,
                    attempts=Job.attempts - 1,
                    lease_until=None,
                    worker=None,
                    run_at=_now(),
                )
            )
            released = int(result.rowcount or 0)  # type: ignore[attr-defined]
            if released:
                await live.announce(db, WAKE_ID)
        if released:
            log.info("released %d running jobs on shutdown", released)
        return released


async def _either(a: asyncio.Event, b: asyncio.Event) -> None:
    wa, wb = asyncio.ensure_future(a.wait()), asyncio.ensure_future(b.wait())
    try:
        await asyncio.wait({wa, wb}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        wa.cancel()
        wb.cancel()
