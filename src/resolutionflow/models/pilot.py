"""FlowPilot: the structured steps it proposed, the facts it and the engineer gathered, and the
fixes tried, per session."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime

STEP_TYPES = ("question", "action", "resolution_suggestion", "fork")
FACT_STATUSES = ("proposed", "confirmed", "deleted")
FIX_STATUSES = ("proposed", "verifying", "applied", "dismissed")
FIX_OUTCOMES = ("success", "failed", "partial", "pending")


class PilotStep(IdMixin, AccountMixin, TimestampMixin, Model):
    """One structured step FlowPilot proposed; answered, skipped, or superseded."""

    __tablename__ = "pilot_step"
    __table_args__ = (Index("ix_pilot_step_session", "session_id", "ordinal"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE")
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(32))
    # The step's content by type (question text and options; action kind, instructions,
    # expected outcome; resolution summary and fix; fork hypotheses).
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float)
    # Where it came from: flow (an authored node), history (what fixed similar sessions),
    # knowledge, generic (discovery questions for the category), model.
    source: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default="open")
    answer: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PilotFact(IdMixin, AccountMixin, TimestampMixin, Model):
    """Something known about the problem: proposed by FlowPilot or written by the engineer;
    the engineer confirms, edits or deletes (softly: deletions are kept and recorded)."""

    __tablename__ = "pilot_fact"

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16))  # ai | engineer
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    step_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("pilot_step.id", ondelete="SET NULL"), nullable=True
    )


class PilotFix(IdMixin, AccountMixin, TimestampMixin, Model):
    """A suggested fix: proposed → verifying → applied (with an outcome) or dismissed."""

    __tablename__ = "pilot_fix"

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    instructions: Mapped[str] = mapped_column(Text, default="")
    command: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    outcome: Mapped[str | None] = mapped_column(String(16), nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    step_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("pilot_step.id", ondelete="SET NULL"), nullable=True
    )


class ResolutionPackageCache(AccountMixin, Model):
    """The last resolution package written for a session, with the key of everything it was
    written from (timeline position, material, options, model settings): a read with the same
    key is served from here instead of asking the model again; any change makes a new key."""

    __tablename__ = "resolution_package_cache"

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), primary_key=True
    )
    cache_key: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
