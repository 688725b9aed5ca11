"""Reading and saving an account's AI settings, and testing the connection they describe."""

from __future__ import annotations

import time
import uuid
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import gateway, usage
from resolutionflow.ai.settings import (
    AISettingsRead,
    AISettingsWrite,
    EffectiveAI,
    InstallationDefaults,
    effective,
    key_destination,
    load,
    outbound_for,
)
from resolutionflow.common import crypto
from resolutionflow.common.schemas import ReadSchema
from resolutionflow.config import get_settings
from resolutionflow.models import AISettings
from resolutionflow.providers.llm import LLMError, ProviderConfig


async def read(db: AsyncSession, account_id: uuid.UUID) -> AISettingsRead:
    row = await load(db, account_id)
    eff = await effective(db, account_id)
    spent = await usage.month_spend(db, account_id)
    budget = row.monthly_budget_usd if row else None
    return AISettingsRead(
        provider=row.provider if row else None,
        base_url=row.base_url if row else None,
        api_key_set=bool(row and row.api_key_encrypted),
        fast_model=row.fast_model if row else None,
        deep_model=row.deep_model if row else None,
        monthly_budget_usd=budget,
        effective_provider=eff.provider,
        effective_fast_model=eff.fast_model,
        effective_deep_model=eff.deep_model,
        effective_note=eff.note,
        installation=installation_defaults(),
        month_spend_usd=spent,
        budget_reached=budget is not None and spent >= budget,
    )


def installation_defaults() -> InstallationDefaults:
    # Tenants learn that there is a model, never which URL, provider, models or key it uses.
    provided = get_settings().llm_provider != "offline"
    return InstallationDefaults(
        provided=provided,
        description="Provided by your administrator"
        if provided
        else "None: the offline engine answers unless you configure a model",
    )


async def save(db: AsyncSession, account_id: uuid.UUID, body: AISettingsWrite) -> AISettingsRead:
    row = await load(db, account_id)
    if row is None:
        row = AISettings(account_id=account_id)
        db.add(row)
    key_went_to = key_destination(row.provider, row.base_url)
    fields = body.model_dump(exclude_unset=True)
    if "provider" in fields and fields["provider"] != row.provider:
        # A URL, models and key belong to the provider they were entered for: switching
        # provider drops the ones not given again (never call Anthropic at an Ollama URL).
        for name in ("base_url", "fast_model", "deep_model"):
            fields.setdefault(name, None)
        if fields.get("api_key") is None:
            row.api_key_encrypted = None
    for name in ("provider", "base_url", "fast_model", "deep_model", "monthly_budget_usd"):
        if name in fields:
            setattr(row, name, fields[name])
    if "api_key" in fields and fields["api_key"] is not None:
        # The key is stored encrypted and never read back out through the API.
        row.api_key_encrypted = crypto.encrypt(fields["api_key"]) if fields["api_key"] else None
    elif key_destination(row.provider, row.base_url) != key_went_to:
        # A saved key only goes where it was saved for (scheme, host and port): pointing the
        # URL elsewhere without typing the key again drops it, or whoever may edit the settings
        # could read it off the Authorization header at a server of their own.
        row.api_key_encrypted = None
    await db.flush()
    return await read(db, account_id)


class ConnectionTest(ReadSchema):
    ok: bool
    provider: str
    model: str
    message: str
    latency_ms: int


async def test_connection(eff: EffectiveAI) -> ConnectionTest:
    """A tiny real request to the configured fast model. Runs outside any transaction."""
    if eff.provider == "offline":
        return ConnectionTest(
            ok=True,
            provider="offline",
            model="offline",
            message=f"The offline engine answers ({eff.note}). Nothing leaves this server.",
            latency_ms=0,
        )
    started = time.perf_counter()
    provider = gateway._factory(
        ProviderConfig(
            provider=eff.provider,
            api_key=eff.api_key or "not-needed",
            base_url=eff.base_url,
            max_retries=0,
            outbound=outbound_for(eff),
        )
    )
    try:
        message = await provider.check(eff.fast_model)
        ok = True
    except LLMError as exc:
        message, ok = exc.message, False
    finally:
        await provider.aclose()
    return ConnectionTest(
        ok=ok,
        provider=eff.provider,
        model=eff.fast_model,
        message=message,
        latency_ms=int((time.perf_counter() - started) * 1000),
    )


def budget_left(budget: Decimal | None, spent: Decimal) -> Decimal | None:
    return None if budget is None else max(Decimal(0), budget - spent)
