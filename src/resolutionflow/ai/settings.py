"""An account's AI settings over the installation's defaults, and what is in effect."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, StringConstraints, field_validator
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.ai import repository
from resolutionflow.ai.routing import Tier
from resolutionflow.common import crypto
from resolutionflow.common.schemas import ReadSchema, WriteSchema
from resolutionflow.config import get_settings
from resolutionflow.models import AISettings
from resolutionflow.outbound.policy import OutboundPolicy

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
    # True when requests go to the installation's own endpoint (its URL, or the vendor's when
    # the installation names none); False for a URL the account chose, which the outbound
    # policy then checks on every connection.
    installation_endpoint: bool = True

    def model_for(self, tier: Tier) -> str:
        return self.deep_model if tier == "deep" else self.fast_model


# Where a provider's SDK sends requests when no base URL is set.
VENDOR_URLS: dict[str, str] = {
    "anthropic": "https://api.anthropic.com",
    "openai": "https://api.openai.com/v1",
}


def _same_url(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.rstrip("/") == b.rstrip("/")


def origin(url: str | None) -> tuple[str, str, int] | None:
    """(scheme, host, port) of a URL, lower case with the scheme's default port filled in."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    default = 443 if scheme == "https" else 80
    return scheme, (parts.hostname or "").lower(), port or default


def key_destination(provider: str | None, base_url: str | None) -> tuple[str, str, int] | None:
    """The origin an account's stored key is sent to, for the account's provider and URL."""
    s = get_settings()
    name = provider or s.llm_provider
    inherit = not provider or provider == s.llm_provider
    return origin(base_url or (s.llm_base_url if inherit else None) or VENDOR_URLS.get(name))


def outbound_for(ai: EffectiveAI) -> OutboundPolicy | None:
    """The policy a provider's connections are checked against: none for the installation's
    own endpoint (the operator chose it), the outbound policy for a URL an account chose."""
    return None if ai.installation_endpoint else OutboundPolicy.from_settings()


async def load(db: AsyncSession, account_id: object) -> AISettings | None:
    return await repository.settings_of(db, account_id)


async def effective(db: AsyncSession, account_id: object) -> EffectiveAI:
    s = get_settings()
    row = await load(db, account_id)
    provider: str = (row.provider if row and row.provider else None) or s.llm_provider
    # The installation's URL, key and models belong to its provider: an account that picks
    # another provider inherits none of them.
    inherit = row is None or not row.provider or row.provider == s.llm_provider
    own_url = row.base_url if row else None
    # The installation's key goes to the installation's URL and nowhere else: an account that
    # names its own base URL brings its own key (otherwise a team admin could point the URL at
    # their own server and read the installation's key off the Authorization header).
    endpoint = inherit and (own_url is None or _same_url(own_url, s.llm_base_url))
    base_url = own_url or (s.llm_base_url if inherit else None)
    key: str | None = None
    note = ""
    if row and row.api_key_encrypted:
        try:
            key = crypto.decrypt(row.api_key_encrypted)
        except crypto.DecryptionFailed:
            note = "the stored API key cannot be decrypted (the keys changed); enter it again"
    elif endpoint and s.llm_api_key:
        key = s.llm_api_key.get_secret_value()
    withheld = inherit and not endpoint and s.llm_api_key is not None and key is None
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
        provider, note = (
            "offline",
            note
            or (
                "a base URL of your own needs an API key of your own"
                if withheld
                else "no API key is set for Anthropic"
            ),
        )
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
        installation_endpoint=endpoint,
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
        if problem := OutboundPolicy.from_settings().check_url(v):
            # A literal address fails here; a name that resolves to one fails when connecting.
            raise ValueError(f"{problem}; this server does not connect there")
        return v.rstrip("/")


class InstallationDefaults(ReadSchema):
    """All an account learns of the installation's own model settings: whether there is a
    model the administrator provides (never its URL, provider, models or key)."""

    provided: bool
    description: str


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
