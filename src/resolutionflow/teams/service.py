"""Team CRUD and membership; every lookup is scoped to the principal's account."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.audit.service import record_by
from resolutionflow.auth.principal import Principal
from resolutionflow.common.context import ClientInfo
from resolutionflow.db.scoping import get_in_account, readable
from resolutionflow.errors import Conflict
from resolutionflow.models import Team, TeamMembership, User
from resolutionflow.teams.schemas import TeamCreate, TeamDetail, TeamMember, TeamRead, TeamUpdate


async def _member_counts(db: AsyncSession, team_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not team_ids:
        return {}
    rows = await db.execute(
        select(TeamMembership.team_id, func.count())
        .where(TeamMembership.team_id.in_(team_ids))
        .group_by(TeamMembership.team_id)
    )
    return {team_id: count for team_id, count in rows}


def _read(team: Team, count: int) -> TeamRead:
    return TeamRead(
        id=team.id,
        name=team.name,
        description=team.description,
        member_count=count,
        created_at=team.created_at,
    )


async def list_teams(db: AsyncSession, principal: Principal) -> list[TeamRead]:
    teams = list((await db.scalars(readable(principal.account_id, Team).order_by(Team.name))).all())
    counts = await _member_counts(db, [t.id for t in teams])
    return [_read(t, counts.get(t.id, 0)) for t in teams]


async def _get(db: AsyncSession, principal: Principal, team_id: uuid.UUID) -> Team:
    return await get_in_account(db, principal.account_id, Team, team_id, what="team")


async def _name_free(
    db: AsyncSession, principal: Principal, name: str, except_id: uuid.UUID | None = None
) -> None:
    # Compared in Python: SQLite's lower() leaves non-ASCII letters alone ("ÉQUIPE").
    wanted = name.casefold()
    teams = (await db.scalars(readable(principal.account_id, Team))).all()
    existing = next((t for t in teams if t.name.casefold() == wanted), None)
    if existing is not None and existing.id != except_id:
        raise Conflict(
            f"A team named {name!r} already exists.",
            errors=[{"loc": ["body", "name"], "msg": "already in use", "type": "conflict"}],
        )


async def detail(db: AsyncSession, principal: Principal, team_id: uuid.UUID) -> TeamDetail:
    team = await _get(db, principal, team_id)
    users = (
        await db.scalars(
            select(User)
            .join(TeamMembership, TeamMembership.user_id == User.id)
            .where(TeamMembership.team_id == team.id)
            .order_by(User.name)
        )
    ).all()
    members = [
        TeamMember(id=u.id, name=u.name, email=u.email, role=u.role, is_active=u.is_active)
        for u in users
    ]
    return TeamDetail(**_read(team, len(members)).model_dump(), members=members)


async def create(
    db: AsyncSession, principal: Principal, data: TeamCreate, client: ClientInfo
) -> TeamRead:
    await _name_free(db, principal, data.name)
    team = Team(account_id=principal.account_id, name=data.name, description=data.description)
    db.add(team)
    await db.flush()
    record_by(
        db,
        principal,
        "team.created",
        client=client,
        target_type="team",
        target_id=team.id,
        detail={"name": team.name},
    )
    return _read(team, 0)


async def update(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID, data: TeamUpdate
) -> TeamDetail:
    team = await _get(db, principal, team_id)
    if data.name is not None and data.name != team.name:
        await _name_free(db, principal, data.name, except_id=team.id)
        team.name = data.name
    if data.description is not None:
        team.description = data.description
    await db.flush()
    return await detail(db, principal, team_id)


async def remove(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID, client: ClientInfo
) -> None:
    team = await _get(db, principal, team_id)
    record_by(
        db,
        principal,
        "team.deleted",
        client=client,
        target_type="team",
        target_id=team.id,
        detail={"name": team.name},
    )
    await db.delete(team)


async def add_member(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    team = await _get(db, principal, team_id)
    user = await get_in_account(db, principal.account_id, User, user_id, what="user")
    exists = await db.get(TeamMembership, (team.id, user.id))
    if exists is None:  # adding twice is a no-op, so the PUT is idempotent
        try:
            # A savepoint: if a parallel request added the same member first, only this
            # insert is undone and the PUT still succeeds.
            async with db.begin_nested():
                db.add(
                    TeamMembership(
                        account_id=principal.account_id, team_id=team.id, user_id=user.id
                    )
                )
        except IntegrityError:
            pass


async def remove_member(
    db: AsyncSession, principal: Principal, team_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    team = await _get(db, principal, team_id)
    user = await get_in_account(db, principal.account_id, User, user_id, what="user")
    await db.execute(
        delete(TeamMembership).where(
            TeamMembership.team_id == team.id, TeamMembership.user_id == user.id
        )
    )
