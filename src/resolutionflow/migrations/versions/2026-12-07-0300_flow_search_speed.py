"""flow library speed: listing indexes, SQLite search rows keyed by rowid, tsvector in row

Revision ID: 0015_flow_search_speed
Revises: 0014_jobs
Create Date: 2026-12-07 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_flow_search_speed"
down_revision: str | None = "0014_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The library's two orders of live flows, newest edit first and most used first, read
    # straight from an index instead of sorting every flow of the account (and, on SQLite,
    # reading each flow's whole row, draft included, to find its updated_at). Partial, because
    # PostgreSQL orders by an index's later columns only after equality conditions.
    live = sa.text("archived_at IS NULL")
    op.create_index(
        "ix_flow_library_updated",
        "flow",
        ["account_id", sa.text("updated_at DESC"), "id"],
        postgresql_where=live,
        sqlite_where=live,
    )
    op.create_index(
        "ix_flow_library_used",
        "flow",
        ["account_id", sa.text("use_count DESC"), sa.text("updated_at DESC"), "id"],
        postgresql_where=live,
        sqlite_where=live,
    )

    if op.get_bind().dialect.name != "sqlite":
        # Ranking reads every match's tsvector. Stored EXTENDED, most of them went out of line
        # (the row passes the 2 kB toast target), so each rank paid a TOAST index lookup and
        # fetch; MAIN keeps it in the row and moves the body out instead (read only for the
        # page's snippets). The UPDATE stores existing rows again (the column is generated).
        op.execute("ALTER TABLE flow_search ALTER COLUMN document SET STORAGE MAIN")
        op.execute("UPDATE flow_search SET title = title")
        return
    # FTS5 finds its rows by rowid, and reading a match's flow_id or account_id reads its
    # whole text row (as did finding a flow's row to replace it). A narrow table keyed by that
    # rowid answers both (resolutionflow.flows.search); deleting a flow now deletes its text.
    op.execute(
        """
        CREATE TABLE flow_search_key (
            id INTEGER NOT NULL PRIMARY KEY,
            flow_id CHAR(32) NOT NULL,
            account_id CHAR(32) NOT NULL,
            CONSTRAINT uq_flow_search_key_flow_id UNIQUE (flow_id),
            CONSTRAINT fk_flow_search_key_flow_id_flow
                FOREIGN KEY (flow_id) REFERENCES flow (id) ON DELETE CASCADE,
            CONSTRAINT fk_flow_search_key_account_id_account
                FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
        )
        """
    )
    # One row per existing flow (the newest text row, should there be two); text rows of
    # flows that no longer exist are dropped.
    op.execute(
        """
        INSERT INTO flow_search_key (id, flow_id, account_id)
        SELECT max(s.rowid), f.id, f.account_id
        FROM flow_search AS s JOIN flow AS f ON f.id = s.flow_id
        GROUP BY f.id, f.account_id
        """
    )
    op.execute("DELETE FROM flow_search WHERE rowid NOT IN (SELECT id FROM flow_search_key)")
    op.execute(
        """
        CREATE TRIGGER flow_search_key_delete AFTER DELETE ON flow_search_key
        BEGIN
            DELETE FROM flow_search WHERE rowid = old.id;
        END
        """
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS flow_search_key_delete")
        op.execute("DROP TABLE IF EXISTS flow_search_key")
    else:
        op.execute("ALTER TABLE flow_search ALTER COLUMN document SET STORAGE EXTENDED")
    op.drop_index("ix_flow_library_used", table_name="flow")
    op.drop_index("ix_flow_library_updated", table_name="flow")
