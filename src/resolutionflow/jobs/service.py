"""Jobs as the admin sees them, retrying one, and previewing a schedule."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit import service as audit
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.errors import ValidationFailed
from resolutionflow.jobs import cron, kinds, queue, repository, schedules
from resolutionflow.jobs import schemas as s
from resolutionflow.models import Job, JobState


def read(job: Job) -> s.JobRead:
    kind = kinds.get(job.kind)
    description = ""
    if kind is not None:
        try:
            description = kind.describe(kind.parse(job.payload))
        except ValueError:
            description = "(unreadable payload)"
    return s.JobRead(
        id=job.id,
        account_id=job.account_id,
        kind=job.kind,
        title=kinds.title_of(job.kind),
        description=description,
        state=JobState(job.state),
        attempts=job.attempts,
        max_attempts=job.max_attempts,
        last_error=job.last_error,
        run_at=job.run_at,
        created_at=job.created_at,
        updated_at=job.updated_at,
        finished_at=job.finished_at,
    )


async def retry(
    db: AsyncSession, principal: Principal, job_id: uuid.UUID, client: ClientInfo | None
) -> Job:
    job = await repository.get_job(db, principal, job_id)
    await queue.retry(db, job)
    audit.record_by(
        db, principal, "job.retried", client=client, target_type="job", target_id=job.id,
        detail={"kind": job.kind}, account_id=job.account_id,
    )  # fmt: skip
    return job


def preview(body: s.SchedulePreviewIn, after: datetime | None = None) -> s.SchedulePreview:
    try:
        slots = schedules.preview(body.cron, body.timezone, body.count, after)
    except cron.CronError as exc:
        raise ValidationFailed(
            exc.message,
            errors=[{"loc": ["body", exc.field], "msg": exc.message, "type": "value_error"}],
        ) from None
    tz = cron.zone(body.timezone)
    return s.SchedulePreview(
        cron=" ".join(body.cron.split()),
        timezone=body.timezone,
        next_runs=slots,
        next_runs_local=[slot.astimezone(tz).isoformat() for slot in slots],
    )
