"""Engine construction for SQLite (embedded default) and PostgreSQL (production)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from resolutionflow.config import PRIVATE_FILE, Settings, private_dir, private_file, tighten
from resolutionflow.db import rls
from resolutionflow.db.postgres_driver import prelude_url
from resolutionflow.db.sqlite_driver import (
    BUSY_TIMEOUT_S,
    WRITE_BEGIN,
    begin_with_first_statement,
    one_hop_url,
)


def _sqlite_begin_immediate(conn: Any) -> None:
    # A deferred SQLite transaction that reads and then writes fails at once with "database is
    # locked" when another connection wrote in between (the busy timeout does not apply to that
    # upgrade). Taking the write lock at BEGIN makes such transactions wait their turn instead:
    # correct under concurrency, at the price of one writer at a time, which is SQLite anyway.
    begin_with_first_statement(conn, WRITE_BEGIN)


# An execution option of the sign-in check's engine on SQLite (see make_check_engine).
_SINGLE_STATEMENT = "resolutionflow_single_statement"


def _sqlite_begin_deferred(conn: Any) -> None:
    # A unit of work of one statement needs no transaction around it: SQLite makes each
    # statement atomic and consistent on its own, so BEGIN and ROLLBACK would be two more
    # round trips to the connection's thread for nothing.
    if conn.get_execution_options().get(_SINGLE_STATEMENT):
        return
    # Reads take no lock at BEGIN: in WAL mode they see a snapshot and never wait on the writer.
    begin_with_first_statement(conn, "BEGIN")


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    # A read connection that tried to write would fail loudly instead of queueing for the lock.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _sqlite_begin_immediate).
    dbapi_connection.isolation_level = None
    # WAL lets readers run beside the one writer; foreign keys are off by default in SQLite;
    # a busy timeout turns writer contention into a short wait instead of "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _private_sqlite_file(settings: Settings, url: str) -> None:
    """The database file is made 0600 before SQLite first opens it (SQLite would make it 0644),
    in a directory made 0700; SQLite gives its -wal and -shm files the database file's mode."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    in_data_dir = path.parent.resolve() == settings.data_dir.resolve()
    # The data dir is ours to tighten; another directory someone chose is only created.
    private_dir(path.parent, tighten_existing=in_data_dir)
    private_file(path)
    for suffix in ("-wal", "-shm", "-journal"):
        tighten(path.with_name(path.name + suffix), PRIVATE_FILE)


def make_engine(settings: Settings, url: str | None = None) -> AsyncEngine:
    url = url or settings.effective_database_url
    if url.startswith("sqlite"):
        _private_sqlite_file(settings, url)
        # hide_parameters: DB errors must not carry bound values (hashes, emails) into logs.
        engine = create_async_engine(
            one_hop_url(url),
            # A write transaction's statements run on the event loop's thread once it holds
            # the write lock, the others in the connection's own (sqlite_driver.py); never
            # both at once.
            connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
            hide_parameters=True,
            **_pool(settings, url),
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        event.listen(engine.sync_engine, "begin", _sqlite_begin_immediate)
        return engine
    # No pre-ping: it costs a round trip on every checkout (two per write request). A
    # connection the server dropped fails its one statement, after which SQLAlchemy discards
    # the pool's connections; recycling them every 5 minutes keeps idle ones from going stale
    # behind a proxy or a firewall that forgets quiet connections.
    # prelude_url: the tenant's row-level-security settings go out with BEGIN (postgres_driver).
    return create_async_engine(
        prelude_url(url), pool_recycle=300, hide_parameters=True, **_pool(settings)
    )


def _pool(settings: Settings, url: str | None = None) -> dict[str, int]:
    """The pool's size (see Settings.database_pool_size); an in-memory SQLite database has one
    connection (SQLAlchemy's StaticPool) and no size to set."""
    if url is not None and url.startswith("sqlite"):
        database = make_url(url).database or ""
        if database in ("", ":memory:") or "mode=memory" in url:
            return {}
    return {
        "pool_size": settings.database_pool_size,
        "max_overflow": settings.database_max_overflow,
    }


def make_read_engine(settings: Settings, write_engine: AsyncEngine) -> AsyncEngine:
    """The engine of read-only units of work (GET requests, sign-in checks, streams).

    SQLite: its own connections, with deferred (lock-free) transactions and `query_only`, so
    readers never queue behind the one writer. PostgreSQL: the same pool, in READ ONLY
    transactions (a write there is an error, not a surprise)."""
    if write_engine.dialect.name != "sqlite":
        return write_engine.execution_options(postgresql_readonly=True)
    url = write_engine.url.render_as_string(hide_password=False)
    engine = create_async_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_S}, hide_parameters=True, **_pool(settings, url)
    )
    event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    event.listen(engine.sync_engine, "connect", _sqlite_query_only)
    event.listen(engine.sync_engine, "begin", _sqlite_begin_deferred)
    return engine


def make_check_engine(read_engine: AsyncEngine) -> AsyncEngine:
    """The engine of a write request's sign-in check on SQLite: one statement on a read
    connection, outside any transaction (on PostgreSQL the check runs inside the write's own
    transaction instead, and this engine is not used)."""
    return read_engine.execution_options(**{_SINGLE_STATEMENT: True})


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[Any]:
    # TenantSession: on PostgreSQL each transaction states its tenant for row-level security.
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, sync_session_class=rls.TenantSession
    )
