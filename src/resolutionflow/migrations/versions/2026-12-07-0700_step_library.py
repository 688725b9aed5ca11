"""step library: steps, their ratings and reviews, "this step is wrong" flags, and the links
from published flows" nodes to the steps they came from

Revision ID: 0020_step_library
Revises: 0019_redact_stored_reasons
Create Date: 2026-12-07 07:00:00

Every new table is a tenant table and goes under row-level security here, as 0018 put the
earlier ones.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0020_step_library"
down_revision: str | None = "0019_redact_stored_reasons"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


TABLES = ("step", "step_rating", "step_flag", "step_link")


def upgrade() -> None:
    op.create_table(
        "step",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("script_ref", sa.String(length=200), nullable=True),
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
            "kind IN ('question', 'action', 'check', 'script_ref')", name=op.f("ck_step_kind")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_step_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_step_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_step_team_id_team"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step")),
    )
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_step_account_updated", ["account_id", "updated_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_team_id"), ["team_id"], unique=False)

    op.create_table(
        "step_flag",
        sa.Column("step_id", sa.Uuid(), nullable=False),
        sa.Column("reporter_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("closed_by_id", sa.Uuid(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
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
            "status IN ('open', 'resolved', 'dismissed')", name=op.f("ck_step_flag_status")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_step_flag_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["user.id"],
            name=op.f("fk_step_flag_closed_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"],
            ["user.id"],
            name=op.f("fk_step_flag_reporter_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["step.id"], name=op.f("fk_step_flag_step_id_step"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_flag")),
    )
    with op.batch_alter_table("step_flag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_flag_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_step_flag_account_status", ["account_id", "status"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_flag_step_id"), ["step_id"], unique=False)

    op.create_table(
        "step_link",
        sa.Column("step_id", sa.Uuid(), nullable=False),
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("node_id", sa.String(length=64), nullable=False),
        sa.Column("step_revision", sa.Integer(), nullable=False),
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
            name=op.f("fk_step_link_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flow.id"], name=op.f("fk_step_link_flow_id_flow"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["step.id"], name=op.f("fk_step_link_step_id_step"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_link")),
        sa.UniqueConstraint("flow_id", "node_id", name="uq_step_link_node"),
    )
    with op.batch_alter_table("step_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_link_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_link_step_id"), ["step_id"], unique=False)

    op.create_table(
        "step_rating",
        sa.Column("step_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("stars", sa.SmallInteger(), nullable=False),
        sa.Column("review", sa.Text(), nullable=False),
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
        sa.CheckConstraint("stars BETWEEN 1 AND 5", name=op.f("ck_step_rating_stars")),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_step_rating_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["step.id"], name=op.f("fk_step_rating_step_id_step"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_step_rating_user_id_user"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_step_rating")),
        sa.UniqueConstraint("step_id", "user_id", name="uq_step_rating_user"),
    )
    with op.batch_alter_table("step_rating", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_step_rating_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_step_rating_step_id"), ["step_id"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for stmt in rls.protect_table(table):
                op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for stmt in rls.unprotect_table(table):
                op.execute(stmt)
    with op.batch_alter_table("step_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_rating_step_id"))
        batch_op.drop_index(batch_op.f("ix_step_rating_account_id"))

    op.drop_table("step_rating")
    with op.batch_alter_table("step_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_link_step_id"))
        batch_op.drop_index(batch_op.f("ix_step_link_account_id"))

    op.drop_table("step_link")
    with op.batch_alter_table("step_flag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_flag_step_id"))
        batch_op.drop_index("ix_step_flag_account_status")
        batch_op.drop_index(batch_op.f("ix_step_flag_account_id"))

    op.drop_table("step_flag")
    with op.batch_alter_table("step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_step_team_id"))
        batch_op.drop_index(batch_op.f("ix_step_category"))
        batch_op.drop_index("ix_step_account_updated")
        batch_op.drop_index(batch_op.f("ix_step_account_id"))

    op.drop_table("step")
