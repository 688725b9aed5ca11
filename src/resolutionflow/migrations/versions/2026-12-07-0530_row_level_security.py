"""PostgreSQL row-level security on every tenant table (a safety net under the app's scoping)

Revision ID: 0018_row_level_security
Revises: 0017_maintenance
Create Date: 2026-12-07 05:30:00

Every table with an `account_id` column, and `account` itself (by its id), gets the policy of
`db/rls.py`. Later migrations that add a tenant table call `rls.protect_table` themselves;
tests/test_row_level_security.py fails for a tenant table left out. SQLite: nothing to do.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0018_row_level_security"
down_revision: str | None = "0017_maintenance"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TENANT_TABLES = sa.text(
    "SELECT table_name FROM information_schema.columns "
    "WHERE table_schema = current_schema() AND column_name = 'account_id' "
    "AND table_name IN (SELECT table_name FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE') "
    "ORDER BY table_name"
)


def _tenant_tables() -> list[str]:
    return list(op.get_bind().execute(_TENANT_TABLES).scalars())


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in _tenant_tables():
        for statement in rls.protect_table(table):
            op.execute(statement)
    for statement in rls.protect_table("account", column="id"):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in [*_tenant_tables(), "account"]:
        for statement in rls.unprotect_table(table):
            op.execute(statement)
