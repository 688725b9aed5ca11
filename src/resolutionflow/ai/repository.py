"""Queries over an account's AI settings and its record of AI calls, scoped in one place."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.models import AICall, AISettings


async def settings_of(db: AsyncSession, account_id: object) -> AISettings | None:
    return await db.scalar(select(AISettings).where(AISettings.account_id == account_id))


async def spend_since(db: AsyncSession, account_id: uuid.UUID, since: datetime) -> Any:
    """The sum of the account's AI call costs since `since` (0 when none)."""
    return await db.scalar(
        select(func.coalesce(func.sum(AICall.cost_usd), 0)).where(
            AICall.account_id == account_id, AICall.created_at >= since
        )
    )


async def usage_by_day(
    db: AsyncSession, account_id: uuid.UUID, since: datetime, until: datetime
) -> list[Any]:
    """Per day, provider, model and action (newest day first): calls, fallbacks, input, output
    and cache-read tokens, and cost."""
    day = func.date(AICall.created_at)
    return list(
        await db.execute(
            select(
                day,
                AICall.provider,
                AICall.model,
                AICall.action,
                func.count(),
                func.sum(func.cast(AICall.outcome == "fallback", AICall.input_tokens.type)),
                func.sum(AICall.input_tokens),
                func.sum(AICall.output_tokens),
                func.sum(AICall.cache_read_tokens),
                func.sum(AICall.cost_usd),
            )
            .where(
                AICall.account_id == account_id,
                AICall.created_at >= since,
                AICall.created_at < until,
            )
            .group_by(day, AICall.provider, AICall.model, AICall.action)
            .order_by(day.desc(), AICall.provider, AICall.model, AICall.action)
        )
    )
