"""A/B tests of flow versions: the experiment table, the variant a session was assigned
(session.experiment_id, session.variant) and candidate flow versions (flow_version.candidate)

Revision ID: 0022_experiments
Revises: 0021_flywheel
Create Date: 2026-12-07 08:00:00

The new table is a tenant table and goes under row-level security here.

On SQLite the columns are added with plain ALTER TABLE ... ADD COLUMN (a REFERENCES and a CHECK
are allowed there when the default is NULL), never by batch mode's copy of the table: with
foreign keys on, dropping the old `session` would cascade into its timeline.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0022_experiments"
down_revision: str | None = "0021_flywheel"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("experiment",)


def upgrade() -> None:
    op.create_table(
        "experiment",
        sa.Column("flow_id", sa.Uuid(), nullable=False),
        sa.Column("version_a", sa.Integer(), nullable=False),
        sa.Column("version_b", sa.Integer(), nullable=False),
        sa.Column("b_source", sa.String(length=16), nullable=False),
        sa.Column("draft_revision", sa.Integer(), nullable=True),
        sa.Column("split", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("started_by_id", sa.Uuid(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_by_id", sa.Uuid(), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("promoted", sa.String(length=1), nullable=True),
        sa.Column("promoted_version", sa.Integer(), nullable=True),
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
        sa.CheckConstraint("status IN ('running', 'stopped')", name=op.f("ck_experiment_status")),
        sa.CheckConstraint("promoted IN ('a', 'b')", name=op.f("ck_experiment_promoted")),
        sa.CheckConstraint("b_source IN ('version', 'draft')", name=op.f("ck_experiment_b_source")),
        sa.CheckConstraint("split > 0 AND split < 1", name=op.f("ck_experiment_split")),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_experiment_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flow.id"], name=op.f("fk_experiment_flow_id_flow"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["started_by_id"],
            ["user.id"],
            name=op.f("fk_experiment_started_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["ended_by_id"],
            ["user.id"],
            name=op.f("fk_experiment_ended_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experiment")),
    )
    with op.batch_alter_table("experiment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_experiment_account_id"), ["account_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_experiment_flow_id"), ["flow_id"], unique=False)
        batch_op.create_index("ix_experiment_account_flow", ["account_id", "flow_id"], unique=False)
        batch_op.create_index(
            "uq_experiment_running_flow",
            ["flow_id"],
            unique=True,
            postgresql_where=sa.text("status = 'running'"),
            sqlite_where=sa.text("status = 'running'"),
        )

    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE session ADD COLUMN experiment_id CHAR(32) "
            "CONSTRAINT fk_session_experiment_id_experiment "
            "REFERENCES experiment (id)"
        )
        op.execute(
            "ALTER TABLE session ADD COLUMN variant VARCHAR(1) "
            "CONSTRAINT ck_session_variant CHECK (variant IN ('a', 'b'))"
        )
        op.execute("ALTER TABLE flow_version ADD COLUMN candidate BOOLEAN NOT NULL DEFAULT '0'")
    else:
        op.add_column("session", sa.Column("experiment_id", sa.Uuid(), nullable=True))
        op.add_column("session", sa.Column("variant", sa.String(length=1), nullable=True))
        op.create_foreign_key(
            op.f("fk_session_experiment_id_experiment"),
            "session",
            "experiment",
            ["experiment_id"],
            ["id"],
        )
        op.create_check_constraint(op.f("ck_session_variant"), "session", "variant IN ('a', 'b')")
        op.add_column(
            "flow_version",
            sa.Column("candidate", sa.Boolean(), server_default="0", nullable=False),
        )
    op.create_index(
        "ix_session_experiment_variant", "session", ["experiment_id", "variant"], unique=False
    )

    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for statement in rls.protect_table(table):
                op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            for statement in rls.unprotect_table(table):
                op.execute(statement)
    op.drop_index("ix_session_experiment_variant", table_name="session")
    if op.get_bind().dialect.name == "sqlite":
        # In place (SQLite 3.35+ drops a column together with its own REFERENCES and CHECK),
        # for the same reason the upgrade adds them in place.
        op.execute("ALTER TABLE flow_version DROP COLUMN candidate")
        op.execute("ALTER TABLE session DROP COLUMN variant")
        op.execute("ALTER TABLE session DROP COLUMN experiment_id")
    else:
        op.drop_column("flow_version", "candidate")
        op.drop_constraint(op.f("ck_session_variant"), "session", type_="check")
        op.drop_constraint(
            op.f("fk_session_experiment_id_experiment"), "session", type_="foreignkey"
        )
        op.drop_column("session", "variant")
        op.drop_column("session", "experiment_id")
    op.drop_table("experiment")
