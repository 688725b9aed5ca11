"""Units of work outside the request edge, and the one way to let go of the database during a
slow call. Only `db/`, the job runner and the CLI commit; everything else goes through here.
"""

from __future__ import annotations

import inspect
import uuid
from collections.abc import AsyncIterator, Awaitable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from resolutionflow.db import rls

T = TypeVar("T")
Transaction = AbstractAsyncContextManager[AsyncSession]


@asynccontextmanager
async def _transaction(
    maker: async_sessionmaker[AsyncSession], account_id: uuid.UUID | None
) -> AsyncIterator[AsyncSession]:
    async with maker() as db:
        rls.confine(db, account_id)
        try:
            yield db
        except BaseException:
            await db.rollback()
            raise
        await db.commit()


def transaction(
    maker: async_sessionmaker[AsyncSession], *, account_id: uuid.UUID | None = None
) -> Transaction:
    """A fresh unit of work: commits when the block succeeds, rolls back when it raises. With
    `account_id`, PostgreSQL's row-level security confines it to that account's rows."""
    return _transaction(maker, account_id)


async def while_released(db: AsyncSession, slow: Awaitable[T]) -> T:
    """Prepare → release → finish: stores what the transaction prepared so far, holds no
    transaction (on SQLite, no write lock; anywhere, no connection) while `slow` runs — a model,
    a PSA, a request body arriving — and lets the next statement on `db` begin a fresh one.

    The prepared part is durable on its own (a 2xx still means stored), and objects loaded
    before stay usable (the sessionmaker does not expire on commit); re-read with a lock what
    another request may have changed during the wait.
    """
    try:
        await db.commit()
    except BaseException:
        if inspect.iscoroutine(slow):
            slow.close()  # never started: no "was never awaited" warning
        raise
    return await slow


async def end(db: AsyncSession) -> None:
    """Commits now, before a long wait that is not one awaitable (a streamed reply)."""
    await db.commit()
