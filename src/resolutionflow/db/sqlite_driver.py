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

Write transactions (`BEGIN IMMEDIATE`) are SQLite's one writer at a time, so how long each holds
the write lock bounds how many a second the whole process can store. Two things make it short:

- Writers of one engine take turns in the process, first come first served (`WriteTurns`),
  before they ask SQLite for the lock: a writer that finds it taken would otherwise sleep in
  SQLite's busy handler (up to 100 ms at a time once it has waited a while) while the lock
  sits free.
- Once a transaction holds the write lock, nothing can make its statements wait, and they are
  short; so they, the BEGIN before them and the COMMIT or ROLLBACK after, run on the event
  loop's thread. A hand-off to the connection's thread and back waits behind every other
  request the loop has queued; with 16 concurrent appends that tripled the time the lock was
  held (5 ms instead of 1.5).

A BEGIN IMMEDIATE that finds the lock held by another process (a second `serve` worker, the
CLI, a backup) is not waited for on the loop: it goes to the connection's thread, where the
busy handler waits as before. SQLite's lock stays the guard of correctness throughout; the
turns only order this process's writers.
"""

from __future__ import annotations

import asyncio
import collections
import logging
import sqlite3
import weakref
from collections.abc import Callable
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

log = logging.getLogger(__name__)

DRIVER = "rf_aiosqlite"
# SQLite's busy timeout on our connections (engine.py passes it as the driver's `timeout`).
BUSY_TIMEOUT_S = 10.0

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
        outcome: _Outcome
        connection = self._connection
        adapt_connection: OneHopConnection = self._adapt_connection  # type: ignore[assignment]
        async with adapt_connection._execute_mutex:
            begin, adapt_connection.pending_begin = adapt_connection.pending_begin, None
            if adapt_connection.writing or (
                begin == WRITE_BEGIN and await adapt_connection.begin_writing()
            ):
                # SQLite's write lock is ours: nothing can make this statement wait, so it runs
                # here, without a hand-off to the connection's thread (module docstring).
                outcome = _run_statement(connection._conn, None, operation, parameters, many)
            else:
                # aiosqlite's own queueing: `_execute` runs a function in the connection's
                # thread, `_conn` is the sqlite3 connection there (both are how its public
                # methods work).
                outcome = await connection._execute(
                    _run_statement, connection._conn, begin, operation, parameters, many
                )
                # BEGIN IMMEDIATE returned: the write lock is held until COMMIT or ROLLBACK.
                adapt_connection.writing = begin == WRITE_BEGIN
        self._description, rows, self._rowcount, self._lastrowid = outcome
        self._rows = collections.deque(rows)


class StreamingCursor(AsyncAdapt_aiosqlite_ss_cursor):
    """SQLAlchemy's server-side cursor, after the pending BEGIN (a hand-off of its own: streams
    are rare and long, the saving is for the short statements of every request)."""

    __slots__ = ()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        adapt_connection: OneHopConnection = self._adapt_connection  # type: ignore[assignment]
        begin, adapt_connection.pending_begin = adapt_connection.pending_begin, None
        if begin == WRITE_BEGIN:
            await_(adapt_connection.take_write_turn())
        if begin is not None:
            connection = adapt_connection._connection
            await_(connection._execute(connection._conn.execute, begin))
        return super().execute(operation, parameters)


# The BEGIN of a write transaction: it takes the write lock at once (engine.py says why).
WRITE_BEGIN = "BEGIN IMMEDIATE"


class _Turn:
    """The write turn on one event loop (an asyncio lock belongs to one loop; tests run
    several) and the connection holding it."""

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.holder: weakref.ref[OneHopConnection] | None = None

    def stale(self) -> bool:
        """The holder is gone, or holds no transaction any more: a turn that was never given
        back (every way a transaction ends gives it back; this is the guard if one did not)."""
        holder = self.holder() if self.holder is not None else None
        if holder is None:
            return True
        try:
            return not holder._connection._conn.in_transaction
        except ValueError:  # aiosqlite: the connection is closed
            return True


class WriteTurns:
    """One engine's write transactions in this process, in the order they asked."""

    def __init__(self, timeout: float) -> None:
        # As long as SQLite's busy timeout: a writer that waits longer fails as SQLite would.
        self.timeout = timeout
        self._turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Turn] = (
            weakref.WeakKeyDictionary()
        )

    async def take(self, connection: OneHopConnection) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        turn = self._turns.get(loop)
        if turn is None:
            turn = self._turns[loop] = _Turn()
        try:
            async with asyncio.timeout(self.timeout):
                await turn.lock.acquire()
        except TimeoutError:
            if not (turn.lock.locked() and turn.stale()):
                raise sqlite3.OperationalError("database is locked") from None
            log.warning("a SQLite write turn was not given back; taken over")
            turn.lock = asyncio.Lock()
            await turn.lock.acquire()
        turn.holder = weakref.ref(connection)
        return turn.lock


class OneHopConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("__weakref__", "_turn", "pending_begin", "writing")
    _cursor_cls = OneHopCursor  # type: ignore[assignment]
    _ss_cursor_cls = StreamingCursor

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        # The BEGIN of a transaction that has begun for SQLAlchemy but not yet run a statement:
        # it goes to the thread with that first statement, one hand-off for both.
        self.pending_begin: str | None = None
        # The write turn this connection holds, from its BEGIN IMMEDIATE to COMMIT/ROLLBACK.
        self._turn: asyncio.Lock | None = None
        # Its BEGIN IMMEDIATE went through: it holds SQLite's write lock.
        self.writing = False

    async def begin_writing(self) -> bool:
        """Takes this process's write turn, then SQLite's write lock here if no other process
        holds it (True: `writing`). Else False, and the BEGIN goes to the connection's thread,
        where SQLite's busy handler waits for the other process without holding up the loop."""
        await self.take_write_turn()
        connection = self._connection._conn
        connection.execute("PRAGMA busy_timeout=0")
        try:
            connection.execute(WRITE_BEGIN)
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:  # extended codes too
                raise
            return False
        finally:
            connection.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        self.writing = True
        return True

    async def take_write_turn(self) -> None:
        turns: WriteTurns = self.dbapi.write_turns
        self._turn = await turns.take(self)

    def _end_write_turn(self) -> None:
        self.writing = False
        turn, self._turn = self._turn, None
        if turn is not None:
            turn.release()

    # sqlite3 itself does nothing on commit or rollback outside a transaction, but reaching it
    # costs a hand-off; the pool's reset-on-return rollback after every request is one such.
    # Reading `in_transaction` from this thread is safe: between statements the connection's
    # thread is idle, and the flag is a plain read of SQLite's autocommit state. A BEGIN still
    # pending had nothing after it: there is nothing to end, and it must not reach the next user.
    # The turn ends with the transaction, however it ends (a failed COMMIT or BEGIN included).
    def rollback(self) -> None:
        self._end("rollback", super().rollback)

    def commit(self) -> None:
        self._end("commit", super().commit)

    def _end(self, how: str, through_thread: Callable[[], None]) -> None:
        """COMMIT or ROLLBACK. A write transaction ends here like its statements (see `_run`);
        a COMMIT may then checkpoint the WAL into the database file (SQLite does so every
        ~1,000 pages written), a few milliseconds of I/O on this thread."""
        self.pending_begin = None
        try:
            if self.writing:
                try:
                    getattr(self._connection._conn, how)()
                except Exception as error:
                    self._handle_exception(error)
            elif self._connection.in_transaction:
                through_thread()
        finally:
            self._end_write_turn()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._end_write_turn()

    def terminate(self) -> None:
        try:
            super().terminate()
        finally:
            self._end_write_turn()


def begin_with_first_statement(conn: Any, statement: str) -> None:
    """For an engine's "begin" event: `statement` (BEGIN, BEGIN IMMEDIATE) is sent with the
    transaction's first statement on this adapter, at once on any other."""
    driver_connection = conn.connection.dbapi_connection
    if isinstance(driver_connection, OneHopConnection):
        driver_connection.pending_begin = statement
    else:
        conn.exec_driver_sql(statement)


class OneHopDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def __init__(self, *arg: Any, **kw: Any) -> None:
        super().__init__(*arg, **kw)
        # One per engine: SQLAlchemy imports the DBAPI for each engine it creates.
        self.write_turns = WriteTurns(BUSY_TIMEOUT_S)

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
