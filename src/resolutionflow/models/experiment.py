"""A/B tests between two versions of a flow (Experiment). New sessions that start the flow
while one runs are assigned a variant; the session records it (Session.variant/experiment_id)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime

EXPERIMENT_STATUSES = ("running", "stopped")
VARIANTS = ("a", "b")
# Where variant B's version came from: an existing published version, or the draft, published
# at the start as a candidate version (FlowVersion.candidate) that is not the flow's current one.
B_SOURCES = ("version", "draft")


def _in(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class Experiment(IdMixin, AccountMixin, TimestampMixin, Model):
    """Two immutable versions of one flow run side by side; `split` is the share sent to B."""

    __tablename__ = "experiment"
    __table_args__ = (
        CheckConstraint(_in("status", EXPERIMENT_STATUSES), name="status"),
        CheckConstraint(_in("promoted", VARIANTS), name="promoted"),
        CheckConstraint(_in("b_source", B_SOURCES), name="b_source"),
        CheckConstraint("split > 0 AND split < 1", name="split"),
        Index("ix_experiment_account_flow", "account_id", "flow_id"),
        # At most one running test per flow, also under concurrent starts.
        Index(
            "uq_experiment_running_flow",
            "flow_id",
            unique=True,
            postgresql_where="status = 'running'",
            sqlite_where="status = 'running'",
        ),
    )

    flow_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="CASCADE"), index=True
    )
    # Published version numbers; both immutable FlowVersions, pinned for the test's whole life.
    version_a: Mapped[int] = mapped_column(Integer)
    version_b: Mapped[int] = mapped_column(Integer)
    b_source: Mapped[str] = mapped_column(String(16), default="version")
    # The draft revision snapshotted as B (b_source == "draft").
    draft_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    split: Mapped[float] = mapped_column(Float, default=0.5)
    # Sized generously: later statuses must never outgrow the column.
    status: Mapped[str] = mapped_column(String(32), default="running")
    started_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    promoted: Mapped[str | None] = mapped_column(String(1), nullable=True)
    # The new published version B became when promoted.
    promoted_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
