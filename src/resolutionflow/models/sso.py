"""Single sign-on with OpenID Connect: an account's provider (SsoConfig), the email domains that
sign in through it (SsoDomain), the links of users to the provider's subjects (SsoIdentity), and
the one-time login states of sign-ins under way (SsoLoginState)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin, UTCDateTime


class SsoConfig(IdMixin, AccountMixin, TimestampMixin, Model):
    """One OpenID Provider per account. Absent: the account signs in with passwords only."""

    __tablename__ = "sso_config"
    __table_args__ = (
        UniqueConstraint("account_id", name="uq_sso_config_account"),
        CheckConstraint("default_role IN ('viewer', 'engineer', 'team_admin')", name="role"),
    )

    issuer: Mapped[str] = mapped_column(String(500))
    client_id: Mapped[str] = mapped_column(String(300))
    # Fernet token (common/crypto.py); never returned by the API.
    client_secret_encrypted: Mapped[str] = mapped_column(Text)
    display_name: Mapped[str] = mapped_column(String(100))
    # The role of a user signed up by their first SSO sign-in (never super_admin).
    default_role: Mapped[str] = mapped_column(String(32))
    # Passwords refused for this account's users (a super admin keeps theirs: break-glass).
    required: Mapped[bool] = mapped_column(Boolean, default=False)


class SsoDomain(IdMixin, AccountMixin, TimestampMixin, Model):
    """An email domain that signs in through its account's provider. Unique across the
    installation: an email's domain names exactly one account to sign in to."""

    __tablename__ = "sso_domain"

    domain: Mapped[str] = mapped_column(String(253), unique=True)


class SsoIdentity(IdMixin, AccountMixin, TimestampMixin, Model):
    """A user known to a provider as (issuer, subject)."""

    __tablename__ = "sso_identity"
    # Per account: some issuers are shared by every tenant of the provider (Google's is).
    __table_args__ = (
        UniqueConstraint(
            "account_id", "issuer", "subject", name="uq_sso_identity_account_issuer_subject"
        ),
    )

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="CASCADE"), index=True
    )
    issuer: Mapped[str] = mapped_column(String(500))
    subject: Mapped[str] = mapped_column(String(255))
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SsoLoginState(IdMixin, AccountMixin, TimestampMixin, Model):
    """A sign-in sent to the provider and not back yet. The `state` is stored hashed; a callback
    consumes it once (a replay finds it consumed) and only before it expires."""

    __tablename__ = "sso_login_state"

    state_hash: Mapped[str] = mapped_column(String(64), unique=True)
    nonce: Mapped[str] = mapped_column(String(128))
    code_verifier: Mapped[str] = mapped_column(String(128))
    # The issuer the state was started for: a changed configuration cannot finish it.
    issuer: Mapped[str] = mapped_column(String(500))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    consumed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
