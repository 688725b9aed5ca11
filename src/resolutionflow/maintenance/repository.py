"""Queries over target lists, batches and maintenance schedules, scoped in one place.

Everything is inside the caller's account. A target list owned by a team is seen by that team's
members and by team admins; one without a team by everyone in the account. Batches and
schedules are seen by everyone in the account (the status page and the agenda are shared)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import (
    AuditEvent,
    Flow,
    MaintenanceBatch,
    MaintenanceBatchItem,
    MaintenanceSchedule,
    Role,
    Schedule,
    Session,
    SessionEvent,
    Target,
    TargetList,
    Team,
    TeamMembership,
    User,
)


def _my_teams(principal: Principal) -> Any:
    return select(TeamMembership.team_id).where(
        TeamMembership.account_id == principal.account_id,
        TeamMembership.user_id == principal.user_id,
    )


def readable_lists(principal: Principal) -> Select[TargetList]:
    query = select(TargetList).where(TargetList.account_id == principal.account_id)
    if not principal.role.at_least(Role.team_admin):
        query = query.where(
            or_(TargetList.team_id.is_(None), TargetList.team_id.in_(_my_teams(principal)))
        )
    return query


async def get_list(
    db: AsyncSession, principal: Principal, list_id: uuid.UUID, *, lock: bool = False
) -> TargetList:
    query = readable_lists(principal).where(TargetList.id == list_id)
    if lock:
        query = query.with_for_update()
    found = await db.scalar(query)
    if found is None:
        raise NotFound(f"No target list with id {list_id}.")
    return found


async def targets_of(db: AsyncSession, list_id: uuid.UUID) -> list[Target]:
    return list(
        await db.scalars(
            select(Target).where(Target.target_list_id == list_id).order_by(Target.position)
        )
    )


async def list_lists(
    db: AsyncSession, principal: Principal, limit: int, offset: int
) -> tuple[list[TargetList], bool]:
    rows = list(
        await db.scalars(
            readable_lists(principal)
            .order_by(TargetList.name, TargetList.id)
            .offset(offset)
            .limit(limit + 1)
        )
    )
    return rows[:limit], len(rows) > limit


async def list_shapes(
    db: AsyncSession, list_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[int, list[str]]]:
    """Per list: how many targets, and its clients."""
    out: dict[uuid.UUID, tuple[int, list[str]]] = {i: (0, []) for i in list_ids}
    if not list_ids:
        return out
    rows = await db.execute(
        select(Target.target_list_id, Target.client, func.count())
        .where(Target.target_list_id.in_(list_ids))
        .group_by(Target.target_list_id, Target.client)
    )
    for list_id, client, count in rows:
        total, clients = out[list_id]
        out[list_id] = (total + count, sorted([*clients, client]) if client else clients)
    return out


async def schedules_using_list(db: AsyncSession, list_id: uuid.UUID) -> int:
    return int(
        await db.scalar(
            select(func.count())
            .select_from(MaintenanceSchedule)
            .where(MaintenanceSchedule.target_list_id == list_id)
        )
        or 0
    )


# --- people, teams, flows ----------------------------------------------------------------------


async def user_in_account(
    db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID
) -> User | None:
    return await db.scalar(
        select(User).where(
            User.id == user_id, User.account_id == account_id, User.is_active.is_(True)
        )
    )


async def active_users(
    db: AsyncSession, account_id: uuid.UUID, user_ids: list[uuid.UUID]
) -> list[User]:
    """The active users among `user_ids`, in that order."""
    if not user_ids:
        return []
    found = {
        u.id: u
        for u in await db.scalars(
            select(User).where(
                User.id.in_(user_ids), User.account_id == account_id, User.is_active.is_(True)
            )
        )
    }
    return [found[i] for i in user_ids if i in found]


async def team_in_account(
    db: AsyncSession, account_id: uuid.UUID, team_id: uuid.UUID
) -> Team | None:
    return await db.scalar(select(Team).where(Team.id == team_id, Team.account_id == account_id))


async def is_member(db: AsyncSession, team_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    return (
        await db.scalar(
            select(TeamMembership.user_id).where(
                TeamMembership.team_id == team_id, TeamMembership.user_id == user_id
            )
        )
    ) is not None


async def team_members(db: AsyncSession, team_id: uuid.UUID) -> list[uuid.UUID]:
    """Active members with a role that works sessions, in a stable order (round-robin)."""
    return list(
        await db.scalars(
            select(User.id)
            .join(TeamMembership, TeamMembership.user_id == User.id)
            .where(
                TeamMembership.team_id == team_id,
                User.is_active.is_(True),
                User.role != Role.viewer.value,
            )
            .order_by(TeamMembership.created_at, User.id)
        )
    )


async def flow_in_account(
    db: AsyncSession, account_id: uuid.UUID, flow_id: uuid.UUID
) -> Flow | None:
    return await db.scalar(select(Flow).where(Flow.id == flow_id, Flow.account_id == account_id))


async def names(db: AsyncSession, ids: set[uuid.UUID | None]) -> dict[uuid.UUID, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict((await db.execute(select(User.id, User.name).where(User.id.in_(wanted)))).all())


# --- batches ---------------------------------------------------------------------------------


def readable_batches(account_id: uuid.UUID) -> Select[MaintenanceBatch]:
    return select(MaintenanceBatch).where(MaintenanceBatch.account_id == account_id)


async def get_batch(
    db: AsyncSession, account_id: uuid.UUID, batch_id: uuid.UUID, *, lock: bool = False
) -> MaintenanceBatch:
    query = readable_batches(account_id).where(MaintenanceBatch.id == batch_id)
    if lock:
        query = query.with_for_update()
    found = await db.scalar(query)
    if found is None:
        raise NotFound(f"No batch with id {batch_id}.")
    return found


async def list_batches(
    db: AsyncSession,
    account_id: uuid.UUID,
    *,
    status: str | None,
    assignee_id: uuid.UUID | None,
    schedule_id: uuid.UUID | None,
    limit: int,
    offset: int,
) -> tuple[list[MaintenanceBatch], bool]:
    query = readable_batches(account_id)
    if status:
        query = query.where(MaintenanceBatch.status == status)
    if schedule_id:
        query = query.where(MaintenanceBatch.schedule_id == schedule_id)
    if assignee_id:
        mine = select(MaintenanceBatchItem.batch_id).where(
            MaintenanceBatchItem.account_id == account_id,
            MaintenanceBatchItem.assignee_id == assignee_id,
        )
        query = query.where(MaintenanceBatch.id.in_(mine))
    # Running batches first, then the newest.
    running_first = (MaintenanceBatch.status != "running").label("done_last")
    rows = list(
        await db.scalars(
            query.order_by(running_first, MaintenanceBatch.created_at.desc(), MaintenanceBatch.id)
            .offset(offset)
            .limit(limit + 1)
        )
    )
    return rows[:limit], len(rows) > limit


async def running_batches_for(
    db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID, team_ids: set[uuid.UUID]
) -> list[MaintenanceBatch]:
    """Running batches with a target assigned to the user, or pooled for one of their teams;
    the newest first (at most 200: what one person has running is far fewer)."""
    mine = select(MaintenanceBatchItem.batch_id).where(
        MaintenanceBatchItem.account_id == account_id, MaintenanceBatchItem.assignee_id == user_id
    )
    pooled = (MaintenanceBatch.assignment == "pool") & MaintenanceBatch.team_id.in_(team_ids)
    query = readable_batches(account_id).where(
        MaintenanceBatch.status == "running", or_(MaintenanceBatch.id.in_(mine), pooled)
    )
    return list(
        await db.scalars(
            query.order_by(MaintenanceBatch.created_at.desc(), MaintenanceBatch.id).limit(200)
        )
    )


ItemRow = tuple[MaintenanceBatchItem, Session | None]


async def items_of(
    db: AsyncSession, batch_ids: list[uuid.UUID], *, lock: bool = False
) -> list[ItemRow]:
    """The batches' items in order, each with its session."""
    if not batch_ids:
        return []
    query = (
        select(MaintenanceBatchItem, Session)
        .outerjoin(Session, Session.id == MaintenanceBatchItem.session_id)
        .where(MaintenanceBatchItem.batch_id.in_(batch_ids))
        .order_by(MaintenanceBatchItem.batch_id, MaintenanceBatchItem.position)
    )
    if lock:
        query = query.with_for_update(of=MaintenanceBatchItem)
    return [(item, session) for item, session in (await db.execute(query)).all()]


async def lock_sessions(db: AsyncSession, session_ids: list[uuid.UUID]) -> list[Session]:
    """The sessions, locked and read afresh (a copy loaded before the lock may be stale)."""
    if not session_ids:
        return []
    return list(
        await db.scalars(
            select(Session)
            .where(Session.id.in_(session_ids))
            .order_by(Session.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    )


async def cancellation(
    db: AsyncSession, batch: MaintenanceBatch
) -> tuple[AuditEvent, str | None] | None:
    """The audit entry that cancelled the batch (it keeps who, when and the redacted reason),
    with the canceller's name."""
    row = (
        await db.execute(
            select(AuditEvent, User.name)
            .outerjoin(User, User.id == AuditEvent.actor_id)
            .where(
                AuditEvent.account_id == batch.account_id,
                AuditEvent.action == "maintenance.batch_cancelled",
                AuditEvent.target_type == "maintenance_batch",
                AuditEvent.target_id == str(batch.id),
            )
            .order_by(AuditEvent.created_at.desc())
            .limit(1)
        )
    ).first()
    return (row[0], row[1]) if row is not None else None


async def get_item(
    db: AsyncSession, batch: MaintenanceBatch, item_id: uuid.UUID, *, lock: bool = False
) -> MaintenanceBatchItem:
    query = select(MaintenanceBatchItem).where(
        MaintenanceBatchItem.id == item_id,
        MaintenanceBatchItem.batch_id == batch.id,
        MaintenanceBatchItem.account_id == batch.account_id,
    )
    if lock:
        query = query.with_for_update()
    found = await db.scalar(query)
    if found is None:
        raise NotFound(f"No item {item_id} in this batch.")
    return found


async def last_events(
    db: AsyncSession, sessions: list[Session]
) -> dict[uuid.UUID, tuple[str, Any]]:
    """Each session's last timeline event: (type, created_at)."""
    if not sessions:
        return {}
    rows = await db.execute(
        select(SessionEvent.session_id, SessionEvent.type, SessionEvent.created_at)
        .join(
            Session,
            (Session.id == SessionEvent.session_id) & (Session.last_seq == SessionEvent.seq),
        )
        .where(Session.id.in_([s.id for s in sessions]))
    )
    return {sid: (kind, at) for sid, kind, at in rows}


async def batch_of_slot(
    db: AsyncSession, account_id: uuid.UUID, schedule_id: uuid.UUID, slot: datetime
) -> MaintenanceBatch | None:
    """The batch a schedule already launched for this slot, if any."""
    return await db.scalar(
        readable_batches(account_id).where(
            MaintenanceBatch.schedule_id == schedule_id, MaintenanceBatch.slot_at == slot
        )
    )


async def running_batch_of_schedule(
    db: AsyncSession, account_id: uuid.UUID, schedule_id: uuid.UUID
) -> MaintenanceBatch | None:
    return await db.scalar(
        readable_batches(account_id)
        .where(MaintenanceBatch.schedule_id == schedule_id, MaintenanceBatch.status == "running")
        .order_by(MaintenanceBatch.created_at.desc())
        .limit(1)
    )


async def last_batches(
    db: AsyncSession, account_id: uuid.UUID, schedule_ids: list[uuid.UUID]
) -> dict[uuid.UUID, MaintenanceBatch]:
    if not schedule_ids:
        return {}
    rows = await db.scalars(
        readable_batches(account_id)
        .where(MaintenanceBatch.schedule_id.in_(schedule_ids))
        .order_by(MaintenanceBatch.created_at)
    )
    out: dict[uuid.UUID, MaintenanceBatch] = {}
    for batch in rows:
        assert batch.schedule_id is not None
        out[batch.schedule_id] = batch  # the newest wins
    return out


# --- schedules -----------------------------------------------------------------------------


def readable_schedules(
    account_id: uuid.UUID,
) -> Select[MaintenanceSchedule, Schedule]:
    return (
        select(MaintenanceSchedule, Schedule)
        .join(Schedule, Schedule.id == MaintenanceSchedule.schedule_id)
        .where(MaintenanceSchedule.account_id == account_id)
    )


async def get_schedule(
    db: AsyncSession, account_id: uuid.UUID, schedule_id: uuid.UUID, *, lock: bool = False
) -> tuple[MaintenanceSchedule, Schedule]:
    query = readable_schedules(account_id).where(MaintenanceSchedule.id == schedule_id)
    if lock:
        query = query.with_for_update()
    row = (await db.execute(query)).first()
    if row is None:
        raise NotFound(f"No maintenance schedule with id {schedule_id}.")
    return row[0], row[1]


async def list_schedules(
    db: AsyncSession, account_id: uuid.UUID
) -> list[tuple[MaintenanceSchedule, Schedule]]:
    rows = await db.execute(
        readable_schedules(account_id).order_by(Schedule.next_run_at, MaintenanceSchedule.title)
    )
    return [(m, s) for m, s in rows.all()]


async def titles(
    db: AsyncSession, flow_ids: set[uuid.UUID], list_ids: set[uuid.UUID]
) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
    flows: dict[uuid.UUID, str] = {}
    lists: dict[uuid.UUID, str] = {}
    if flow_ids:
        flows = {
            i: t
            for i, t in await db.execute(select(Flow.id, Flow.title).where(Flow.id.in_(flow_ids)))
        }
    if list_ids:
        lists = {
            i: n
            for i, n in await db.execute(
                select(TargetList.id, TargetList.name).where(TargetList.id.in_(list_ids))
            )
        }
    return flows, lists


async def list_id_by_name(db: AsyncSession, account_id: uuid.UUID, name: str) -> uuid.UUID | None:
    found: uuid.UUID | None = await db.scalar(
        select(TargetList.id).where(TargetList.account_id == account_id, TargetList.name == name)
    )
    return found
