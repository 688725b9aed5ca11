"""The step library: reusable steps, their ratings and reviews, "this step is wrong" flags, and
the links from published flows' nodes to the steps they were inserted from."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime

STEP_KINDS = ("question", "action", "check", "script_ref")
FLAG_STATUSES = ("open", "resolved", "dismissed")


def _check(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class Step(IdMixin, AccountMixin, TimestampMixin, Model):
    """One reusable step. `revision` is bumped by every edit: a flow node inserted from the
    library remembers the revision it copied, and the editor offers "update from library" when
    the step has moved on."""

    __tablename__ = "step"
    __table_args__ = (
        CheckConstraint(_check("kind", STEP_KINDS), name="kind"),
        Index("ix_step_account_updated", "account_id", "updated_at"),
    )

    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(32))
    # A question's answers (its outgoing edge labels when inserted into a flow).
    answers: Mapped[list[str]] = mapped_column(JSON, default=list)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    # A script_ref step names the script it runs (free text until the script library exists).
    script_ref: Mapped[str | None] = mapped_column(String(200), nullable=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)


class StepRating(IdMixin, AccountMixin, TimestampMixin, Model):
    """One user's stars (and optional review) for one step; editing replaces it."""

    __tablename__ = "step_rating"
    __table_args__ = (
        UniqueConstraint("step_id", "user_id", name="uq_step_rating_user"),
        CheckConstraint("stars BETWEEN 1 AND 5", name="stars"),
    )

    step_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("step.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("user.id", ondelete="CASCADE"))
    stars: Mapped[int] = mapped_column(SmallInteger)
    review: Mapped[str] = mapped_column(Text, default="")


class StepFlag(IdMixin, AccountMixin, TimestampMixin, Model):
    """ "This step is wrong", with a reason; open until a team admin resolves or dismisses it."""

    __tablename__ = "step_flag"
    __table_args__ = (
        CheckConstraint(_check("status", FLAG_STATUSES), name="status"),
        Index("ix_step_flag_account_status", "account_id", "status"),
    )

    step_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("step.id", ondelete="CASCADE"), index=True
    )
    reporter_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    reason: Mapped[str] = mapped_column(Text)
    # Sized generously: later statuses must never outgrow the column.
    status: Mapped[str] = mapped_column(String(32), default="open")
    closed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class StepLink(IdMixin, AccountMixin, TimestampMixin, Model):
    """A published flow's node that was inserted from (or saved to) the library, keyed by
    (flow, node). Publishing a flow rewrites its links; verified uses count the resolved
    sessions that passed through a linked node."""

    __tablename__ = "step_link"
    __table_args__ = (UniqueConstraint("flow_id", "node_id", name="uq_step_link_node"),)

    step_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("step.id", ondelete="CASCADE"), index=True
    )
    flow_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("flow.id", ondelete="CASCADE"))
    node_id: Mapped[str] = mapped_column(String(64))
    # The step revision the node carried when its flow was last published.
    step_revision: Mapped[int] = mapped_column(Integer, default=1)
