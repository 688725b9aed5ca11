"""flows: folders, flows, versions, search

Revision ID: 0002_flows
Revises: 0001_foundation
Create Date: 2026-11-25 21:31:18.038527
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_flows"
down_revision: str | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "folder",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
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
            name=op.f("fk_folder_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["folder.id"],
            name=op.f("fk_folder_parent_id_folder"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_folder")),
    )
    with op.batch_alter_table("folder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_folder_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_folder_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "flow",
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("folder_id", sa.Uuid(), nullable=True),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("draft", sa.JSON(), nullable=False),
        sa.Column("draft_revision", sa.Integer(), nullable=False),
        sa.Column("draft_updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("draft_updated_by_id", sa.Uuid(), nullable=True),
        sa.Column("published_revision", sa.Integer(), nullable=True),
        sa.Column("latest_version", sa.Integer(), nullable=True),
        sa.Column("use_count", sa.Integer(), nullable=False),
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
            "kind IN ('troubleshooting', 'procedural', 'maintenance')", name=op.f("ck_flow_kind")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_flow_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["draft_updated_by_id"],
            ["user.id"],
            name=op.f("fk_flow_draft_updated_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["folder_id"], ["folder.id"], name=op.f("fk_flow_folder_id_folder"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["user.id"], name=op.f("fk_flow_owner_id_user"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow")),
    )
    with op.batch_alter_table("flow", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flow_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_flow_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_flow_folder_id"), ["folder_id"], unique=False)

    op.create_table(
        "flow_version",
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("graph", sa.JSON(), nullable=False),
        sa.Column("change_note", sa.Text(), nullable=False),
        sa.Column("published_by_id", sa.Uuid(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_flow_version_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flow.id"], name=op.f("fk_flow_version_flow_id_flow"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["user.id"],
            name=op.f("fk_flow_version_published_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flow_version")),
        sa.UniqueConstraint("flow_id", "number", name="uq_flow_version_number"),
    )
    with op.batch_alter_table("flow_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flow_version_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_flow_version_flow_id"), ["flow_id"], unique=False)

    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "engineers_can_publish", sa.Boolean(), server_default=sa.false(), nullable=False
            )
        )

    # Full-text search over flows (resolutionflow.flows.search owns its rows). SQLite: an FTS5
    # table; PostgreSQL: a weighted tsvector kept by a generated column, with a GIN index.
    # Words are indexed unstemmed and without stop-word removal: search matches prefixes as
    # the user types, and a stemmed index misses "printi" on the way to "printing".
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE flow_search USING fts5("
            "title, tags, description, body, flow_id UNINDEXED, account_id UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
    else:
        op.execute(
            """
            CREATE TABLE flow_search (
                flow_id uuid PRIMARY KEY REFERENCES flow (id) ON DELETE CASCADE,
                account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                title text NOT NULL DEFAULT '',
                tags text NOT NULL DEFAULT '',
                description text NOT NULL DEFAULT '',
                body text NOT NULL DEFAULT '',
                document tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', title), 'A') ||
                    setweight(to_tsvector('simple', tags), 'B') ||
                    setweight(to_tsvector('simple', description), 'B') ||
                    setweight(to_tsvector('simple', body), 'C')
                ) STORED
            )
            """
        )
        op.execute("CREATE INDEX ix_flow_search_document ON flow_search USING gin (document)")
        op.execute("CREATE INDEX ix_flow_search_account_id ON flow_search (account_id)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS flow_search")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("engineers_can_publish")

    with op.batch_alter_table("flow_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_version_flow_id"))
        batch_op.drop_index(batch_op.f("ix_flow_version_account_id"))

    op.drop_table("flow_version")
    with op.batch_alter_table("flow", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_folder_id"))
        batch_op.drop_index(batch_op.f("ix_flow_category"))
        batch_op.drop_index(batch_op.f("ix_flow_account_id"))

    op.drop_table("flow")
    with op.batch_alter_table("folder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_folder_parent_id"))
        batch_op.drop_index(batch_op.f("ix_folder_account_id"))

    op.drop_table("folder")
