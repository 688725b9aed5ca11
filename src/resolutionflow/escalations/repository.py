"""Queries over handoffs, their recipients and notifications, scoped in one place.

Everything is inside the caller's account; another account's handoff is a 404."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import NotFound
from resolutionflow.models import Flow, Handoff, Notification, Session, Team, TeamMembership, User


def readable_handoffs(principal: Principal) -> Select[Handoff]:
    return select(Handoff).where(Handoff.account_id == principal.account_id)


async def get_handoff(db: AsyncSession, principal: Principal, handoff_id: uuid.UUID) -> Handoff:
    h = await db.scalar(readable_handoffs(principal).where(Handoff.id == handoff_id))
    if h is None:
        raise NotFound("No such handoff.")
    return h


def _meant_for(principal: Principal) -> Any:
    """A handoff for the caller: escalated to them, to one of their teams, or to no one."""
    mine = select(TeamMembership.team_id).where(TeamMembership.user_id == principal.user_id)
    return or_(
        Handoff.target_user_id == principal.user_id,
        Handoff.target_team_id.in_(mine),
        Handoff.target_user_id.is_(None) & Handoff.target_team_id.is_(None),
    )


async def waiting_for(
    db: AsyncSession, principal: Principal, limit: int
) -> tuple[list[Handoff], int]:
    """Unclaimed handoffs meant for the caller (as `target=me` lists them) that they did not
    escalate themselves: the newest `limit`, and how many there are."""
    query = readable_handoffs(principal).where(
        Handoff.status == "unclaimed",
        _meant_for(principal),
        or_(Handoff.escalated_by_id.is_(None), Handoff.escalated_by_id != principal.user_id),
    )
    total = await db.scalar(select(func.count()).select_from(query.subquery()))
    rows = await db.scalars(query.order_by(Handoff.created_at.desc(), Handoff.id).limit(limit))
    return list(rows), int(total or 0)


async def unclaimed_count(db: AsyncSession, principal: Principal) -> int:
    """Every unclaimed handoff of the caller's account, whoever it is meant for."""
    query = readable_handoffs(principal).where(Handoff.status == "unclaimed")
    return int(await db.scalar(select(func.count()).select_from(query.subquery())) or 0)


async def list_handoffs(
    db: AsyncSession,
    principal: Principal,
    status: str,
    team_id: uuid.UUID | None,
    target: Literal["me", "any"],
    limit: int,
    offset: int,
    kind: str = "all",
) -> tuple[list[Handoff], bool]:
    query = readable_handoffs(principal)
    if status != "all":
        query = query.where(Handoff.status == status)
    if kind != "all":
        query = query.where(Handoff.kind == kind)
    if team_id is not None:
        query = query.where(Handoff.target_team_id == team_id)
    if target == "me":
        query = query.where(_meant_for(principal))
    rows = list(
        await db.scalars(
            query.order_by(Handoff.created_at.desc(), Handoff.id).offset(offset).limit(limit + 1)
        )
    )
    return rows[:limit], len(rows) > limit


async def recipients(
    db: AsyncSession,
    principal: Principal,
    target_user_id: uuid.UUID | None,
    target_team_id: uuid.UUID | None,
) -> list[User]:
    """Who hears of an escalation, among the account's active people who may pick it up (never
    the escalator): the target person; else the target team's people; else the escalator's
    teams' engineers and team admins; else the account's team admins."""
    base = select(User).where(
        User.account_id == principal.account_id,
        User.id != principal.user_id,
        User.role.in_(("engineer", "team_admin", "super_admin")),
        User.is_active.is_(True),
    )
    if target_user_id is not None:
        return list(await db.scalars(base.where(User.id == target_user_id)))
    if target_team_id is not None:
        members = select(TeamMembership.user_id).where(TeamMembership.team_id == target_team_id)
        return list(await db.scalars(base.where(User.id.in_(members))))
    my_teams = select(TeamMembership.team_id).where(TeamMembership.user_id == principal.user_id)
    mates = select(TeamMembership.user_id).where(TeamMembership.team_id.in_(my_teams))
    people = list(await db.scalars(base.where(User.id.in_(mates))))
    return people or list(await db.scalars(base.where(User.role == "team_admin")))


async def user_in_account(
    db: AsyncSession, principal: Principal, user_id: uuid.UUID
) -> User | None:
    return await db.scalar(
        select(User).where(User.id == user_id, User.account_id == principal.account_id)
    )


async def team_in_account(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID
) -> Team | None:
    return await db.scalar(
        select(Team).where(Team.id == team_id, Team.account_id == principal.account_id)
    )


async def my_notifications(
    db: AsyncSession, principal: Principal, *, unread_only: bool, limit: int
) -> list[Notification]:
    query = select(Notification).where(
        Notification.account_id == principal.account_id, Notification.user_id == principal.user_id
    )
    if unread_only:
        query = query.where(Notification.read_at.is_(None))
    return list(await db.scalars(query.order_by(Notification.created_at.desc()).limit(limit)))


# Metrics: one account's handoffs, sessions, flows and people over a window.


async def handoffs_since(db: AsyncSession, account_id: uuid.UUID, since: datetime) -> list[Handoff]:
    """The account's escalations since `since` (a parked session is not an escalation)."""
    return list(
        await db.scalars(
            select(Handoff).where(
                Handoff.account_id == account_id,
                Handoff.created_at >= since,
                Handoff.kind == "escalation",
            )
        )
    )


async def open_park(db: AsyncSession, session: Session) -> Handoff | None:
    """The session's unclaimed park handoff, if it is parked."""
    return await db.scalar(
        select(Handoff).where(
            Handoff.account_id == session.account_id,
            Handoff.session_id == session.id,
            Handoff.kind == "park",
            Handoff.status == "unclaimed",
        )
    )


async def flow_titles(db: AsyncSession, account_id: uuid.UUID) -> dict[uuid.UUID, str]:
    return {
        i: t
        for i, t in await db.execute(
            select(Flow.id, Flow.title).where(Flow.account_id == account_id)
        )
    }


async def user_names(db: AsyncSession, account_id: uuid.UUID) -> dict[uuid.UUID, str]:
    return {
        i: n
        for i, n in await db.execute(
            select(User.id, User.name).where(User.account_id == account_id)
        )
    }


async def sessions_with_flow_since(
    db: AsyncSession, account_id: uuid.UUID, since: datetime
) -> list[Any]:
    """(flow id, session id) of the account's sessions on a flow created since `since`."""
    return list(
        await db.execute(
            select(Session.flow_id, Session.id).where(
                Session.account_id == account_id,
                Session.created_at >= since,
                Session.flow_id.is_not(None),
            )
        )
    )


async def sessions_per_owner_since(
    db: AsyncSession, account_id: uuid.UUID, since: datetime
) -> list[Any]:
    """(owner id, count) of the account's owned sessions created since `since`."""
    return list(
        await db.execute(
            select(Session.owner_id, func.count())
            .where(
                Session.account_id == account_id,
                Session.created_at >= since,
                Session.owner_id.is_not(None),
            )
            .group_by(Session.owner_id)
        )
    )


async def take_back_park(db: AsyncSession, session: Session) -> Handoff | None:
    """Cancels the session's unclaimed park handoff (its owner resumed or ended it), and
    marks its notifications read. Returns it, or None when the session was not parked."""
    handoff = await open_park(db, session)
    if handoff is None:
        return None
    handoff.status = "cancelled"
    await db.execute(
        update(Notification)
        .where(
            Notification.account_id == session.account_id,
            Notification.handoff_id == handoff.id,
            Notification.read_at.is_(None),
        )
        .values(read_at=func.now())
        .execution_options(synchronize_session=False)
    )
    return handoff
