"""Embeddings of searchable text, for optional semantic retrieval next to full-text search."""

from __future__ import annotations

import uuid

from sqlalchemy import JSON, Index, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin


class TextVector(IdMixin, AccountMixin, TimestampMixin, Model):
    """One embedding of one searchable piece (a flow, a resolved session, a knowledge chunk) by
    one model; a model change re-embeds, the old rows are dropped with it."""

    __tablename__ = "text_vector"
    __table_args__ = (
        UniqueConstraint("kind", "ref_id", "model", name="uq_text_vector_ref_model"),
        Index("ix_text_vector_account_model", "account_id", "model", "kind"),
    )

    kind: Mapped[str] = mapped_column(String(32))
    ref_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    model: Mapped[str] = mapped_column(String(200))
    dim: Mapped[int] = mapped_column(Integer)
    # Normalised floats. Brute-force cosine in Python is fine for an account's few thousand
    # pieces; sqlite-vec / pgvector would index it, and are not needed at this size.
    vector: Mapped[list[float]] = mapped_column(JSON)
