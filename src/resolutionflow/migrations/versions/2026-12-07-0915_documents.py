"""documents: account branding for exported PDFs (logo, colour, footer) and the cache of the
model-written resolution package per session

Revision ID: 0024_documents
Revises: 0023_analytics
Create Date: 2026-12-07 09:15:00

The cache is a tenant table and goes under row-level security here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0024_documents"
down_revision: str | None = "0023_analytics"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("brand_logo_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("brand_logo_type", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("brand_color", sa.String(length=7), nullable=True))
        batch_op.add_column(sa.Column("brand_footer", sa.Text(), nullable=True))

    op.create_table(
        "resolution_package_cache",
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("cache_key", sa.String(length=64), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_resolution_package_cache_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_resolution_package_cache_session_id_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_resolution_package_cache")),
    )
    with op.batch_alter_table("resolution_package_cache", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resolution_package_cache_account_id"), ["account_id"], unique=False
        )

    if op.get_bind().dialect.name == "postgresql":
        for statement in rls.protect_table("resolution_package_cache"):
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in rls.unprotect_table("resolution_package_cache"):
            op.execute(statement)
    op.drop_table("resolution_package_cache")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("brand_footer")
        batch_op.drop_column("brand_color")
        batch_op.drop_column("brand_logo_type")
        batch_op.drop_column("brand_logo_key")
