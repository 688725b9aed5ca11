"""Home per role: gathers each section from the domains that own it (escalations,
maintenance, flywheel, steps, jobs, PSA) and works out the week's figures."""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.escalations import repository as escalations_repo
from resolutionflow.escalations import service as escalations
from resolutionflow.flywheel import repository as flywheel_repo
from resolutionflow.flywheel import service as flywheel
from resolutionflow.home import repository as repo
from resolutionflow.home import schemas as s
from resolutionflow.jobs import repository as jobs_repo
from resolutionflow.jobs import service as jobs
from resolutionflow.maintenance import repository as maintenance_repo
from resolutionflow.maintenance import service as maintenance
from resolutionflow.models import JobState, Role
from resolutionflow.psa import outbox
from resolutionflow.sessions import service as sessions
from resolutionflow.steps import repository as steps_repo
from resolutionflow.steps import service as steps

# The newest this many of each list; every list carries its total.
LIMIT = 10
# Team health shows the account and at most this many teams (by name).
TEAMS_SHOWN = 20
WEEK = timedelta(days=7)
UPCOMING_DAYS = 7
ATTENTION = [JobState.failed.value, JobState.dead.value]
# A batch item still to be worked (the others are done, closed or with a senior).
TO_DO = ("pending", "in_progress")


async def home(db: AsyncSession, principal: Principal, now: datetime) -> s.HomeRead:
    out = s.HomeRead(role=principal.role, generated_at=now)
    if not principal.role.at_least(Role.engineer):
        out.flows = await _flows(db, principal)
        return out
    team_ids = await repo.my_team_ids(db, principal)
    admin = principal.role.at_least(Role.team_admin)
    out.sessions = await _sessions(db, principal, now)
    out.handoffs = await _handoffs(db, principal, admin)
    out.maintenance = await _maintenance(db, principal, team_ids)
    out.my_week = await _my_week(db, principal, now)
    if admin:
        out.team_health = await _team_health(db, principal, now)
        out.proposals = await _proposals(db, principal)
        out.step_flags = await _step_flags(db, principal)
        out.failed_pushes = await _failed_pushes(db, principal)
        out.failed_jobs = await _failed_jobs(db, principal)
    return out


# --- engineer ----------------------------------------------------------------------------------


async def _sessions(db: AsyncSession, principal: Principal, now: datetime) -> s.HomeSessions:
    rows, total = await repo.open_sessions(db, principal, LIMIT)
    return s.HomeSessions(
        items=[
            s.HomeSession(
                id=r.id,
                title=r.title,
                status=r.status,  # the query keeps active and paused
                flow_id=r.flow_id,
                flow_title=flow_title,
                ticket_id=r.ticket_id,
                active_seconds=sessions.active_seconds(r, now),
                updated_at=r.updated_at,
            )
            for r, flow_title in rows
        ],
        total=total,
    )


async def _handoffs(db: AsyncSession, principal: Principal, admin: bool) -> s.HomeHandoffs:
    rows, total = await escalations_repo.waiting_for(db, principal, LIMIT)
    items = []
    for h in rows:
        read = await escalations.read(db, principal, h)
        items.append(
            s.HomeHandoff(
                id=read.id,
                kind=read.kind,
                session_id=read.session_id,
                problem_summary=read.problem_summary,
                reason=read.reason,
                priority=read.priority,
                escalated_at=read.escalated_at,
                escalated_by_name=read.escalated_by_name,
                target_name=read.target_name,
                you_may_claim=read.you_may_claim,
            )
        )
    waiting = await escalations_repo.unclaimed_count(db, principal) if admin else None
    return s.HomeHandoffs(items=items, total=total, account_waiting=waiting)


async def _maintenance(
    db: AsyncSession, principal: Principal, team_ids: set[uuid.UUID]
) -> s.HomeMaintenance:
    me = principal.user_id
    batches = await maintenance_repo.running_batches_for(db, principal.account_id, me, team_ids)
    items = await maintenance_repo.items_of(db, [b.id for b in batches])
    tally: dict[uuid.UUID, list[int]] = {b.id: [0, 0, 0] for b in batches}  # mine, pool, total
    pooled = {b.id for b in batches if b.assignment == "pool" and b.team_id in team_ids}
    for item, session in items:
        counts = tally[item.batch_id]
        counts[2] += 1
        if maintenance.item_status(item, session) not in TO_DO:
            continue
        if item.assignee_id == me:
            counts[0] += 1
        elif item.assignee_id is None and item.batch_id in pooled:
            counts[1] += 1
    due = [
        s.HomeBatch(
            id=b.id,
            title=b.title,
            flow_title=b.flow_title,
            slot_at=b.slot_at,
            created_at=b.created_at,
            assigned_to_you=tally[b.id][0],
            open_in_pool=tally[b.id][1],
            total=tally[b.id][2],
        )
        for b in batches
        if tally[b.id][0] or tally[b.id][1]
    ]
    schedules = [
        (row, schedule)
        for row, schedule in await maintenance_repo.list_schedules(db, principal.account_id)
        if row.assignee_user_id == me
        or (row.assignee_user_id is None and row.team_id is None and row.created_by_id == me)
        or (row.team_id is not None and row.team_id in team_ids)
    ]
    slots = maintenance.agenda(schedules, UPCOMING_DAYS).items
    return s.HomeMaintenance(
        batches=due[:LIMIT],
        batches_total=len(due),
        upcoming=[s.HomeSlot(schedule_id=x.schedule_id, title=x.title, at=x.at) for x in slots][
            :LIMIT
        ],
        upcoming_total=len(slots),
        upcoming_days=UPCOMING_DAYS,
    )


def _median(values: list[int]) -> float | None:
    return round(float(statistics.median(values)), 1) if values else None


def figures(rows: Iterable[Any]) -> s.Figures:
    """Sessions (rows with `status` and `active_seconds`), how many are resolved, the rate, and
    the median active time of the resolved ones."""
    rows = list(rows)
    resolved = [int(r.active_seconds) for r in rows if r.status == "resolved"]
    return s.Figures(
        sessions=len(rows),
        resolved=len(resolved),
        resolution_rate=round(len(resolved) / len(rows), 3) if rows else None,
        median_active_seconds=_median(resolved),
    )


async def _my_week(db: AsyncSession, principal: Principal, now: datetime) -> s.MyWeek:
    since = now - WEEK
    rows = await repo.sessions_started_since(
        db, principal.account_id, since, owner_id=principal.user_id
    )
    return s.MyWeek(**figures(rows).model_dump(), since=since)


# --- team admin --------------------------------------------------------------------------------


async def _team_health(db: AsyncSession, principal: Principal, now: datetime) -> s.TeamHealth:
    this_since, last_since = now - WEEK, now - 2 * WEEK
    started = await repo.sessions_started_since(db, principal.account_id, last_since)
    raised = await repo.escalations_since(db, principal.account_id, last_since)
    teams, teams_total = await repo.teams(db, principal.account_id, TEAMS_SHOWN)
    members = await repo.members_of(db, principal.account_id, [i for i, _ in teams])

    def week(people: set[uuid.UUID] | None, since: datetime, until: datetime) -> s.HealthFigures:
        def ours(who: uuid.UUID | None, at: datetime) -> bool:
            return since <= at < until and (people is None or who in people)

        return s.HealthFigures(
            **figures(r for r in started if ours(r.owner_id, r.created_at)).model_dump(),
            escalations=sum(1 for who, at in raised if ours(who, at)),
        )

    def row(team_id: uuid.UUID | None, name: str, people: set[uuid.UUID] | None) -> s.HealthRow:
        return s.HealthRow(
            scope="account" if team_id is None else "team",
            team_id=team_id,
            name=name,
            # Up to and including now: a session started this instant counts this week.
            this_week=week(people, this_since, now + timedelta(microseconds=1)),
            last_week=week(people, last_since, this_since),
        )

    return s.TeamHealth(
        this_week_since=this_since,
        last_week_since=last_since,
        rows=[
            row(None, "Whole account", None),
            *(row(i, name, members.get(i, set())) for i, name in teams),
        ],
        teams_total=teams_total,
    )


async def _proposals(db: AsyncSession, principal: Principal) -> s.HomeProposals:
    rows = await flywheel_repo.proposals(db, principal.account_id, "open", limit=LIMIT)
    counts = await flywheel_repo.counts(db, principal.account_id)
    return s.HomeProposals(
        items=[
            s.HomeProposal(
                id=p.id,
                kind=p.kind,
                title=p.title,
                confidence=p.confidence,
                evidence_count=p.evidence_count,
                can_review=p.can_review,
                updated_at=p.updated_at,
            )
            for p in await flywheel.reads(db, principal, rows)
        ],
        total=counts.get("open", 0),
    )


async def _step_flags(db: AsyncSession, principal: Principal) -> s.HomeFlags:
    flags, _ = await steps.flags(db, principal, status="open", step_id=None, limit=LIMIT, offset=0)
    return s.HomeFlags(
        items=[
            s.HomeFlag(
                id=f.id,
                step_id=f.step_id,
                step_title=f.step_title,
                reason=f.reason,
                reporter_name=f.reporter_name,
                may_close=f.may_close,
                created_at=f.created_at,
            )
            for f in flags
        ],
        total=await steps_repo.open_flag_count(db, principal.account_id),
    )


async def _failed_pushes(db: AsyncSession, principal: Principal) -> s.HomePushes:
    rows, total = await repo.failed_pushes(db, principal.account_id, LIMIT)
    return s.HomePushes(
        items=[
            s.HomePush(
                id=p.id,
                session_id=p.session_id,
                session_title=p.session_title,
                provider=p.provider,
                ticket_id=p.ticket_id,
                last_error=p.last_error,
                created_at=p.created_at,
            )
            for p in await outbox.read(db, rows)
        ],
        total=total,
    )


async def _failed_jobs(db: AsyncSession, principal: Principal) -> s.HomeJobs:
    rows, _ = await jobs_repo.list_jobs(db, principal, ATTENTION, LIMIT, 0)
    return s.HomeJobs(
        items=[
            s.HomeJob(
                id=j.id,
                kind=j.kind,
                title=j.title,
                description=j.description,
                state=j.state,
                attempts=j.attempts,
                max_attempts=j.max_attempts,
                last_error=j.last_error,
                updated_at=j.updated_at,
            )
            for j in (jobs.read(x) for x in rows)
        ],
        total=await jobs_repo.count_jobs(db, principal, ATTENTION),
    )


# --- viewer ------------------------------------------------------------------------------------


async def _flows(db: AsyncSession, principal: Principal) -> s.HomeFlows:
    rows, total = await repo.published_flows(db, principal.account_id, LIMIT)
    return s.HomeFlows(
        items=[
            s.HomeFlow(
                id=f.id,
                title=f.title,
                kind=f.kind,
                category=f.category,
                version=f.latest_version or 0,
                published_at=at,
            )
            for f, at in rows
        ],
        total=total,
    )
