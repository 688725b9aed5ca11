"""The script library: parameterised script templates (PowerShell, Bash, cmd, Python)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from resolutionflow.db.base import AccountMixin, IdMixin, Model, TimestampMixin

SCRIPT_LANGUAGES = ("powershell", "bash", "cmd", "python")
SCRIPT_RISKS = ("read_only", "changes_state", "destructive")


def _check(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


class Script(IdMixin, AccountMixin, TimestampMixin, Model):
    """One script template. `params` holds the declared parameters (name, type, required,
    default, pattern, choices, help) as validated by scripts.schemas.ScriptParam; a secret
    parameter never has a default, so no secret value is ever stored here."""

    __tablename__ = "script"
    __table_args__ = (
        CheckConstraint(_check("language", SCRIPT_LANGUAGES), name="language"),
        CheckConstraint(_check("risk", SCRIPT_RISKS), name="risk"),
        Index("ix_script_account_updated", "account_id", "updated_at"),
    )

    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text, default="")
    params: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    risk: Mapped[str] = mapped_column(String(32), default="read_only")
    team_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("team.id", ondelete="SET NULL"), nullable=True, index=True
    )
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    revision: Mapped[int] = mapped_column(Integer, default=1)
