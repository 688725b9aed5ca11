"""personal API tokens always expire: tokens created without an expiry get one

Revision ID: 0016_api_token_expiry
Revises: 0015_flow_search_speed
Create Date: 2026-12-07 04:00:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0016_api_token_expiry"
down_revision: str | None = "0015_flow_search_speed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The default lifetime of a new token, counted from the upgrade: scripts using an old
# never-expiring token keep working for that long, and its owner sees the date in the list.
GRACE = timedelta(days=90)

api_token = sa.table("api_token", sa.column("expires_at", sa.DateTime(timezone=True)))


def upgrade() -> None:
    op.execute(
        api_token.update()
        .where(api_token.c.expires_at.is_(None))
        .values(expires_at=datetime.now(UTC) + GRACE)
    )


def downgrade() -> None:
    # Which tokens had no expiry is not kept; they keep the one they were given.
    pass
