"""analytics: per-session facts and step visits derived from timelines, and the indexes analytics
reads a period's sessions by

Revision ID: 0023_analytics
Revises: 0022_experiments
Create Date: 2026-12-07 09:00:00

Both new tables are tenant tables and go under row-level security here. They start empty: the
`analytics.catch_up` job folds existing timelines into them (docs/analytics.md).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0023_analytics"
down_revision: str | None = "0022_experiments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("session_fact", "step_visit")


def upgrade() -> None:
    op.create_table(
        "session_fact",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("through_seq", sa.Integer(), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=True),
        sa.Column("escalated", sa.Boolean(), nullable=False),
        sa.Column("copilot_suggested", sa.Integer(), nullable=False),
        sa.Column("copilot_accepted", sa.Integer(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_session_fact_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_session_fact_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_session_fact")),
    )
    op.create_index(
        op.f("ix_session_fact_account_id"), "session_fact", ["account_id"], unique=False
    )
    op.create_index(
        "ix_session_fact_figures",
        "session_fact",
        ["session_id", "copilot_suggested", "copilot_accepted", "escalated", "client"],
        unique=False,
    )

    op.create_table(
        "step_visit",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("flow_id", sa.Uuid(), nullable=True),
        sa.Column("flow_version", sa.Integer(), nullable=True),
        sa.Column("node_id", sa.String(length=64), nullable=False),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered", sa.Boolean(), nullable=False),
        sa.Column("active_seconds", sa.Float(), nullable=True),
        sa.Column("prev_node_id", sa.String(length=64), nullable=True),
        sa.Column("last_in_flow", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_step_visit_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_step_visit_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_visit")),
        sa.UniqueConstraint("session_id", "seq", name="uq_step_visit_seq"),
    )
    op.create_index(op.f("ix_step_visit_account_id"), "step_visit", ["account_id"], unique=False)

    # Plain CREATE INDEX on SQLite too: batch mode would copy `session`, and dropping the old
    # copy would cascade into its timeline.
    op.create_index(
        "ix_session_analytics",
        "session",
        ["account_id", "created_at", "status", "active_seconds", "owner_id", "flow_id", "mode",
         "id"],
        unique=False,
    )  # fmt: skip
    op.create_index(
        "ix_session_analytics_flow",
        "session",
        ["account_id", "flow_id", "created_at", "status", "active_seconds", "owner_id", "id"],
        unique=False,
    )

    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for statement in rls.protect_table(table):
                op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for statement in rls.unprotect_table(table):
                op.execute(statement)
    op.drop_index("ix_session_analytics_flow", table_name="session")
    op.drop_index("ix_session_analytics", table_name="session")
    op.drop_table("step_visit")
    op.drop_table("session_fact")
