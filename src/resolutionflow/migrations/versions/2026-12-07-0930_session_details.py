"""session details: handoff kinds (escalation | park), the private session scratchpad, and the
PSA status mapping for sessions resolved with a workaround

Revision ID: 0025_session_details
Revises: 0024_documents, 0024_script_library
Create Date: 2026-12-07 09:30:00

Existing handoffs are escalations. The scratchpad is a tenant table under row-level security.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0025_session_details"
# Also merges the two 0024 heads (committed side by side).
down_revision: str | tuple[str, ...] | None = ("0024_documents", "0024_script_library")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("session_scratchpad",)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Column-level, so SQLite adds them without rebuilding the tables.
        op.execute(
            "ALTER TABLE handoff ADD COLUMN kind VARCHAR(16) DEFAULT 'escalation' NOT NULL "
            "CONSTRAINT ck_handoff_kind CHECK (kind IN ('escalation', 'park'))"
        )
    else:
        op.add_column(
            "handoff",
            sa.Column("kind", sa.String(length=16), server_default="escalation", nullable=False),
        )
        op.create_check_constraint(
            op.f("ck_handoff_kind"), "handoff", "kind IN ('escalation', 'park')"
        )
    op.add_column("psa_connection", sa.Column("status_on_workaround", sa.JSON(), nullable=True))
    op.create_table(
        "session_scratchpad",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
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
            name=op.f("fk_session_scratchpad_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_session_scratchpad_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_session_scratchpad_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_scratchpad")),
        sa.UniqueConstraint("session_id", "user_id", name="uq_session_scratchpad_session_user"),
    )
    op.create_index(
        op.f("ix_session_scratchpad_account_id"),
        "session_scratchpad",
        ["account_id"],
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
    op.drop_index(op.f("ix_session_scratchpad_account_id"), table_name="session_scratchpad")
    op.drop_table("session_scratchpad")
    op.drop_column("psa_connection", "status_on_workaround")
    with op.batch_alter_table("handoff") as batch_op:
        batch_op.drop_constraint(op.f("ck_handoff_kind"), type_="check")
        batch_op.drop_column("kind")
