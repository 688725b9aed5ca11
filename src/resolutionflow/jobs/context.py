"""What a running job gets: who it is for, which attempt this is, and units of work — one of
which (`finishing`) stores the job's effect and its completion in the same commit."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.db import uow
from resolutionflow.models.job import Job, JobState


def held(job_id: uuid.UUID, worker: str, attempt: int) -> Any:
    """The job as this worker claimed it: still running, by it, on this attempt. Every write
    about a claimed job is conditional on it, so a worker whose lease lapsed changes nothing."""
    return and_(
        Job.id == job_id,
        Job.state == JobState.running.value,
        Job.worker == worker,
        Job.attempts == attempt,
    )


class ClaimLost(Exception):
    """Our lease lapsed and another worker took the job over: it reports, not us."""


@dataclass
class JobContext:
    job_id: uuid.UUID
    account_id: uuid.UUID
    kind: str
    attempt: int
    max_attempts: int
    worker: str
    sessionmaker: async_sessionmaker[AsyncSession]
    finished: bool = False

    @property
    def last_attempt(self) -> bool:
        return self.attempt >= self.max_attempts

    def transaction(self) -> uow.Transaction:
        """A unit of work for intermediate writes (committed on success)."""
        return uow.transaction(self.sessionmaker, account_id=self.account_id)

    @asynccontextmanager
    async def finishing(self) -> AsyncIterator[AsyncSession]:
        """The job's final writes: they commit together with the job's success, and only while
        this worker still holds the job. After a crash before this commit the job runs again
        and nothing of it was stored; after it, the job never runs again."""
        async with uow.transaction(self.sessionmaker, account_id=self.account_id) as db:
            yield db
            done = await db.execute(
                update(Job)
                .where(held(self.job_id, self.worker, self.attempt))
                .values(
                    state=JobState.succeeded.value,
                    finished_at=datetime.now(UTC),
                    lease_until=None,
                    last_error="",
                )
            )
            if done.rowcount != 1:  # type: ignore[attr-defined]
                raise ClaimLost(str(self.job_id))
        self.finished = True
