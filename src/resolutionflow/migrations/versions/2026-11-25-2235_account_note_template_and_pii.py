"""account note template and personal-data redaction settings

Revision ID: 0006_account_settings
Revises: 0005_session_attachments
Create Date: 2026-11-25 22:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_account_settings"
down_revision: str | None = "0005_session_attachments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("redact_emails", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column("redact_phones", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(
            sa.Column(
                "redact_ip_addresses", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )
        batch_op.add_column(sa.Column("note_template", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("note_template")
        batch_op.drop_column("redact_ip_addresses")
        batch_op.drop_column("redact_phones")
        batch_op.drop_column("redact_emails")
