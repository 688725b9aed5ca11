"""Queries over the account's people and invites, scoped in one place."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.models import Invite, Role, User

ADMIN_ROLES = (Role.team_admin.value, Role.super_admin.value)


async def active_admin_ids(db: AsyncSession, account_id: uuid.UUID) -> list[uuid.UUID]:
    # Lock the admin rows (PostgreSQL) so two admins demoting each other cannot both succeed.
    query = (
        select(User.id)
        .where(User.account_id == account_id, User.is_active.is_(True), User.role.in_(ADMIN_ROLES))
        .with_for_update()
    )
    return list((await db.scalars(query)).all())


async def invites_with_inviter(db: AsyncSession, principal: Principal) -> list[Any]:
    """(invite, inviter's name) of the account's invites, newest first."""
    inviter = User.__table__.alias("inviter")
    return list(
        await db.execute(
            select(Invite, inviter.c.name)
            .outerjoin(inviter, inviter.c.id == Invite.invited_by_id)
            .where(Invite.account_id == principal.account_id)
            .order_by(Invite.created_at.desc())
        )
    )
