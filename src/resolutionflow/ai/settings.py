"""An account's AI settings over the installation's defaults, and what is in effect."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, StringConstraints, field_validator
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai.routing import Tier
from resolutionflow.common import crypto
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.config import get_settings
from resolutionflow.models import AISettings

Provider = Literal["offline", "anthropic", "openai"]

# Used when neither the account nor the installation names a model.
DEFAULT_MODELS: dict[str, dict[Tier, str]] = {
    "anthropic": {"fast": "claude-haiku-4-5", "deep": "claude-sonnet-4-6"},
    "openai": {"fast": "gpt-4o-mini", "deep": "gpt-4o"},
}


@dataclass(frozen=True)
class EffectiveAI:
    provider: Provider
    base_url: str | None
    api_key: str | None = field(repr=False)
    fast_model: str
    deep_model: str
    monthly_budget_usd: Decimal | None
    timeout_s: float
    escalate_below: float
    # Why `provider` is what it is, for the call record when it is offline.
    note: str = ""

    def model_for(self, tier: Tier) -> str:
        return self.deep_model if tier == "deep" else self.fast_model


async def load(db: AsyncSession, account_id: object) -> AISettings | None:
    return await db.scalar(select(AISettings).where(AISettings.account_id == account_id))


async def effective(db: AsyncSession, account_id: object) -> EffectiveAI:
    s = get_settings()
    row = await load(db, account_id)
    provider: str = (row.provider if row and row.provider else None) or s.llm_provider
    # The installation's URL, key and models belong to its provider: an account that picks
    # another provider inherits none of them.
    inherit = row is None or not row.provider or row.provider == s.llm_provider
    base_url = (row.base_url if row else None) or (s.llm_base_url if inherit else None)
    key: str | None = None
    note = ""
    if row and row.api_key_encrypted:
        try:
            key = crypto.decrypt(row.api_key_encrypted)
        except crypto.DecryptionFailed:
            note = "the stored API key cannot be decrypted (the keys changed); enter it again"
    elif inherit and s.llm_api_key:
        key = s.llm_api_key.get_secret_value()
    defaults = DEFAULT_MODELS.get(provider, {"fast": "offline", "deep": "offline"})
    fast = (
        (row.fast_model if row else None)
        or (s.llm_fast_model if inherit else None)
        or defaults["fast"]
    )
    deep = (
        (row.deep_model if row else None)
        or (s.llm_deep_model if inherit else None)
        or defaults["deep"]
    )
    if provider == "anthropic" and not key:
        provider, note = "offline", note or "no API key is set for Anthropic"
    if provider == "openai" and not key and not base_url:
        provider, note = "offline", "no API key or base URL is set for OpenAI"
    if provider == "offline":
        fast = deep = "offline"
        note = note or "no model is configured"
    return EffectiveAI(
        provider=provider,  # type: ignore[arg-type]
        base_url=base_url,
        api_key=key,
        fast_model=fast,
        deep_model=deep,
        monthly_budget_usd=row.monthly_budget_usd if row else None,
        timeout_s=s.llm_timeout_s,
        escalate_below=s.llm_escalate_below,
        note=note,
    )


# --- API shapes -------------------------------------------------------------------------------

ModelName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class AISettingsWrite(WriteSchema):
    """Null fields inherit the installation's defaults."""

    provider: Provider | None = None
    base_url: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    # Write-only. Omitted or null: keep the stored key; "" removes it.
    api_key: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None
    fast_model: ModelName | None = None
    deep_model: ModelName | None = None
    monthly_budget_usd: Annotated[Decimal, Field(ge=0, le=1_000_000, decimal_places=2)] | None = (
        None
    )

    @field_validator("base_url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if not v:
            return None
        parts = urlsplit(v)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("must be an http(s) URL, e.g. https://api.openai.com/v1")
        if parts.username or parts.password:
            raise ValueError("must not carry credentials; put the key in the API key field")
        if re.search(r"(key|token|secret|sig|password)", parts.query, re.IGNORECASE):
            # It would be stored in plain text and shown back; the key field is encrypted.
            raise ValueError("must not carry a key in its query; put it in the API key field")
        return v.rstrip("/")


class InstallationDefaults(ReadSchema):
    provider: str
    fast_model: str | None
    deep_model: str | None
    base_url: str | None
    api_key_set: bool


class AISettingsRead(ReadSchema):
    provider: Provider | None
    base_url: str | None
    api_key_set: bool
    fast_model: str | None
    deep_model: str | None
    monthly_budget_usd: Decimal | None
    # What is in effect after inheritance (and why, when it is the offline engine).
    effective_provider: Provider
    effective_fast_model: str
    effective_deep_model: str
    effective_note: str
    installation: InstallationDefaults
    month_spend_usd: Decimal
    budget_reached: bool
