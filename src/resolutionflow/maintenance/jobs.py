"""`maintenance.launch`: a maintenance schedule's due slot becoming one batch.

The scheduler queues this job once per slot (idempotency key `schedule:<id>:<slot>`); the batch
and the job's success commit together, and the batch's unique (schedule, slot) constraint backs
that up, so a slot launches exactly one batch whatever retries or instances do."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from resolutionflow.jobs import kinds
from resolutionflow.jobs.context import JobContext
from resolutionflow.models import Job


class LaunchPayload(BaseModel):
    maintenance_schedule_id: uuid.UUID


def slot_of(job: Job) -> datetime | None:
    key = job.idempotency_key or ""
    if not key.startswith("schedule:"):
        return None
    try:
        return datetime.fromisoformat(key.split(":", 2)[2])
    except (IndexError, ValueError):
        return None


async def _launch(ctx: JobContext, p: LaunchPayload) -> None:
    from resolutionflow.maintenance import service

    async with ctx.finishing() as db:
        job = await db.get(Job, ctx.job_id)
        slot = slot_of(job) if job is not None else None
        if slot is None:
            raise kinds.JobFailed("This job was not queued by a schedule slot.")
        await service.fire_slot(db, ctx.account_id, p.maintenance_schedule_id, slot)


LAUNCH = kinds.register(
    kinds.JobKind(
        name="maintenance.launch",
        payload=LaunchPayload,
        run=_launch,
        title="Scheduled maintenance batch",
        max_attempts=5,
        delays=(10, 60, 300),
        timeout_s=300,
        describe=lambda p: f"Schedule {str(p.maintenance_schedule_id)[:8]}",
    )
)
