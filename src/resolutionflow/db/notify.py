"""PostgreSQL notifications sent by a unit of work, delivered only if it commits."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db.postgres_driver import notify_on_commit


async def notify(db: AsyncSession, channel: str, payload: uuid.UUID) -> None:
    """`pg_notify(channel, payload)` in `db`'s transaction: sent with its COMMIT when the
    transaction is under way on our driver (no round trip of its own), else now."""
    raw = await (await db.connection()).get_raw_connection()
    if not notify_on_commit(raw.dbapi_connection, channel, payload):
        await db.execute(select(func.pg_notify(channel, str(payload))))
