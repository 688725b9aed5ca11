"""Live timelines: wake every open stream of a session when events are appended to it.

Within one process, a stream waits on an asyncio.Event that is set after the appending
transaction commits. Across app instances on PostgreSQL, the appending transaction also runs
`pg_notify` (delivered only if it commits) and each instance LISTENs on one connection and wakes
its own streams. Streams also re-read the database every `poll_s` seconds, so a lost
notification delays an event but never loses it. Nothing lives only in process memory.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import Session as OrmSession

from resolutionflow.db.notify import notify

log = logging.getLogger("resolutionflow.live")
CHANNEL = "rf_session_events"
_WAKE_KEY = "rf_wake_sessions"

_waiters: dict[uuid.UUID, set[asyncio.Event]] = defaultdict(set)


def wake(session_id: uuid.UUID) -> None:
    for waiter in list(_waiters.get(session_id, ())):
        waiter.set()


@event.listens_for(OrmSession, "after_commit")
def _after_commit(orm_session: OrmSession) -> None:
    # Streams read only committed rows, so they are woken after the commit, never before.
    for session_id in orm_session.info.pop(_WAKE_KEY, set()):
        wake(session_id)


@event.listens_for(OrmSession, "after_rollback")
def _after_rollback(orm_session: OrmSession) -> None:
    orm_session.info.pop(_WAKE_KEY, None)


async def announce(db: AsyncSession, session_id: uuid.UUID) -> None:
    """Called in the appending transaction: wake streams here and on other instances on commit."""
    db.sync_session.info.setdefault(_WAKE_KEY, set()).add(session_id)
    if db.get_bind().dialect.name == "postgresql":
        # NOTIFY is transactional: other instances hear it only if this transaction commits.
        await notify(db, CHANNEL, session_id)


class Listener:
    """One LISTEN connection per app instance (PostgreSQL only)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._conn: Any = None
        self._lock = asyncio.Lock()

    async def ensure(self) -> None:
        if self.engine.dialect.name != "postgresql" or self._conn is not None:
            return
        async with self._lock:
            if self._conn is not None:
                return
            import asyncpg

            url = self.engine.url.set(drivername="postgresql")
            conn = await asyncpg.connect(url.render_as_string(hide_password=False))
            await conn.add_listener(CHANNEL, self._on_notify)
            self._conn = conn

    def _on_notify(self, _conn: Any, _pid: int, _channel: str, payload: str) -> None:
        with suppress(ValueError):
            wake(uuid.UUID(payload))

    async def close(self) -> None:
        if self._conn is not None:
            with suppress(Exception):
                await self._conn.close()
            self._conn = None


@asynccontextmanager
async def subscription(session_id: uuid.UUID) -> AsyncIterator[asyncio.Event]:
    waiter = asyncio.Event()
    _waiters[session_id].add(waiter)
    try:
        yield waiter
    finally:
        _waiters[session_id].discard(waiter)
        if not _waiters[session_id]:
            _waiters.pop(session_id, None)
