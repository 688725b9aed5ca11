"""Queries over the caller's own rows, scoped in one place: their account, and them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.models import Account, ApiToken, RefreshToken, Team, TeamMembership, User
from resolutionflow.users.schemas import TeamRef

# Built once: `GET /me` runs on every page load, and composing the statement cost about as much
# as running it. One row per team the user is in (one row with no team when they are in none).
_ME_AND_BELONGING = (
    select(User, Account.name, Team.id, Team.name)
    .join(Account, Account.id == User.account_id)
    .outerjoin(TeamMembership, TeamMembership.user_id == User.id)
    .outerjoin(Team, (Team.id == TeamMembership.team_id) & (Team.account_id == User.account_id))
    .where(User.id == bindparam("user_id"), User.account_id == bindparam("account_id"))
    .order_by(Team.name)
)


@dataclass(frozen=True)
class Belonging:
    account_name: str
    teams: list[TeamRef]


async def me_and_belonging(db: AsyncSession, principal: Principal) -> tuple[User, Belonging] | None:
    """The caller's user row, their account's name and their teams, in one round trip."""
    rows = (
        await db.execute(
            _ME_AND_BELONGING, {"user_id": principal.user_id, "account_id": principal.account_id}
        )
    ).all()
    if not rows:
        return None
    teams = [TeamRef(id=team_id, name=name) for _, _, team_id, name in rows if team_id is not None]
    return rows[0][0], Belonging(account_name=rows[0][1], teams=teams)


async def my_tokens(db: AsyncSession, principal: Principal) -> list[ApiToken]:
    rows = await db.scalars(
        select(ApiToken)
        .where(ApiToken.account_id == principal.account_id, ApiToken.user_id == principal.user_id)
        .order_by(ApiToken.created_at.desc())
    )
    return list(rows.all())


async def my_refresh_tokens(db: AsyncSession, principal: Principal) -> list[RefreshToken]:
    """Every refresh token of the caller's sign-ins that have not been signed out, oldest first
    (signing out revokes every token of a family, so a family with none revoked is live unless
    it has simply expired)."""
    rows = await db.scalars(
        select(RefreshToken)
        .where(
            RefreshToken.account_id == principal.account_id,
            RefreshToken.user_id == principal.user_id,
            RefreshToken.revoked_at.is_(None),
        )
        .order_by(RefreshToken.created_at, RefreshToken.id)
    )
    return list(rows.all())


async def revoke_my_families(
    db: AsyncSession, principal: Principal, family_ids: list[uuid.UUID], now: datetime
) -> None:
    if not family_ids:
        return
    await db.execute(
        update(RefreshToken)
        .where(
            RefreshToken.account_id == principal.account_id,
            RefreshToken.user_id == principal.user_id,
            RefreshToken.family_id.in_(family_ids),
            RefreshToken.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
