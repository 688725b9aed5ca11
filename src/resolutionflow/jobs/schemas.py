"""The jobs and schedules API's shapes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from resolutionflow.common.schemas import Page, ReadSchema, WriteSchema
from resolutionflow.models.job import JobState, Misfire


class JobRead(ReadSchema):
    id: uuid.UUID
    account_id: uuid.UUID
    kind: str
    title: str = Field(description="What the job does, for people (e.g. 'Email').")
    description: str = Field(description="Which one: the recipient, the handoff, the schedule.")
    state: JobState
    attempts: int
    max_attempts: int
    last_error: str
    run_at: datetime = Field(description="When it runs (again), while queued or failed.")
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None


class JobPage(Page[JobRead]):
    pass


class SchedulePreviewIn(WriteSchema):
    cron: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    timezone: Annotated[str, StringConstraints(min_length=1, max_length=64)] = "UTC"
    count: int = Field(default=5, ge=1, le=50)


class SchedulePreview(ReadSchema):
    cron: str
    timezone: str
    next_runs: list[datetime] = Field(description="The next slots, as UTC instants.")
    next_runs_local: list[str] = Field(description="The same slots in the schedule's zone.")


class ScheduleRead(ReadSchema):
    id: uuid.UUID
    account_id: uuid.UUID
    owner: str
    name: str
    cron: str
    timezone: str
    job_kind: str
    misfire: Misfire
    enabled: bool
    next_run_at: datetime | None
    last_slot_at: datetime | None
