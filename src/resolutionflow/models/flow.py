"""Guided flows: Folder, Flow (with its one editable draft) and immutable FlowVersions."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
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

_KIND_CHECK = "kind IN ('troubleshooting', 'procedural', 'maintenance')"


class Folder(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "folder"

    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("folder.id", ondelete="RESTRICT"), nullable=True, index=True
    )


class Flow(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "flow"
    __table_args__ = (CheckConstraint(_KIND_CHECK, name="kind"),)

    # Denormalised from the draft so the library can list, filter and sort without JSON.
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    folder_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("folder.id", ondelete="SET NULL"), nullable=True, index=True
    )
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    # The one editable draft: the interchange document, any shape-valid graph.
    draft: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Bumped on every save; a save naming an older revision is refused (optimistic concurrency).
    draft_revision: Mapped[int] = mapped_column(Integer, default=1)
    draft_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    draft_updated_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    # The revision of the draft that was last published; differs when there are unpublished edits.
    published_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    latest_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    use_count: Mapped[int] = mapped_column(Integer, default=0)


# The library's two orders of live flows (flows.service.search_library) read from these
# indexes. Partial, because PostgreSQL orders by an index's later columns only after equality
# conditions, and `archived_at IS NULL` is not one.
_LIVE = Flow.archived_at.is_(None)
Index(
    "ix_flow_library_updated",
    Flow.account_id,
    Flow.updated_at.desc(),
    Flow.id,
    postgresql_where=_LIVE,
    sqlite_where=_LIVE,
)
Index(
    "ix_flow_library_used",
    Flow.account_id,
    Flow.use_count.desc(),
    Flow.updated_at.desc(),
    Flow.id,
    postgresql_where=_LIVE,
    sqlite_where=_LIVE,
)


class FlowVersion(IdMixin, AccountMixin, Model):
    __tablename__ = "flow_version"
    __table_args__ = (UniqueConstraint("flow_id", "number", name="uq_flow_version_number"),)

    flow_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    graph: Mapped[dict[str, Any]] = mapped_column(JSON)
    change_note: Mapped[str] = mapped_column(Text, default="")
    published_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    published_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # A draft published for an A/B test's variant B: immutable like every version, but not the
    # flow's current one (Flow.latest_version) unless the test promotes it (as a new version).
    candidate: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
