"""The record of AI calls: one row per call; spend and usage are read off it."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import repository
from resolutionflow.common.schemas import ReadSchema
from resolutionflow.models import AICall
from resolutionflow.providers.llm import Usage
from resolutionflow.providers.llm.pricing import estimate_cost_usd


async def record(
    db: AsyncSession,
    *,
    account_id: uuid.UUID,
    action: str,
    tier: str,
    provider: str,
    model: str,
    reason: str,
    outcome: str = "ok",
    usage: Usage | None = None,
    latency_ms: int = 0,
    attempts: int = 1,
    session_id: uuid.UUID | None = None,
    user_id: uuid.UUID | None = None,
) -> AICall:
    usage = usage or Usage()
    cost = estimate_cost_usd(provider, model, usage) if provider != "offline" else 0.0
    call = AICall(
        account_id=account_id,
        action=action,
        tier=tier,
        provider=provider,
        model=model[:200],
        reason=reason[:300],
        outcome=outcome,
        input_tokens=usage.input_tokens + usage.cache_write_tokens,
        output_tokens=usage.output_tokens,
        cache_read_tokens=usage.cache_read_tokens,
        cost_usd=Decimal(str(round(cost or 0.0, 6))),
        latency_ms=latency_ms,
        attempts=attempts,
        session_id=session_id,
        user_id=user_id,
    )
    db.add(call)
    await db.flush()
    return call


def month_start(now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    return datetime(now.year, now.month, 1, tzinfo=UTC)


async def month_spend(db: AsyncSession, account_id: uuid.UUID) -> Decimal:
    total = await repository.spend_since(db, account_id, month_start())
    return Decimal(str(total or 0)).quantize(Decimal("0.000001"))


class UsageRow(ReadSchema):
    day: date
    provider: str
    model: str
    action: str
    calls: int
    fallbacks: int
    input_tokens: int
    output_tokens: int
    cache_read_tokens: int
    cost_usd: Decimal


class UsageReport(ReadSchema):
    since: date
    until: date
    rows: list[UsageRow]
    total_calls: int
    total_cost_usd: Decimal
    month_spend_usd: Decimal
    monthly_budget_usd: Decimal | None


async def report(
    db: AsyncSession, account_id: uuid.UUID, since: datetime, until: datetime
) -> list[UsageRow]:
    rows = await repository.usage_by_day(db, account_id, since, until)
    out = []
    for d, provider, model, action, calls, fallbacks, tin, tout, tcache, cost in rows:
        out.append(
            UsageRow(
                day=d if isinstance(d, date) else date.fromisoformat(str(d)),
                provider=provider,
                model=model,
                action=action,
                calls=int(calls),
                fallbacks=int(fallbacks or 0),
                input_tokens=int(tin or 0),
                output_tokens=int(tout or 0),
                cache_read_tokens=int(tcache or 0),
                cost_usd=Decimal(str(cost or 0)).quantize(Decimal("0.000001")),
            )
        )
    return out
