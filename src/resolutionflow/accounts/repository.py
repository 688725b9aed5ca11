"""Queries over an account's own rows, scoped in one place."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import User


async def user_count(db: AsyncSession, account_id: uuid.UUID) -> int:
    return int(
        await db.scalar(select(func.count()).select_from(User).where(User.account_id == account_id))
        or 0
    )
