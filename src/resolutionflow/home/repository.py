"""Home's own queries, scoped to the caller's account: what no other domain's repository
already answers (the rest Home asks the escalations, maintenance, flywheel, steps and jobs
repositories)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.models import (
    Flow,
    FlowVersion,
    Handoff,
    MaintenanceBatchItem,
    Session,
    Team,
    TeamMembership,
)
from resolutionflow.models.psa import PsaPush


async def my_team_ids(db: AsyncSession, principal: Principal) -> set[uuid.UUID]:
    rows = await db.scalars(
        select(TeamMembership.team_id).where(
            TeamMembership.account_id == principal.account_id,
            TeamMembership.user_id == principal.user_id,
        )
    )
    return set(rows)


async def open_sessions(
    db: AsyncSession, principal: Principal, limit: int
) -> tuple[list[tuple[Session, str | None]], int]:
    """The caller's active and paused sessions outside maintenance batches, the most recently
    touched first (with their flow's title), and how many there are."""
    in_batches = select(MaintenanceBatchItem.session_id).where(
        MaintenanceBatchItem.account_id == principal.account_id,
        MaintenanceBatchItem.session_id.is_not(None),
    )
    query = select(Session).where(
        Session.account_id == principal.account_id,
        Session.owner_id == principal.user_id,
        Session.status.in_(("active", "paused")),
        Session.id.not_in(in_batches),
    )
    total = await db.scalar(select(func.count()).select_from(query.subquery()))
    rows = (
        await db.execute(
            query.add_columns(Flow.title)
            .outerjoin(Flow, Flow.id == Session.flow_id)
            .order_by(Session.updated_at.desc(), Session.id)
            .limit(limit)
        )
    ).all()
    return [(session, title) for session, title in rows], int(total or 0)


async def sessions_started_since(
    db: AsyncSession, account_id: uuid.UUID, since: datetime, owner_id: uuid.UUID | None = None
) -> list[Any]:
    """(owner id, created at, status, active seconds) of the account's sessions started since
    `since` (only `owner_id`'s, when given). Columns, not rows: a busy account starts thousands
    of sessions a fortnight."""
    query = select(
        Session.owner_id, Session.created_at, Session.status, Session.active_seconds
    ).where(Session.account_id == account_id, Session.created_at >= since)
    if owner_id is not None:
        query = query.where(Session.owner_id == owner_id)
    return list((await db.execute(query)).all())


async def escalations_since(db: AsyncSession, account_id: uuid.UUID, since: datetime) -> list[Any]:
    """(escalated by, created at) of the account's escalations raised since `since` (the
    columns only: a handoff row carries its whole snapshot; parked sessions are not escalations)."""
    return list(
        (
            await db.execute(
                select(Handoff.escalated_by_id, Handoff.created_at).where(
                    Handoff.account_id == account_id,
                    Handoff.created_at >= since,
                    Handoff.kind == "escalation",
                )
            )
        ).all()
    )


async def teams(
    db: AsyncSession, account_id: uuid.UUID, limit: int
) -> tuple[list[tuple[uuid.UUID, str]], int]:
    """The account's teams by name (the first `limit`), and how many it has."""
    total = await db.scalar(
        select(func.count()).select_from(Team).where(Team.account_id == account_id)
    )
    rows = await db.execute(
        select(Team.id, Team.name)
        .where(Team.account_id == account_id)
        .order_by(Team.name, Team.id)
        .limit(limit)
    )
    return [(i, n) for i, n in rows], int(total or 0)


async def members_of(
    db: AsyncSession, account_id: uuid.UUID, team_ids: list[uuid.UUID]
) -> dict[uuid.UUID, set[uuid.UUID]]:
    out: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    if not team_ids:
        return out
    rows = await db.execute(
        select(TeamMembership.team_id, TeamMembership.user_id).where(
            TeamMembership.account_id == account_id, TeamMembership.team_id.in_(team_ids)
        )
    )
    for team_id, user_id in rows:
        out[team_id].add(user_id)
    return out


async def failed_pushes(
    db: AsyncSession, account_id: uuid.UUID, limit: int
) -> tuple[list[PsaPush], int]:
    """PSA pushes that failed for good, the newest first, and how many there are."""
    query = select(PsaPush).where(PsaPush.account_id == account_id, PsaPush.state == "failed")
    total = await db.scalar(select(func.count()).select_from(query.subquery()))
    rows = await db.scalars(query.order_by(PsaPush.created_at.desc(), PsaPush.id).limit(limit))
    return list(rows), int(total or 0)


async def published_flows(
    db: AsyncSession, account_id: uuid.UUID, limit: int
) -> tuple[list[tuple[Flow, datetime]], int]:
    """The account's flows with a published version, not archived, the most recently published
    first (with when), and how many there are."""
    query = (
        select(Flow, FlowVersion.published_at)
        .join(
            FlowVersion,
            (FlowVersion.flow_id == Flow.id) & (FlowVersion.number == Flow.latest_version),
        )
        .where(
            Flow.account_id == account_id,
            FlowVersion.account_id == account_id,
            Flow.archived_at.is_(None),
        )
    )
    total = await db.scalar(select(func.count()).select_from(query.subquery()))
    rows = (
        await db.execute(query.order_by(FlowVersion.published_at.desc(), Flow.id).limit(limit))
    ).all()
    return [(flow, at) for flow, at in rows], int(total or 0)
