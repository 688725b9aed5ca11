"""knowledge flywheel: proposals (new flows and changes to flows awaiting review), comments on
them, and the flywheel's per-account state

Revision ID: 0021_flywheel
Revises: 0020_step_library
Create Date: 2026-12-07 07:10:00

Every new table is a tenant table and goes under row-level security here.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0021_flywheel"
down_revision: str | None = "0020_step_library"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("proposal", "proposal_comment", "flywheel_state")


def _common(table: str) -> list[Any]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f(f"fk_{table}_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "proposal",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("flow_id", sa.Uuid(), nullable=True),
        sa.Column("flow_version", sa.Integer(), nullable=True),
        sa.Column("draft", sa.JSON(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("evidence_count", sa.Integer(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reinforced_count", sa.Integer(), nullable=False),
        sa.Column("reinforced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("worded_by", sa.String(length=100), nullable=False),
        sa.Column("dismissed_at_count", sa.Integer(), nullable=True),
        sa.Column("reviewed_by_id", sa.Uuid(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=True),
        sa.Column("result_flow_id", sa.Uuid(), nullable=True),
        sa.Column("result_revision", sa.Integer(), nullable=True),
        *_common("proposal"),
        sa.CheckConstraint(
            "kind IN ('new_flow', 'enhancement', 'branch_addition')", name=op.f("ck_proposal_kind")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'approved', 'dismissed', 'rejected')",
            name=op.f("ck_proposal_status"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_proposal_team_id_team"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flow.id"], name=op.f("fk_proposal_flow_id_flow"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["result_flow_id"],
            ["flow.id"],
            name=op.f("fk_proposal_result_flow_id_flow"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"],
            ["user.id"],
            name=op.f("fk_proposal_reviewed_by_id_user"),
            ondelete="SET NULL",
        ),
    )
    with op.batch_alter_table("proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_proposal_account_status", ["account_id", "status"], unique=False)
        batch_op.create_index(
            "ix_proposal_account_fingerprint", ["account_id", "fingerprint"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_proposal_team_id"), ["team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_proposal_flow_id"), ["flow_id"], unique=False)

    op.create_table(
        "proposal_comment",
        sa.Column("proposal_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        *_common("proposal_comment"),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_proposal_comment_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user.id"],
            name=op.f("fk_proposal_comment_author_id_user"),
            ondelete="SET NULL",
        ),
    )
    with op.batch_alter_table("proposal_comment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposal_comment_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_proposal_comment_proposal_id"), ["proposal_id"], unique=False
        )

    op.create_table(
        "flywheel_state",
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("seen_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_digest_at", sa.DateTime(timezone=True), nullable=True),
        *_common("flywheel_state"),
    )
    with op.batch_alter_table("flywheel_state", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flywheel_state_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index("uq_flywheel_state_account", ["account_id"], unique=True)

    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for statement in rls.protect_table(table):
                op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for statement in rls.unprotect_table(table):
                op.execute(statement)
    op.drop_table("flywheel_state")
    op.drop_table("proposal_comment")
    op.drop_table("proposal")
