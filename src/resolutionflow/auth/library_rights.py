"""Who may change an item of a shared library (steps, scripts): an item belongs to the account,
optionally to one team, and to the engineer who wrote it. One rule for every library, so a
script and a step never disagree about who may edit them."""

from __future__ import annotations

import uuid
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.errors import ValidationFailed
from resolutionflow.models import Role
from resolutionflow.teams import repository as teams


class LibraryItem(Protocol):
    @property
    def created_by_id(self) -> uuid.UUID | None: ...

    @property
    def team_id(self) -> uuid.UUID | None: ...


def is_admin_of(principal: Principal, team_id: uuid.UUID | None, teams: set[uuid.UUID]) -> bool:
    """A super admin; or a team admin of the item's team (`teams`: the caller's), or of any
    team when the item belongs to the whole account."""
    if principal.role.at_least(Role.super_admin):
        return True
    if not principal.role.at_least(Role.team_admin):
        return False
    return team_id is None or team_id in teams


def may_edit(principal: Principal, item: LibraryItem, teams: set[uuid.UUID]) -> bool:
    """Engineers and up: the item's author, or an admin of its team."""
    if not principal.role.at_least(Role.engineer):
        return False
    return item.created_by_id == principal.user_id or is_admin_of(principal, item.team_id, teams)


async def check_team_choice(
    db: AsyncSession,
    principal: Principal,
    team_id: uuid.UUID | None,
    my_teams: set[uuid.UUID],
    *,
    what: str,
) -> None:
    """An item given to a team (`what`: "script", "step"): the team is this account's, and
    below team admin only one the caller belongs to. A 422 on `team_id` otherwise."""
    if team_id is None:
        return
    problem = None
    if not await teams.exists_in_account(db, principal.account_id, team_id):
        problem = "no such team in this account"
    elif not principal.role.at_least(Role.team_admin) and team_id not in my_teams:
        problem = f"you can only give a {what} to a team you are a member of"
    if problem:
        raise ValidationFailed(
            f"team_id: {problem}.",
            errors=[{"loc": ["body", "team_id"], "msg": problem, "type": "value_error"}],
        )
