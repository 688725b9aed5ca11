"""Transaction-scoped mutual exclusion by name, the same call on both databases."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession


def _key(name: str) -> int:
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


async def serialize(db: AsyncSession, name: str) -> None:
    """Until this transaction ends, no other transaction passes `serialize` with this name.

    PostgreSQL: an advisory transaction lock. SQLite: nothing to do, because a writing
    transaction there already holds the database's one write lock (BEGIN IMMEDIATE).
    """
    if db.get_bind().dialect.name == "postgresql":
        await db.execute(select(func.pg_advisory_xact_lock(_key(name))))
