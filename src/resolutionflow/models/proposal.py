"""The knowledge flywheel's proposals (new flows and changes to flows, awaiting review), the
comments on them, and the flywheel's per-account state (when it last ran, when the digest went)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Float, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime

PROPOSAL_KINDS = ("new_flow", "enhancement", "branch_addition")
PROPOSAL_STATUSES = ("open", "approved", "dismissed", "rejected")


def _in(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class Proposal(IdMixin, AccountMixin, TimestampMixin, Model):
    """A new flow or a change to one, suggested by the flywheel from the account's sessions.
    Never deleted: a rejected one keeps its fingerprint so the same thing is not proposed again."""

    __tablename__ = "proposal"
    __table_args__ = (
        CheckConstraint(_in("kind", PROPOSAL_KINDS), name="kind"),
        CheckConstraint(_in("status", PROPOSAL_STATUSES), name="status"),
        Index("ix_proposal_account_status", "account_id", "status"),
        Index("ix_proposal_account_fingerprint", "account_id", "fingerprint"),
    )

    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(32), default="open")
    title: Mapped[str] = mapped_column(String(200))
    rationale: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    # What the proposal is about, for recognising it again: an exact key for a change to a flow
    # (kind, flow, node, change), the hash of the subject's words for a new flow.
    fingerprint: Mapped[str] = mapped_column(String(64))
    # The subject's words (new flows are recognised by their similarity, not an exact key).
    signature: Mapped[str] = mapped_column(Text, default="")
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    flow_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # The published version the change is against (enhancement, branch_addition).
    flow_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # new_flow: {"document": <flow>}; a change: {"document": <flow with it>, "diff": <FlowDiff>}.
    draft: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # [{session_id, title, engineer_id, ended_at, status}], redacted titles; newest last.
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    evidence_count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_seen_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Times new evidence bumped this proposal instead of a duplicate being made.
    reinforced_count: Mapped[int] = mapped_column(Integer, default=0)
    reinforced_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # "flywheel" (the job) or "gap" (drafted for a coverage gap); "model" when a model worded it.
    source: Mapped[str] = mapped_column(String(16), default="flywheel")
    worded_by: Mapped[str] = mapped_column(String(100), default="offline")
    # The evidence count when dismissed: it comes back when more arrives.
    dismissed_at_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reviewed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    reject_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    result_flow_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("flow.id", ondelete="SET NULL"), nullable=True
    )
    result_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ProposalComment(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "proposal_comment"

    proposal_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    text: Mapped[str] = mapped_column(Text)


class FlywheelState(IdMixin, AccountMixin, TimestampMixin, Model):
    """One row per account: what the last run saw and when the digest last went out."""

    __tablename__ = "flywheel_state"
    __table_args__ = (Index("uq_flywheel_state_account", "account_id", unique=True),)

    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The newest session end the last run had seen: a run with nothing newer does nothing.
    seen_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_digest_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
