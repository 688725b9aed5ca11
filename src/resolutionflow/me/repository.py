"""Queries over the caller's own rows, scoped in one place: their account, and them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.auth.principal import Principal
from resolutionflow.models import ApiToken


async def my_tokens(db: AsyncSession, principal: Principal) -> list[ApiToken]:
    rows = await db.scalars(
        select(ApiToken)
        .where(ApiToken.account_id == principal.account_id, ApiToken.user_id == principal.user_id)
        .order_by(ApiToken.created_at.desc())
    )
    return list(rows.all())
