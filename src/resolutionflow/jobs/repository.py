"""Queries over jobs and schedules, scoped in one place: a team admin sees their account's, the
super admin every account's. Another account's job is a 404."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import Job, JobState, Role, Schedule


def visible_jobs(principal: Principal) -> Select[Job]:
    query = select(Job)
    if principal.role is not Role.super_admin:
        query = query.where(Job.account_id == principal.account_id)
    return query


async def get_job(db: AsyncSession, principal: Principal, job_id: uuid.UUID) -> Job:
    job = await db.scalar(visible_jobs(principal).where(Job.id == job_id))
    if job is None:
        raise NotFound(f"No job with id {job_id}.")
    return job


async def list_jobs(
    db: AsyncSession, principal: Principal, states: list[str], limit: int, offset: int
) -> tuple[list[Job], bool]:
    query = visible_jobs(principal)
    if states:
        query = query.where(Job.state.in_(states))
    rows = list(
        await db.scalars(
            query.order_by(Job.updated_at.desc(), Job.id).offset(offset).limit(limit + 1)
        )
    )
    return rows[:limit], len(rows) > limit


async def count_jobs(db: AsyncSession, principal: Principal, states: list[str]) -> int:
    """How many jobs `list_jobs` would list in these states, over every page."""
    query = visible_jobs(principal).where(Job.state.in_(states))
    return int(await db.scalar(select(func.count()).select_from(query.subquery())) or 0)


async def list_schedules(db: AsyncSession, principal: Principal) -> list[Schedule]:
    query = select(Schedule)
    if principal.role is not Role.super_admin:
        query = query.where(Schedule.account_id == principal.account_id)
    return list(await db.scalars(query.order_by(Schedule.next_run_at, Schedule.name)))


async def scheduled_kinds(db: AsyncSession, account_id: uuid.UUID, owner: str) -> set[str]:
    """The job kinds the account's schedules made by `owner` run."""
    rows = await db.scalars(
        select(Schedule.job_kind).where(Schedule.account_id == account_id, Schedule.owner == owner)
    )
    return set(rows.all())


async def by_idempotency_key(
    db: AsyncSession, account_id: uuid.UUID, kind: str, key: str
) -> Job | None:
    return await db.scalar(
        select(Job).where(
            Job.account_id == account_id, Job.kind == kind, Job.idempotency_key == key
        )
    )


async def queued_of_kind(db: AsyncSession, account_id: uuid.UUID, kind: str) -> uuid.UUID | None:
    """A job of this kind still waiting to run in the account, if any."""
    return await db.scalar(
        select(Job.id).where(
            Job.account_id == account_id, Job.kind == kind, Job.state == JobState.queued.value
        )
    )
