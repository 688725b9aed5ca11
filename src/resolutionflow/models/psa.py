"""PSA integration: connections (per team, with an account default), member mapping, and the
outbox of pushes to tickets."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
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

ACCOUNT_SCOPE = "account"
PUSH_STATES = ("queued", "sending", "sent", "failed")


class PsaConnection(IdMixin, AccountMixin, TimestampMixin, Model):
    """One PSA connection: a team's, or the account default (team_id None)."""

    __tablename__ = "psa_connection"
    # NULLs never collide in a unique index, so the scope is spelled out: a team id or "account".
    __table_args__ = (UniqueConstraint("account_id", "scope", name="uq_psa_connection_scope"),)

    scope: Mapped[str] = mapped_column(String(40))
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="CASCADE"), nullable=True
    )
    provider: Mapped[str] = mapped_column(String(32))
    # The provider's non-secret fields (base URL, company id, public key, client id ...).
    config: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # Fernet token (common/crypto.py) of a JSON object holding the secret fields; never returned.
    secrets_encrypted: Mapped[str] = mapped_column(Text, default="")
    # Behaviour: which pushes happen by themselves, and what they carry.
    push_on_resolve: Mapped[bool] = mapped_column(Boolean, default=False)
    push_on_escalate: Mapped[bool] = mapped_column(Boolean, default=False)
    resolve_note_type: Mapped[str] = mapped_column(String(16), default="resolution")
    escalate_note_type: Mapped[str] = mapped_column(String(16), default="internal")
    time_entry_on_resolve: Mapped[bool] = mapped_column(Boolean, default=False)
    # Board name → status name to set ("*" for any board); verified by re-reading the ticket.
    status_on_resolve: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    status_on_escalate: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # For sessions resolved with a workaround; None: the same as status_on_resolve.
    status_on_workaround: Mapped[dict[str, str] | None] = mapped_column(JSON, nullable=True)
    last_test_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_test_ok: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    last_test_message: Mapped[str] = mapped_column(String(500), default="")


class PsaMemberLink(IdMixin, AccountMixin, TimestampMixin, Model):
    """Which PSA member one of our users is, on one connection (auto by email, or set by hand)."""

    __tablename__ = "psa_member_link"
    __table_args__ = (UniqueConstraint("connection_id", "user_id", name="uq_psa_member_link_user"),)

    connection_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("psa_connection.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("user.id", ondelete="CASCADE"))
    member_id: Mapped[str] = mapped_column(String(100))
    member_identifier: Mapped[str] = mapped_column(String(100))
    member_name: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(16), default="auto")  # auto | manual


class PsaPush(IdMixin, AccountMixin, TimestampMixin, Model):
    """One push of a session's documentation to its ticket: recorded first, sent by the outbox
    worker, retried with backoff. `marker` is written into the note so a retry after a timeout
    can find a note the PSA already stored instead of posting it twice."""

    __tablename__ = "psa_push"
    __table_args__ = (
        Index("ix_psa_push_due", "state", "next_attempt_at"),
        Index("ix_psa_push_session", "session_id", "created_at"),
    )

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE")
    )
    connection_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("psa_connection.id", ondelete="SET NULL"), nullable=True, index=True
    )
    provider: Mapped[str] = mapped_column(String(32))
    ticket_id: Mapped[str] = mapped_column(String(100))
    trigger: Mapped[str] = mapped_column(String(16), default="manual")  # manual|resolve|escalate
    note_type: Mapped[str] = mapped_column(String(16))
    notify_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    # The redacted plain-text note, as it will be posted (without the marker line).
    body: Mapped[str] = mapped_column(Text)
    marker: Mapped[str] = mapped_column(String(40), unique=True)
    time_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    target_status: Mapped[str | None] = mapped_column(String(100), nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # While "sending": the worker's claim; a crashed worker's claim expires and is taken over.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    psa_note_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    # What happened to the extras: {"time_entry": "ok: 12" | "failed: ...",
    # "status": {"asked": "Resolved", "now": "In Progress", "ok": false}}
    outcome: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    requested_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
