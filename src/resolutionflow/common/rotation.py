"""Re-encrypting every stored secret under the newest key (`resolutionflow admin rotate-keys`).

Rotation without downtime: put the new key first in RESOLUTIONFLOW_ENCRYPTION_KEYS and keep the
old ones after it (every instance can then read both), run this, then drop the old keys. Rows
are rewritten one small transaction at a time, so running instances never wait on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.common import crypto
from resolutionflow.db import uow
from resolutionflow.models import Account, AISettings
from resolutionflow.models.psa import PsaConnection
from resolutionflow.models.sso import SsoConfig

# (model, column) of every encrypted column; a new secret column must be added here.
ENCRYPTED_COLUMNS: tuple[tuple[Any, str], ...] = (
    (AISettings, "api_key_encrypted"),
    (Account, "slack_webhook_encrypted"),
    (Account, "teams_webhook_encrypted"),
    (PsaConnection, "secrets_encrypted"),
    (SsoConfig, "client_secret_encrypted"),
)


@dataclass
class RotationReport:
    rotated: dict[str, int] = field(default_factory=dict)
    # "table.column row-id": secrets no current key opens (left as they are).
    unreadable: list[str] = field(default_factory=list)


async def rotate_all(sessionmaker: async_sessionmaker[AsyncSession]) -> RotationReport:
    report = RotationReport()
    for model, column in ENCRYPTED_COLUMNS:
        name = f"{model.__tablename__}.{column}"
        col = getattr(model, column)
        async with sessionmaker() as db:
            rows = (
                await db.execute(select(model.id, col).where(col.is_not(None), col != ""))
            ).all()
        count = 0
        for row_id, token in rows:
            try:
                fresh = crypto.rotate(token)
            except crypto.DecryptionFailed:
                report.unreadable.append(f"{name} {row_id}")
                continue
            async with uow.transaction(sessionmaker) as db:
                # Only if nobody saved a new secret meanwhile (that one is current already).
                await db.execute(
                    update(model).where(model.id == row_id, col == token).values({column: fresh})
                )
            count += 1
        report.rotated[name] = count
    return report
