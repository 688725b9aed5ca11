"""Queries over the PSA integration's rows, scoped in one place: the account's connections,
its pushes, and the people whose PSA members are mapped."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import Session, TeamMembership, User
from resolutionflow.models.psa import PsaConnection, PsaPush


async def connection_of_scope(
    db: AsyncSession, account_id: uuid.UUID, scope: str, *, lock: bool = False
) -> PsaConnection | None:
    """The account's connection for a scope (a team's id, or the account default's)."""
    q = select(PsaConnection).where(
        PsaConnection.account_id == account_id, PsaConnection.scope == scope
    )
    if lock:
        q = q.with_for_update()
    return (await db.execute(q)).scalar_one_or_none()


async def first_team_connection(
    db: AsyncSession, account_id: uuid.UUID, user_id: uuid.UUID
) -> PsaConnection | None:
    """The connection of the user's team that has its own, oldest membership first."""
    q = (
        select(PsaConnection)
        .join(TeamMembership, TeamMembership.team_id == PsaConnection.team_id)
        .where(
            PsaConnection.account_id == account_id,
            TeamMembership.user_id == user_id,
        )
        .order_by(TeamMembership.created_at, PsaConnection.created_at)
        .limit(1)
    )
    return (await db.execute(q)).scalar_one_or_none()


async def push_in_account(
    db: AsyncSession, account_id: uuid.UUID, push_id: uuid.UUID
) -> PsaPush | None:
    """One of the account's pushes (another account's is not found)."""
    return await db.scalar(
        select(PsaPush).where(PsaPush.account_id == account_id, PsaPush.id == push_id)
    )


async def pushes_of_session(db: AsyncSession, session: Session) -> list[PsaPush]:
    """A session's pushes, newest first (the session was found in the caller's account)."""
    rows = await db.scalars(
        select(PsaPush)
        .where(PsaPush.account_id == session.account_id, PsaPush.session_id == session.id)
        .order_by(PsaPush.created_at.desc())
    )
    return list(rows)


async def active_users(db: AsyncSession, account_id: uuid.UUID) -> list[User]:
    """The account's active users, by name: the people a PSA member can be mapped to."""
    rows = await db.execute(
        select(User)
        .where(User.account_id == account_id, User.is_active.is_(True))
        .order_by(User.name)
    )
    return list(rows.scalars())


async def pushes_page(
    db: AsyncSession,
    account_id: uuid.UUID,
    *,
    team_id: uuid.UUID | None,
    state: str | None,
    limit: int,
    offset: int,
) -> list[PsaPush]:
    """The account's pushes (through a team's own connection, when `team_id`; in a state, when
    `state`), newest first; one more than `limit`, so the caller knows whether there is more."""
    q = select(PsaPush).where(PsaPush.account_id == account_id)
    if team_id is not None:
        q = q.join(PsaConnection, PsaConnection.id == PsaPush.connection_id).where(
            PsaConnection.team_id == team_id
        )
    if state is not None:
        q = q.where(PsaPush.state == state)
    rows = await db.execute(
        q.order_by(PsaPush.created_at.desc(), PsaPush.id).offset(offset).limit(limit + 1)
    )
    return list(rows.scalars())
