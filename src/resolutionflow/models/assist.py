"""ResolutionAssist: standalone troubleshooting conversations with the copilot."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin


class AssistConversation(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "assist_conversation"

    user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="CASCADE"), index=True, nullable=True
    )
    title: Mapped[str] = mapped_column(String(200))
    last_seq: Mapped[int] = mapped_column(Integer, default=0)
    # Set once the conversation was turned into a session.
    session_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="SET NULL"), nullable=True
    )


class AssistMessage(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "assist_message"
    __table_args__ = (UniqueConstraint("conversation_id", "seq", name="uq_assist_message_seq"),)

    conversation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("assist_conversation.id", ondelete="CASCADE")
    )
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))  # user | assistant
    content: Mapped[str] = mapped_column(Text)
    # Assistant replies: sources, suggestions, confidence, tier, model, notes. User messages:
    # attachments (names and sizes).
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
