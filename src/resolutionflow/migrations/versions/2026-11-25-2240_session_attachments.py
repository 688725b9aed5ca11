"""session attachments

Revision ID: 0005_session_attachments
Revises: 0004_session_shares
Create Date: 2026-11-25 22:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_session_attachments"
down_revision: str | None = "0004_session_shares"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "session_attachment",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=False),
        sa.Column("uploaded_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_session_attachment_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_session_attachment_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["user.id"],
            name=op.f("fk_session_attachment_uploaded_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_attachment")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_session_attachment_storage_key")),
    )
    with op.batch_alter_table("session_attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_session_attachment_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_session_attachment_session_id"), ["session_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("session_attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_session_attachment_session_id"))
        batch_op.drop_index(batch_op.f("ix_session_attachment_account_id"))
    op.drop_table("session_attachment")
