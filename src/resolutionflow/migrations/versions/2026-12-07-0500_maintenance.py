"""maintenance: target lists and targets, maintenance schedules, batches and their items

Revision ID: 0017_maintenance
Revises: 0016_api_token_expiry
Create Date: 2026-12-07 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_maintenance"
down_revision: str | None = "0016_api_token_expiry"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "target_list",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
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
            name=op.f("fk_target_list_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_target_list_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_target_list_team_id_team"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target_list")),
    )
    with op.batch_alter_table("target_list", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_target_list_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_target_list_team_id"), ["team_id"], unique=False)

    op.create_table(
        "maintenance_schedule",
        sa.Column("schedule_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("target_list_id", sa.Uuid(), nullable=False),
        sa.Column("assignment", sa.String(length=32), nullable=False),
        sa.Column("assignee_user_id", sa.Uuid(), nullable=True),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("overdue", sa.String(length=16), nullable=False),
        sa.Column("client_tickets", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
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
            "assignment IN ('user', 'pool', 'round_robin')",
            name=op.f("ck_maintenance_schedule_assignment"),
        ),
        sa.CheckConstraint(
            "overdue IN ('start', 'skip')", name=op.f("ck_maintenance_schedule_overdue")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_maintenance_schedule_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_user_id"],
            ["user.id"],
            name=op.f("fk_maintenance_schedule_assignee_user_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_maintenance_schedule_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"],
            ["flow.id"],
            name=op.f("fk_maintenance_schedule_flow_id_flow"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["schedule.id"],
            name=op.f("fk_maintenance_schedule_schedule_id_schedule"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_list_id"],
            ["target_list.id"],
            name=op.f("fk_maintenance_schedule_target_list_id_target_list"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_maintenance_schedule_team_id_team"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maintenance_schedule")),
        sa.UniqueConstraint("schedule_id", name=op.f("uq_maintenance_schedule_schedule_id")),
    )
    with op.batch_alter_table("maintenance_schedule", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maintenance_schedule_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_maintenance_schedule_flow_id"), ["flow_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_maintenance_schedule_target_list_id"), ["target_list_id"], unique=False
        )

    op.create_table(
        "target",
        sa.Column("target_list_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("psa_company_id", sa.String(length=100), nullable=True),
        sa.Column("psa_config_id", sa.String(length=100), nullable=True),
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
            name=op.f("fk_target_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["target_list_id"],
            ["target_list.id"],
            name=op.f("fk_target_target_list_id_target_list"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_target")),
    )
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_target_account_id"), ["account_id"], unique=False)
        batch_op.create_index(
            "ix_target_list_position", ["target_list_id", "position"], unique=False
        )

    op.create_table(
        "maintenance_batch",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("flow_id", sa.Uuid(), nullable=True),
        sa.Column("flow_version", sa.Integer(), nullable=False),
        sa.Column("flow_title", sa.String(length=200), nullable=False),
        sa.Column("target_list_id", sa.Uuid(), nullable=True),
        sa.Column("schedule_id", sa.Uuid(), nullable=True),
        sa.Column("slot_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("assignment", sa.String(length=32), nullable=False),
        sa.Column("assignee_user_id", sa.Uuid(), nullable=True),
        sa.Column("team_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("client_tickets", sa.JSON(), nullable=False),
        sa.Column("psa_notes", sa.JSON(), nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
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
            "assignment IN ('user', 'pool', 'round_robin')",
            name=op.f("ck_maintenance_batch_assignment"),
        ),
        sa.CheckConstraint(
            "status IN ('running', 'completed', 'cancelled')",
            name=op.f("ck_maintenance_batch_status"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_maintenance_batch_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_user_id"],
            ["user.id"],
            name=op.f("fk_maintenance_batch_assignee_user_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["user.id"],
            name=op.f("fk_maintenance_batch_created_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"],
            ["flow.id"],
            name=op.f("fk_maintenance_batch_flow_id_flow"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["schedule_id"],
            ["maintenance_schedule.id"],
            name=op.f("fk_maintenance_batch_schedule_id_maintenance_schedule"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["target_list_id"],
            ["target_list.id"],
            name=op.f("fk_maintenance_batch_target_list_id_target_list"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["team.id"],
            name=op.f("fk_maintenance_batch_team_id_team"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maintenance_batch")),
        sa.UniqueConstraint("schedule_id", "slot_at", name="uq_maintenance_batch_slot"),
    )
    with op.batch_alter_table("maintenance_batch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maintenance_batch_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            "ix_maintenance_batch_account_status",
            ["account_id", "status", "created_at"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_maintenance_batch_flow_id"), ["flow_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_maintenance_batch_schedule_id"), ["schedule_id"], unique=False
        )

    op.create_table(
        "maintenance_batch_item",
        sa.Column("batch_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("client", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("psa_company_id", sa.String(length=100), nullable=True),
        sa.Column("psa_config_id", sa.String(length=100), nullable=True),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("assignee_id", sa.Uuid(), nullable=True),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
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
            "state IN ('open', 'skipped', 'failed')", name=op.f("ck_maintenance_batch_item_state")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_maintenance_batch_item_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["user.id"],
            name=op.f("fk_maintenance_batch_item_assignee_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["maintenance_batch.id"],
            name=op.f("fk_maintenance_batch_item_batch_id_maintenance_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_maintenance_batch_item_session_id_session"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["target.id"],
            name=op.f("fk_maintenance_batch_item_target_id_target"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maintenance_batch_item")),
        sa.UniqueConstraint("batch_id", "position", name="uq_maintenance_batch_item_position"),
    )
    with op.batch_alter_table("maintenance_batch_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_maintenance_batch_item_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_maintenance_batch_item_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("maintenance_batch_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maintenance_batch_item_session_id"))
        batch_op.drop_index(batch_op.f("ix_maintenance_batch_item_account_id"))

    op.drop_table("maintenance_batch_item")
    with op.batch_alter_table("maintenance_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maintenance_batch_schedule_id"))
        batch_op.drop_index(batch_op.f("ix_maintenance_batch_flow_id"))
        batch_op.drop_index("ix_maintenance_batch_account_status")
        batch_op.drop_index(batch_op.f("ix_maintenance_batch_account_id"))

    op.drop_table("maintenance_batch")
    with op.batch_alter_table("target", schema=None) as batch_op:
        batch_op.drop_index("ix_target_list_position")
        batch_op.drop_index(batch_op.f("ix_target_account_id"))

    op.drop_table("target")
    with op.batch_alter_table("maintenance_schedule", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_maintenance_schedule_target_list_id"))
        batch_op.drop_index(batch_op.f("ix_maintenance_schedule_flow_id"))
        batch_op.drop_index(batch_op.f("ix_maintenance_schedule_account_id"))

    op.drop_table("maintenance_schedule")
    with op.batch_alter_table("target_list", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_target_list_team_id"))
        batch_op.drop_index(batch_op.f("ix_target_list_account_id"))

    op.drop_table("target_list")
