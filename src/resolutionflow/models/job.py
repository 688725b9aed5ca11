"""Durable background work: jobs (claimed with a lease, retried, dead after their attempts) and
the recurring schedules that turn their slots into jobs."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime


class JobState(enum.StrEnum):
    queued = "queued"  # waiting for its run_at
    running = "running"  # claimed by a worker until lease_until
    failed = "failed"  # the last attempt failed; retried at run_at
    dead = "dead"  # out of attempts (or failed for good); kept with its last error
    succeeded = "succeeded"


class Misfire(enum.StrEnum):
    """What a schedule does with slots missed while nothing was running."""

    run_once = "run_once"  # one run on start, however many slots were missed
    skip = "skip"  # wait for the next slot


class Job(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "job"
    __table_args__ = (
        # One job per idempotency key and kind in an account (NULL keys never collide).
        UniqueConstraint("account_id", "kind", "idempotency_key", name="uq_job_idempotency"),
        Index("ix_job_due", "state", "run_at"),
        Index("ix_job_account_state", "account_id", "state", "updated_at"),
        CheckConstraint(
            "state IN ('queued', 'running', 'failed', 'dead', 'succeeded')", name="state"
        ),
    )

    kind: Mapped[str] = mapped_column(String(64))
    # The kind's own pydantic model, dumped as JSON; never secrets (handlers read those).
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    state: Mapped[str] = mapped_column(String(16), default=JobState.queued.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer)
    run_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    worker: Mapped[str | None] = mapped_column(String(100), nullable=True)
    last_error: Mapped[str] = mapped_column(String(1000), default="")
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    schedule_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("schedule.id", ondelete="SET NULL"), nullable=True, index=True
    )
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Schedule(IdMixin, AccountMixin, TimestampMixin, Model):
    """A cron in an IANA time zone whose slots become jobs of `job_kind`. Features own their
    schedules (`owner`: maintenance, flywheel, ...); the scheduler only turns due slots into jobs."""

    __tablename__ = "schedule"
    __table_args__ = (Index("ix_schedule_due", "enabled", "next_run_at"),)

    owner: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    cron: Mapped[str] = mapped_column(String(120))
    timezone: Mapped[str] = mapped_column(String(64))
    job_kind: Mapped[str] = mapped_column(String(64))
    job_payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    misfire: Mapped[str] = mapped_column(String(16), default=Misfire.run_once.value)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # The next slot, in UTC; None while disabled.
    next_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_slot_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
