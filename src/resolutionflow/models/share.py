"""Share links of a session: account-only or public (read-only, redacted), stored only as hashes."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime


class SessionShare(IdMixin, AccountMixin, TimestampMixin, Model):
    """One link to one session. The secret token is shown once; only its sha256 is kept."""

    __tablename__ = "session_share"

    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Public: anyone with the link sees the redacted note. Otherwise: signed-in colleagues of
    # the same account see the session read-only.
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    view_count: Mapped[int] = mapped_column(Integer, default=0)
    last_viewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # What the last public rendering redacted: {kind: count}, never the values.
    last_redaction_report: Mapped[dict[str, int] | None] = mapped_column(JSON, nullable=True)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
