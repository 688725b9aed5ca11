"""escalation reasons stored before they were redacted on the way in are redacted now

Revision ID: 0019_redact_stored_reasons
Revises: 0018_row_level_security
Create Date: 2026-12-07 06:00:00

Handoffs (and the bells that quote them) made before the reason was redacted on the way in hold
it as typed, passwords included, and every role can read it. They get the redaction new ones
get, with their account's options. The escalator's own timeline keeps the words as written, as
it does for new escalations. Redacting twice changes nothing, so the migration may run on rows
that were already redacted. There is no way back: the downgrade leaves them redacted.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.redaction import redact
from resolutionflow.redaction.model import RedactionOptions

revision: str = "0019_redact_stored_reasons"
down_revision: str | None = "0018_row_level_security"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

account = sa.table(
    "account",
    sa.column("id", sa.Uuid),
    sa.column("redact_emails", sa.Boolean),
    sa.column("redact_phones", sa.Boolean),
    sa.column("redact_ip_addresses", sa.Boolean),
)
handoff = sa.table(
    "handoff", sa.column("id", sa.Uuid), sa.column("account_id", sa.Uuid), sa.column("reason")
)
notification = sa.table(
    "notification",
    sa.column("id", sa.Uuid),
    sa.column("account_id", sa.Uuid),
    sa.column("kind"),
    sa.column("body"),
)


def upgrade() -> None:
    bind = op.get_bind()
    options = {
        row.id: RedactionOptions(
            emails=bool(row.redact_emails),
            phones=bool(row.redact_phones),
            ip_addresses=bool(row.redact_ip_addresses),
        )
        for row in bind.execute(sa.select(account))
    }
    for row in bind.execute(sa.select(handoff)).all():
        redacted = redact(row.reason or "", options.get(row.account_id, RedactionOptions()))
        if redacted.redacted != (row.reason or ""):
            bind.execute(
                handoff.update().where(handoff.c.id == row.id).values(reason=redacted.redacted)
            )
    bells = sa.select(notification).where(notification.c.kind == "handoff")
    for row in bind.execute(bells).all():
        redacted = redact(row.body or "", options.get(row.account_id, RedactionOptions()))
        if redacted.redacted != (row.body or ""):
            bind.execute(
                notification.update()
                .where(notification.c.id == row.id)
                .values(body=redacted.redacted)
            )


def downgrade() -> None:
    pass  # a redacted secret cannot be un-redacted, and must not be
