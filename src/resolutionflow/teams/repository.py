"""Team lookups other domains need (a library item given to a team, the caller's teams),
scoped to the account here rather than in each domain."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.models import Team, TeamMembership


async def exists_in_account(db: AsyncSession, account_id: uuid.UUID, team_id: uuid.UUID) -> bool:
    found = await db.scalar(
        select(Team.id).where(Team.account_id == account_id, Team.id == team_id)
    )
    return found is not None


async def member_team_ids(db: AsyncSession, principal: Principal) -> set[uuid.UUID]:
    """The teams the caller belongs to."""
    rows = await db.scalars(
        select(TeamMembership.team_id).where(
            TeamMembership.account_id == principal.account_id,
            TeamMembership.user_id == principal.user_id,
        )
    )
    return set(rows)


async def by_name(db: AsyncSession, account_id: uuid.UUID, name: str) -> Team | None:
    found: Team | None = await db.scalar(
        select(Team).where(Team.account_id == account_id, Team.name == name)
    )
    return found
