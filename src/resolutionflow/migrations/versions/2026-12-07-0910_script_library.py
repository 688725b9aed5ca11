"""script library: parameterised script templates per account (and optional owner team)

Revision ID: 0024_script_library
Revises: 0023_analytics
Create Date: 2026-12-07 09:10:00

A tenant table, under row-level security on PostgreSQL like every other.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0024_script_library"
down_revision: str | None = "0023_analytics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "script",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("language", sa.String(length=32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("risk", sa.String(length=32), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
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
        sa.CheckConstraint(
            "language IN ('powershell', 'bash', 'cmd', 'python')",
            name=op.f("ck_script_language"),
        ),
        sa.CheckConstraint(
            "risk IN ('read_only', 'changes_state', 'destructive')", name=op.f("ck_script_risk")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_script_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_script_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_script_team_id_team"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_script")),
    )
    with op.batch_alter_table("script", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_script_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            "ix_script_account_updated", ["account_id", "updated_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_script_team_id"), ["team_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        for stmt in rls.protect_table("script"):
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in rls.unprotect_table("script"):
            op.execute(stmt)
    with op.batch_alter_table("script", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_script_team_id"))
        batch_op.drop_index("ix_script_account_updated")
        batch_op.drop_index(batch_op.f("ix_script_account_id"))
    op.drop_table("script")
