"""The request-edge units of work.

- `ReadDB`: on GET/HEAD a read-only transaction (no write lock on SQLite, READ ONLY on
  PostgreSQL), which the route and the sign-in check use; None on other methods.
- `WriteDB`: the request's writing unit of work, on any method (GET routes that record what
  left use it directly).
- `DB`: on GET/HEAD the read session; on other methods the writing unit of work, which commits
  when the route succeeds and rolls back when it raises. On SQLite its transaction begins at the
  route's first statement (after the sign-in check), so the write lock is held for the writing
  part only; on PostgreSQL the sign-in check is its first statement (one connection per
  request). A slow call in the middle goes through `db.uow.while_released`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.db import rls
from resolutionflow.errors import AppError

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def request_tenant(request: Request) -> rls.Tenant:
    """The account a request's units of work are confined to on PostgreSQL: asked when each
    transaction begins, because the caller is known only once the sign-in check has run
    (`auth.principal` records it; unset means a public route or the super admin)."""
    return lambda: getattr(request.state, "tenant_account_id", None)


async def get_read_db(request: Request) -> AsyncIterator[AsyncSession | None]:
    """The read session on GET/HEAD. None on a write, which reads in its own unit of work:
    opening (and closing) a read session beside it that nothing used cost about 2% of an
    append."""
    if request.method not in SAFE_METHODS:
        yield None
        return
    maker = request.app.state.read_sessionmaker
    # Closing rolls the read transaction back; closing without an explicit rollback first lets
    # the pool skip its own reset-on-return rollback (one round trip fewer per request).
    async with maker() as db:
        rls.confine(db, request_tenant(request))
        yield db


ReadDB = Annotated[AsyncSession | None, Depends(get_read_db, scope="function")]


@asynccontextmanager
async def _writing(request: Request) -> AsyncIterator[AsyncSession]:
    maker = request.app.state.sessionmaker
    async with maker() as db:
        rls.confine(db, request_tenant(request))
        try:
            yield db
        except AppError as exc:
            if exc.persist:
                await db.commit()
            else:
                await db.rollback()
            raise
        except BaseException:
            await db.rollback()
            raise
        else:
            # Commit before the response is sent so a 2xx always means "durably stored".
            await db.commit()


async def get_write_db(request: Request) -> AsyncIterator[AsyncSession]:
    # Creating the session costs nothing until its first statement: a request that never
    # writes (a GET) never takes a connection or a lock for it.
    async with _writing(request) as db:
        yield db


# scope="function" ends the dependency before the response is sent, so the commit happens first.
# For the few GET routes that record something (what left the server, a model call's cost): a
# writing unit of work whatever the method; its transaction begins at its first write-side
# statement, so reads before it take no lock. One per request: `DB` on a write is the same one.
WriteDB = Annotated[AsyncSession, Depends(get_write_db, scope="function")]


async def get_db(read: ReadDB, write: WriteDB) -> AsyncSession:
    # async although it awaits nothing: FastAPI runs a plain `def` dependency in its thread
    # pool, a thread round trip on every request for a choice between two objects.
    return write if read is None else read


DB = Annotated[AsyncSession, Depends(get_db)]
