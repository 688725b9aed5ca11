"""Analytics read models derived from session timelines: one SessionFact per session and one
StepVisit per flow step shown. Both are a pure function of the timeline (analytics/timeline.py)
and are kept up to date in the appending transaction; a job catches up what was written
without it (bulk inserts, history from before they existed)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, UTCDateTime
from resolutionflow.models.session import Session


class SessionFact(AccountMixin, Model):
    """What analytics needs of a session beyond its own columns, and how far the timeline has
    been read (`through_seq`)."""

    __tablename__ = "session_fact"
    # Figures join a period's sessions to their facts: the columns they read come from the
    # index alone.
    __table_args__ = (
        Index(
            "ix_session_fact_figures",
            "session_id",
            "copilot_suggested",
            "copilot_accepted",
            "escalated",
            "client",
        ),
    )

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), primary_key=True
    )
    through_seq: Mapped[int] = mapped_column(Integer, default=0)
    # The client (company) from the linked ticket, or the maintenance target's client.
    client: Mapped[str | None] = mapped_column(String(200), nullable=True)
    escalated: Mapped[bool] = mapped_column(Boolean, default=False)
    # Copilot replies that offered suggestions, and suggestions the engineer accepted.
    copilot_suggested: Mapped[int] = mapped_column(Integer, default=0)
    copilot_accepted: Mapped[int] = mapped_column(Integer, default=0)
    # The fold's state between appends (the active clock, the open step): timeline.FoldState.
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class StepVisit(IdMixin, AccountMixin, Model):
    """One flow step shown in a session (by `step_shown`, or again by `went_back`), until it was
    answered or left. `active_seconds` (answered visits only) is the session's active time
    between showing and answering: pauses and waits for an escalation pickup excluded."""

    __tablename__ = "step_visit"
    # Read through their sessions (a flow's runs in a period), by session.
    __table_args__ = (UniqueConstraint("session_id", "seq", name="uq_step_visit_seq"),)

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE")
    )
    # The seq of the timeline entry that showed the step.
    seq: Mapped[int] = mapped_column(Integer)
    flow_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    flow_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    node_id: Mapped[str] = mapped_column(String(64))
    shown_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    answered: Mapped[bool] = mapped_column(Boolean, default=False)
    active_seconds: Mapped[float | None] = mapped_column(Float, nullable=True)
    # The step of the same flow answered just before this one was shown (the edge taken).
    prev_node_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # The session's latest visit in this flow (where a run that did not resolve left it).
    last_in_flow: Mapped[bool] = mapped_column(Boolean, default=True)


# Analytics reads a period of an account's sessions by when they started (and, for one flow,
# its runs): the columns the figures group and filter by come from these indexes alone.
# Defined here, not in session.py, because analytics is what needs them.
Index(
    "ix_session_analytics",
    Session.account_id,
    Session.created_at,
    Session.status,
    Session.active_seconds,
    Session.owner_id,
    Session.flow_id,
    Session.mode,
    Session.id,
)
Index(
    "ix_session_analytics_flow",
    Session.account_id,
    Session.flow_id,
    Session.created_at,
    Session.status,
    Session.active_seconds,
    Session.owner_id,
    Session.id,
)
