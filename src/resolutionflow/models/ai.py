"""AI configuration per account and the record of every model call."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin


class AISettings(IdMixin, AccountMixin, TimestampMixin, Model):
    """An account's override of the installation's AI defaults. Absent: the defaults apply."""

    __tablename__ = "ai_settings"
    __table_args__ = (UniqueConstraint("account_id", name="uq_ai_settings_account"),)

    # None: inherit the installation default (RESOLUTIONFLOW_LLM_*).
    provider: Mapped[str | None] = mapped_column(String(32), nullable=True)
    base_url: Mapped[str | None] = mapped_column(String(500), nullable=True)
    # Fernet token (common/crypto.py); never returned by the API.
    api_key_encrypted: Mapped[str | None] = mapped_column(Text, nullable=True)
    fast_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    deep_model: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # Estimated spend per calendar month (UTC) after which only the offline engine answers.
    monthly_budget_usd: Mapped[Decimal | None] = mapped_column(Numeric(12, 2), nullable=True)


class AICall(IdMixin, AccountMixin, TimestampMixin, Model):
    """One AI action served: by which engine and model, why, what it cost."""

    __tablename__ = "ai_call"
    __table_args__ = (Index("ix_ai_call_account_created", "account_id", "created_at"),)

    action: Mapped[str] = mapped_column(String(64))
    tier: Mapped[str] = mapped_column(String(16))  # fast | deep
    provider: Mapped[str] = mapped_column(String(32))  # offline | anthropic | openai
    model: Mapped[str] = mapped_column(String(200))
    # Why this engine answered: "fast tier", "escalated: low confidence 0.31", "budget
    # reached", "fallback: rate_limited", "no provider configured", ...
    reason: Mapped[str] = mapped_column(String(300))
    outcome: Mapped[str] = mapped_column(String(16), default="ok")  # ok | fallback | failed
    input_tokens: Mapped[int] = mapped_column(Integer, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, default=0)
    cache_read_tokens: Mapped[int] = mapped_column(Integer, default=0)
    cost_usd: Mapped[Decimal] = mapped_column(Numeric(12, 6), default=Decimal(0))
    latency_ms: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    session_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="SET NULL"), nullable=True
    )
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
