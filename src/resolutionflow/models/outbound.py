"""Redaction reports: one row per time session content left ResolutionFlow."""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin

# Where content went. Stored and shown, so never rename one.
CHANNELS = ("export", "share", "llm", "psa", "escalation", "webhook", "email")


class RedactionReport(IdMixin, AccountMixin, TimestampMixin, Model):
    """What one outbound send redacted: kinds and counts, never the values."""

    __tablename__ = "redaction_report"
    __table_args__ = (Index("ix_redaction_report_session", "session_id", "created_at"),)

    session_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), nullable=True
    )
    channel: Mapped[str] = mapped_column(String(32))
    # e.g. the export format, the share link's id, the AI action
    detail: Mapped[str] = mapped_column(String(100), default="")
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
