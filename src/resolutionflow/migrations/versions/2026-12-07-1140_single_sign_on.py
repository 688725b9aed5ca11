"""single sign-on: each account's OpenID Provider, its email domains, the users' links to the
provider's subjects, and the one-time login states of sign-ins under way

Revision ID: 0027_single_sign_on
Revises: 0026_session_timeouts
Create Date: 2026-12-07 11:40:00

Every new table is a tenant table and goes under row-level security here.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from resolutionflow.db import rls

revision: str = "0027_single_sign_on"
down_revision: str | None = "0026_session_timeouts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("sso_config", "sso_domain", "sso_identity", "sso_login_state")


def _common(table: str) -> list[Any]:
    return [
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
            name=op.f(f"fk_{table}_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    ]


def upgrade() -> None:
    op.create_table(
        "sso_config",
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("client_id", sa.String(length=300), nullable=False),
        sa.Column("client_secret_encrypted", sa.Text(), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("default_role", sa.String(length=32), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        *_common("sso_config"),
        sa.CheckConstraint(
            "default_role IN ('viewer', 'engineer', 'team_admin')",
            name=op.f("ck_sso_config_role"),
        ),
        sa.UniqueConstraint("account_id", name="uq_sso_config_account"),
    )
    with op.batch_alter_table("sso_config", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sso_config_account_id"), ["account_id"], unique=False)

    op.create_table(
        "sso_domain",
        sa.Column("domain", sa.String(length=253), nullable=False),
        *_common("sso_domain"),
        sa.UniqueConstraint("domain", name=op.f("uq_sso_domain_domain")),
    )
    with op.batch_alter_table("sso_domain", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sso_domain_account_id"), ["account_id"], unique=False)

    op.create_table(
        "sso_identity",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=255), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        *_common("sso_identity"),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name=op.f("fk_sso_identity_user_id_user"),
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "account_id", "issuer", "subject", name="uq_sso_identity_account_issuer_subject"
        ),
    )
    with op.batch_alter_table("sso_identity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sso_identity_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sso_identity_user_id"), ["user_id"], unique=False)

    op.create_table(
        "sso_login_state",
        sa.Column("state_hash", sa.String(length=64), nullable=False),
        sa.Column("nonce", sa.String(length=128), nullable=False),
        sa.Column("code_verifier", sa.String(length=128), nullable=False),
        sa.Column("issuer", sa.String(length=500), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("consumed_at", sa.DateTime(timezone=True), nullable=True),
        *_common("sso_login_state"),
        sa.UniqueConstraint("state_hash", name=op.f("uq_sso_login_state_state_hash")),
    )
    with op.batch_alter_table("sso_login_state", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_sso_login_state_account_id"), ["account_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_sso_login_state_expires_at"), ["expires_at"], unique=False
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
    op.drop_table("sso_login_state")
    op.drop_table("sso_identity")
    op.drop_table("sso_domain")
    op.drop_table("sso_config")
