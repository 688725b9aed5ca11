"""HTTP routes of the jobs admin view and schedule previews."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request

from resolutionflow.auth.principal import Engineer, TeamAdmin
from resolutionflow.common.context import client_info
from resolutionflow.common.schemas import decode_offset, encode_offset
from resolutionflow.db.session import DB
from resolutionflow.jobs import repository, service
from resolutionflow.jobs import schemas as s
from resolutionflow.models.job import JobState

router = APIRouter(tags=["jobs"])


@router.get("/jobs", response_model=s.JobPage)
async def list_jobs(
    principal: TeamAdmin,
    db: DB,
    state: Annotated[list[JobState] | None, Query(description="Repeat for several.")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> s.JobPage:
    """Background jobs of your account (every account's, for the super admin), most recently
    changed first: what, its state, attempts and last error."""
    offset = decode_offset(cursor)
    rows, more = await repository.list_jobs(
        db, principal, [x.value for x in state or []], limit, offset
    )
    return s.JobPage(
        items=[service.read(j) for j in rows],
        next_cursor=encode_offset(offset + limit) if more else None,
    )


@router.get("/jobs/{job_id}", response_model=s.JobRead)
async def get_job(principal: TeamAdmin, db: DB, job_id: uuid.UUID) -> s.JobRead:
    return service.read(await repository.get_job(db, principal, job_id))


@router.post("/jobs/{job_id}/retry", response_model=s.JobRead)
async def retry_job(principal: TeamAdmin, db: DB, request: Request, job_id: uuid.UUID) -> s.JobRead:
    """Run a failed or dead job again now, with a fresh budget of attempts (409 otherwise)."""
    job = await service.retry(db, principal, job_id, client_info(request))
    return service.read(job)


@router.post("/schedules/preview", response_model=s.SchedulePreview)
async def preview_schedule(principal: Engineer, body: s.SchedulePreviewIn) -> s.SchedulePreview:
    """The next runs of a cron expression in an IANA time zone; a 422 names the field
    (`cron` or `timezone`) that cannot be used."""
    return service.preview(body)


@router.get("/schedules", response_model=list[s.ScheduleRead])
async def list_schedules(principal: TeamAdmin, db: DB) -> list[s.ScheduleRead]:
    """Your account's recurring schedules (features own them: maintenance, the flywheel)."""
    return [
        s.ScheduleRead.model_validate(x) for x in await repository.list_schedules(db, principal)
    ]
