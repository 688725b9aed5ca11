"""HTTP routes of AI settings and usage (team admins)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from fastapi import APIRouter

from resolutionflow.ai import service, usage
from resolutionflow.ai.settings import AISettingsRead, AISettingsWrite, effective
from resolutionflow.auth.principal import TeamAdmin
from resolutionflow.db import uow
from resolutionflow.db.session import DB
from resolutionflow.errors import ValidationFailed

router = APIRouter(tags=["ai"])


@router.get("/ai/settings", response_model=AISettingsRead)
async def read_ai_settings(principal: TeamAdmin, db: DB) -> AISettingsRead:
    return await service.read(db, principal.account_id)


@router.put("/ai/settings", response_model=AISettingsRead)
async def save_ai_settings(principal: TeamAdmin, db: DB, body: AISettingsWrite) -> AISettingsRead:
    return await service.save(db, principal.account_id, body)


@router.post("/ai/settings/test", response_model=service.ConnectionTest)
async def test_ai_connection(principal: TeamAdmin, db: DB) -> service.ConnectionTest:
    """Sends a tiny request to the configured fast model. The settings are read and the
    transaction ended first: none stays open while the provider answers."""
    eff = await effective(db, principal.account_id)
    return await uow.while_released(db, service.test_connection(eff))


@router.get("/ai/usage", response_model=usage.UsageReport)
async def ai_usage(
    principal: TeamAdmin, db: DB, since: date | None = None, until: date | None = None
) -> usage.UsageReport:
    """Calls, tokens and estimated cost per day, provider, model and action (both days
    included; default: the last 30 days)."""
    today = datetime.now(UTC).date()
    until = until or today
    if until >= date.max or (since is None and until < date.min + timedelta(days=29)):
        # The day after `until` (the end of the range) and the default start must exist.
        raise ValidationFailed(
            "`until` is outside the calendar this report covers.",
            errors=[{"loc": ["query", "until"], "msg": "out of range", "type": "value_error"}],
        )
    since = since or until - timedelta(days=29)
    if since > until:
        raise ValidationFailed(
            "`since` must not be after `until`.",
            errors=[{"loc": ["query", "since"], "msg": "after until", "type": "value_error"}],
        )
    if (until - since).days > 366:
        raise ValidationFailed(
            "Ask for at most a year at a time.",
            errors=[{"loc": ["query", "since"], "msg": "range too long", "type": "value_error"}],
        )
    start = datetime.combine(since, time.min, tzinfo=UTC)
    end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=UTC)
    rows = await usage.report(db, principal.account_id, start, end)
    row = await service.read(db, principal.account_id)
    return usage.UsageReport(
        since=since,
        until=until,
        rows=rows,
        total_calls=sum(r.calls for r in rows),
        total_cost_usd=sum((r.cost_usd for r in rows), start=Decimal(0)),
        month_spend_usd=row.month_spend_usd,
        monthly_budget_usd=row.monthly_budget_usd,
    )
