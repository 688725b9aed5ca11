"""Troubleshooting sessions and their append-only timeline (SessionEvent)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime

SESSION_STATUSES = ("active", "paused", "escalated", "resolved", "unresolved", "abandoned")
_STATUS_CHECK = "status IN ({})".format(", ".join(f"'{s}'" for s in SESSION_STATUSES))


class Session(IdMixin, AccountMixin, TimestampMixin, Model):
    """One engineer's work on one problem."""

    __tablename__ = "session"
    __table_args__ = (
        CheckConstraint(_STATUS_CHECK, name="status"),
        Index("ix_session_account_owner", "account_id", "owner_id"),
        CheckConstraint("variant IN ('a', 'b')", name="variant"),
        Index("ix_session_experiment_variant", "experiment_id", "variant"),
    )

    title: Mapped[str] = mapped_column(String(200))
    # Sized generously: later statuses must never outgrow the column.
    status: Mapped[str] = mapped_column(String(32), default="active")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    # The flow the session runs now and the published version it pinned (None: freeform).
    flow_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="SET NULL"), nullable=True, index=True
    )
    flow_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    ticket_id: Mapped[str | None] = mapped_column(String(100), nullable=True, index=True)
    # Engine state (cursor stack, captured variables, ticked items), derived from the events
    # and kept here so reading a session never replays its whole timeline.
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    current_node: Mapped[str | None] = mapped_column(String(64), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    # Billable time: seconds accumulated while active, plus the open stretch since active_since.
    active_seconds: Mapped[int] = mapped_column(Integer, default=0)
    active_since: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The sequence number of the last event; events are numbered 1, 2, 3 … per session.
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    # "guided": a flow or freeform, driven by the engineer; "pilot": FlowPilot proposes steps.
    mode: Mapped[str] = mapped_column(String(16), default="guided", server_default="guided")
    # FlowPilot's state (intake, triage header and which fields the engineer edited, confidence,
    # tier, the proposed flow and its decision); derived from the timeline, kept for reading.
    pilot: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # The A/B test (experiments/) that assigned this session's flow version, and its variant
    # ('a' | 'b'). Kept after the test stops: the session ran that variant. No ON DELETE
    # action: experiments are history and never deleted alone (their flow's or account's
    # deletion removes both sides), and SQLite's ALTER TABLE could only add it column-level,
    # where the schema comparison cannot see it.
    experiment_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("experiment.id"), nullable=True
    )
    variant: Mapped[str | None] = mapped_column(String(1), nullable=True)


class SessionEvent(IdMixin, AccountMixin, Model):
    """One entry of a session's timeline. Never updated or deleted; corrections are new events."""

    __tablename__ = "session_event"
    __table_args__ = (UniqueConstraint("session_id", "seq", name="uq_session_event_seq"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


SCRATCHPAD_MAX = 20_000


class SessionScratchpad(IdMixin, AccountMixin, TimestampMixin, Model):
    """One person's private scratchpad on one session. Kept apart from the timeline so nothing
    that reads sessions (notes, shares, exports, search, prompts) can pick it up; only the
    session's owner reads their own (a claim hands the session on, never the pad)."""

    __tablename__ = "session_scratchpad"
    __table_args__ = (
        UniqueConstraint("session_id", "user_id", name="uq_session_scratchpad_session_user"),
    )

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE")
    )
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("user.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")
