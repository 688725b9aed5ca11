"""Escalations: the handoff a session carries to a senior, and the in-app notifications."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime

PRIORITIES = ("low", "medium", "high", "urgent")
HANDOFF_STATUSES = ("unclaimed", "claimed", "cancelled")
# "escalation": to a senior, with an AI assessment; "park": handed on (end of shift) with a
# short note, no assessment, the session paused until someone claims it.
HANDOFF_KINDS = ("escalation", "park")
ASSESSMENT_STATUSES = ("pending", "ready", "failed")


class Handoff(IdMixin, AccountMixin, TimestampMixin, Model):
    """One escalation of one session: the redacted snapshot, the AI assessment, the claim."""

    __tablename__ = "handoff"
    __table_args__ = (
        Index("ix_handoff_account_status", "account_id", "status", "created_at"),
        CheckConstraint("kind IN ('escalation', 'park')", name="kind"),
    )

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    escalated_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="escalation", server_default="escalation")
    reason: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16))
    target_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    target_team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True
    )
    # What the senior sees before touching the session; redacted when taken.
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    assessment_status: Mapped[str] = mapped_column(String(16), default="pending")
    status: Mapped[str] = mapped_column(String(16), default="unclaimed")
    claimed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The outcome loop: after the claimed session resolves, was the likely cause right?
    cause_correct: Mapped[bool | None] = mapped_column(Boolean, nullable=True)


class Notification(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_read", "user_id", "read_at", "created_at"),)

    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    # Where the notification leads in the app (the pickup screen for handoffs).
    link: Mapped[str] = mapped_column(String(300))
    handoff_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("handoff.id", ondelete="CASCADE"), nullable=True
    )
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
