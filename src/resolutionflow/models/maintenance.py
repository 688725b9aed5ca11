"""Maintenance: target lists, batches (one session per target, targets snapshotted at launch)
and the maintenance schedules that launch batches slot by slot."""

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

BATCH_STATUSES = ("running", "completed", "cancelled")
# user: one engineer; pool: the team claims targets; round_robin: the team's members in turn.
ASSIGNMENTS = ("user", "pool", "round_robin")
# What an engineer decided about a target beyond its session; "open" follows the session.
ITEM_STATES = ("open", "skipped", "failed")
OVERDUE_POLICIES = ("start", "skip")


def _check(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class TargetList(IdMixin, AccountMixin, TimestampMixin, Model):
    """A named set of targets (machines, client sites), owned by a team or the account."""

    __tablename__ = "target_list"

    name: Mapped[str] = mapped_column(String(200))
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )


class Target(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "target"
    __table_args__ = (Index("ix_target_list_position", "target_list_id", "position"),)

    target_list_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("target_list.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200))
    client: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Flows read these as {{target.<name>}} (ip, os, site ...).
    fields: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    psa_company_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    psa_config_id: Mapped[str | None] = mapped_column(String(100), nullable=True)


class MaintenanceSchedule(IdMixin, AccountMixin, TimestampMixin, Model):
    """What a maintenance schedule launches; its cron, zone, misfire rule and next slot live on
    the jobs `schedule` row it owns (owner "maintenance")."""

    __tablename__ = "maintenance_schedule"
    __table_args__ = (
        CheckConstraint(_check("assignment", ASSIGNMENTS), name="assignment"),
        CheckConstraint(_check("overdue", OVERDUE_POLICIES), name="overdue"),
    )

    schedule_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("schedule.id", ondelete="CASCADE"), unique=True
    )
    title: Mapped[str] = mapped_column(String(200))
    flow_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="CASCADE"), index=True
    )
    target_list_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("target_list.id", ondelete="CASCADE"), index=True
    )
    assignment: Mapped[str] = mapped_column(String(32), default="user")
    assignee_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True
    )
    # When a slot comes while this schedule's previous batch is unfinished: start anyway, or skip.
    overdue: Mapped[str] = mapped_column(String(16), default="start")
    # Client name -> PSA ticket, copied onto each batch it launches.
    client_tickets: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )


class MaintenanceBatch(IdMixin, AccountMixin, TimestampMixin, Model):
    """One launch of a flow across targets: one session per target."""

    __tablename__ = "maintenance_batch"
    __table_args__ = (
        # A schedule's slot makes one batch, whatever retries or instances do (NULLs never
        # collide, so "run now" batches are unconstrained).
        UniqueConstraint("schedule_id", "slot_at", name="uq_maintenance_batch_slot"),
        Index("ix_maintenance_batch_account_status", "account_id", "status", "created_at"),
        CheckConstraint(_check("status", BATCH_STATUSES), name="status"),
        CheckConstraint(_check("assignment", ASSIGNMENTS), name="assignment"),
    )

    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(32), default="running")
    flow_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="SET NULL"), nullable=True, index=True
    )
    flow_version: Mapped[int] = mapped_column(Integer)
    flow_title: Mapped[str] = mapped_column(String(200), default="")
    target_list_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("target_list.id", ondelete="SET NULL"), nullable=True
    )
    schedule_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("maintenance_schedule.id", ondelete="SET NULL"), nullable=True, index=True
    )
    slot_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    assignment: Mapped[str] = mapped_column(String(32), default="user")
    assignee_user_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True
    )
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    # Client name -> PSA ticket the client's note goes to on completion.
    client_tickets: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # Client name -> {"ticket_id", "push_id"} or {"skipped": why}: what completion sent.
    psa_notes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class MaintenanceBatchItem(IdMixin, AccountMixin, TimestampMixin, Model):
    """One target of a batch, copied from its list at launch (later edits of the list do not
    reach a running batch), and the session that works it."""

    __tablename__ = "maintenance_batch_item"
    __table_args__ = (
        UniqueConstraint("batch_id", "position", name="uq_maintenance_batch_item_position"),
        CheckConstraint(_check("state", ITEM_STATES), name="state"),
    )

    batch_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("maintenance_batch.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    target_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("target.id", ondelete="SET NULL"), nullable=True
    )
    label: Mapped[str] = mapped_column(String(200))
    client: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    fields: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    psa_company_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    psa_config_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    session_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("session.id", ondelete="SET NULL"), nullable=True, index=True
    )
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    state: Mapped[str] = mapped_column(String(16), default="open")
    reason: Mapped[str] = mapped_column(Text, default="")
