"""SQLAlchemy's aiosqlite dialect, with one thread hand-off per statement instead of four.

aiosqlite runs each SQLite connection in its own thread, and every call into it is a
hand-off: queue the call, wake the thread, wake the event loop with the result. SQLAlchemy's
adapter makes four per statement (open a cursor, execute, fetch all rows, close the cursor),
so a request that runs four statements pays sixteen round trips between threads, and under
load the event loop spends more time on those wake-ups than on the request. This adapter runs
the whole statement (cursor, execute, fetch, close) as one call in the connection's thread.

Everything else is SQLAlchemy's dialect unchanged: URLs stay `sqlite+aiosqlite://`, and
`make_engine` swaps the driver name for ours (registered below) when it builds an engine.
Server-side (streaming) cursors keep SQLAlchemy's own class: they fetch in batches by design.
"""

from __future__ import annotations

import collections
import sqlite3
from typing import Any

from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
    AsyncAdapt_aiosqlite_ss_cursor,
    SQLiteDialect_aiosqlite,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

DRIVER = "rf_aiosqlite"

_Outcome = tuple[Any, list[Any], int, int | None]


def _run_statement(
    connection: sqlite3.Connection,
    begin: str | None,
    operation: str,
    parameters: Any,
    many: bool,
) -> _Outcome:
    """In the connection's thread: the transaction's BEGIN if it is still to be sent, then the
    statement from cursor to closed cursor."""
    if begin is not None:
        connection.execute(begin)
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        # After the fetch: for INSERT … RETURNING, SQLite counts rows as they are stepped.
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneHopCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose results arrive with the one hand-off of its execute."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection):
        # No call into the thread here: the SQLite cursor lives only inside _run_statement.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        pass  # every row is fetched at execute; there is no batch size to set

    async def _async_soft_close(self) -> None:
        return None  # nothing is open between calls

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        try:
            return await_(self._run(operation, parameters, many=False))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Any) -> Any:
        try:
            return await_(self._run(operation, seq_of_parameters, many=True))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _run(self, operation: Any, parameters: Any, *, many: bool) -> None:
        connection = self._connection
        adapt_connection: OneHopConnection = self._adapt_connection  # type: ignore[assignment]
        async with adapt_connection._execute_mutex:
            begin, adapt_connection.pending_begin = adapt_connection.pending_begin, None
            # aiosqlite's own queueing: `_execute` runs a function in the connection's thread,
            # `_conn` is the sqlite3 connection there (both are how its public methods work).
            outcome: _Outcome = await connection._execute(
                _run_statement, connection._conn, begin, operation, parameters, many
            )
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = collections.deque(rows)


class StreamingCursor(AsyncAdapt_aiosqlite_ss_cursor):
    """SQLAlchemy's server-side cursor, after the pending BEGIN (a hand-off of its own: streams
    are rare and long, the saving is for the short statements of every request)."""

    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        adapt_connection: OneHopConnection = self._adapt_connection  # type: ignore[assignment]
        begin, adapt_connection.pending_begin = adapt_connection.pending_begin, None
        if begin is not None:
            connection = adapt_connection._connection
            await_(connection._execute(connection._conn.execute, begin))
        return super().execute(operation, parameters)


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("pending_begin",)
    _cursor_cls = OneHopCursor  # type: ignore[assignment]
    _ss_cursor_cls = StreamingCursor

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        # The BEGIN of a transaction that has begun for SQLAlchemy but not yet run a statement:
        # it goes to the thread with that first statement, one hand-off for both.
        self.pending_begin: str | None = None

    # sqlite3 itself does nothing on commit or rollback outside a transaction, but reaching it
    # costs a hand-off; the pool's reset-on-return rollback after every request is one such.
    # Reading `in_transaction` from this thread is safe: between statements the connection's
    # thread is idle, and the flag is a plain read of SQLite's autocommit state. A BEGIN still
    # pending had nothing after it: there is nothing to end, and it must not reach the next user.
    def rollback(self) -> None:
        self.pending_begin = None
        if self._connection.in_transaction:
            super().rollback()

    def commit(self) -> None:
        self.pending_begin = None
        if self._connection.in_transaction:
            super().commit()


def begin_with_first_statement(conn: Any, statement: str) -> None:
    """For an engine's "begin" event: `statement` (BEGIN, BEGIN IMMEDIATE) is sent with the
    transaction's first statement on this adapter, at once on any other."""
    driver_connection = conn.connection.dbapi_connection
    if isinstance(driver_connection, OneHopConnection):
        driver_connection.pending_begin = statement
    else:
        conn.exec_driver_sql(statement)


class OneHopDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> OneHopConnection:
        connection = super().connect(*arg, **kw)
        return OneHopConnection(self, connection._connection)


class OneHopDialect(SQLiteDialect_aiosqlite):
    driver = DRIVER
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> OneHopDBAPI:
        return OneHopDBAPI(__import__("aiosqlite"), __import__("sqlite3"))


registry.register(f"sqlite.{DRIVER}", __name__, "OneHopDialect")


def one_hop_url(url: str) -> str:
    """The same database through this adapter (URLs name SQLAlchemy's aiosqlite driver)."""
    return url.replace("sqlite+aiosqlite:", f"sqlite+{DRIVER}:", 1)
