"""The tenant (Account) and the groups of users inside it (Team, TeamMembership)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin


class Account(IdMixin, TimestampMixin, Model):
    __tablename__ = "account"

    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(200), unique=True)
    # Publishing flows is a team-admin job unless the account opens it to engineers.
    engineers_can_publish: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    # Personal data redacted from everything that leaves, on top of secrets (always redacted).
    redact_emails: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    redact_phones: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    redact_ip_addresses: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    # The ticket note template (section order, headings, header/footer); None = the default.
    note_template: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    # Incoming-webhook URLs for escalation notices (they carry their own token): encrypted.
    slack_webhook_encrypted: Mapped[str | None] = mapped_column(Text, nullable=True)
    teams_webhook_encrypted: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Branding of exported documents (PDFs): a logo in the attachment storage (PNG/JPEG, sniffed
    # on upload), the colour of headings ("#RRGGBB") and a footer line on every page.
    brand_logo_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    brand_logo_type: Mapped[str | None] = mapped_column(String(32), nullable=True)
    brand_color: Mapped[str | None] = mapped_column(String(7), nullable=True)
    brand_footer: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Sign-in timeouts, enforced when a refresh token is used; None = the defaults (idle: the
    # refresh-token lifetime; absolute: none).
    session_idle_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    session_absolute_hours: Mapped[int | None] = mapped_column(Integer, nullable=True)


class Team(IdMixin, AccountMixin, TimestampMixin, Model):
    __tablename__ = "team"
    __table_args__ = (UniqueConstraint("account_id", "name", name="uq_team_account_name"),)

    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class TeamMembership(AccountMixin, TimestampMixin, Model):
    __tablename__ = "team_membership"

    team_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
