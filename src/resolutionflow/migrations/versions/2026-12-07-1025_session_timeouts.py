"""account sign-in timeouts: idle minutes and absolute hours of a sign-in (null = the defaults)

Revision ID: 0026_session_timeouts
Revises: 0025_session_details
Create Date: 2026-12-07 10:25:00

Both columns are nullable and empty for existing accounts: null keeps today's behaviour (a
sign-in lives while it is refreshed within the refresh-token lifetime, with no absolute limit).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026_session_timeouts"
down_revision: str | tuple[str, ...] | None = "0025_session_details"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them without rebuilding the table.
    op.add_column("account", sa.Column("session_idle_minutes", sa.Integer(), nullable=True))
    op.add_column("account", sa.Column("session_absolute_hours", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("session_absolute_hours")
        batch_op.drop_column("session_idle_minutes")
