"""sessions and their timeline

Revision ID: 0003_sessions
Revises: 0002_flows
Create Date: 2026-11-25 21:51:01.198539
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_sessions"
down_revision: str | None = "0002_flows"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "session",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("flow_id", sa.Uuid(), nullable=True),
        sa.Column("flow_version", sa.Integer(), nullable=True),
        sa.Column("ticket_id", sa.String(length=100), nullable=True),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("current_node", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=32), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("active_seconds", sa.Integer(), nullable=False),
        sa.Column("active_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_seq", sa.Integer(), nullable=False),
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
            "status IN ('active', 'paused', 'escalated', 'resolved', 'unresolved', 'abandoned')",
            name=op.f("ck_session_status"),
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_session_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flow.id"], name=op.f("fk_session_flow_id_flow"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["user.id"], name=op.f("fk_session_owner_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session")),
    )
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_session_account_id"), ["account_id"], unique=False)
        batch_op.create_index("ix_session_account_owner", ["account_id", "owner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_session_flow_id"), ["flow_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_session_ticket_id"), ["ticket_id"], unique=False)

    op.create_table(
        "session_event",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_session_event_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["user.id"],
            name=op.f("fk_session_event_actor_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_session_event_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_event")),
        sa.UniqueConstraint("session_id", "seq", name="uq_session_event_seq"),
    )
    with op.batch_alter_table("session_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_event_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_session_event_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("session_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_event_session_id"))
        batch_op.drop_index(batch_op.f("ix_session_event_account_id"))

    op.drop_table("session_event")
    with op.batch_alter_table("session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_ticket_id"))
        batch_op.drop_index(batch_op.f("ix_session_flow_id"))
        batch_op.drop_index("ix_session_account_owner")
        batch_op.drop_index(batch_op.f("ix_session_account_id"))

    op.drop_table("session")
