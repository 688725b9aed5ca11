"""PostgreSQL: pg_dump (custom format) inside an exported snapshot, so the dump and the list of
attachment keys are the same instant; pg_restore into the target database. Credentials go to
the tools through libpq's environment (PGPASSWORD), never on a command line."""

from __future__ import annotations

import asyncio
import contextlib
import glob
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine
from sqlalchemy.pool import NullPool

from resolutionflow.backup.attachments import KEY_COLUMNS, keys_query
from resolutionflow.backup.manifest import BackupError
from resolutionflow.db import migrate
from resolutionflow.db.rls import ALL_ACCOUNTS_SETTING

# Tables under FORCE ROW LEVEL SECURITY show an owner who is not a superuser nothing unless
# this is on (see db/rls.py); the tools get it through libpq's PGOPTIONS.
_ALL_ACCOUNTS = f"-c {ALL_ACCOUNTS_SETTING}=on"


def tool(name: str) -> str:
    """pg_dump/pg_restore from PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found

    def major(path: str) -> int:
        m = re.search(r"/postgresql/(\d+)/", path)
        return int(m.group(1)) if m else 0

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=major)
    if candidates:
        return candidates[-1]
    raise BackupError(
        f"{name} was not found on PATH nor in /usr/lib/postgresql/*/bin: install the "
        "PostgreSQL client tools of the server's major version (e.g. apt-get install "
        "postgresql-client-15)"
    )


def safe_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


@contextlib.contextmanager
def _database_errors(url: str) -> Iterator[None]:
    """A database that cannot be reached or read is one clear line naming it (without its
    password), not a traceback."""
    try:
        yield
    except (SQLAlchemyError, OSError) as exc:
        reason = getattr(exc, "orig", None) or exc
        raise BackupError(f"cannot use the database {safe_url(url)}: {reason}") from exc


def libpq_env(url: str) -> dict[str, str]:
    u = make_url(url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    values = {
        "PGHOST": u.host or str(u.query.get("host") or ""),
        "PGPORT": str(u.port or ""),
        "PGUSER": u.username or "",
        "PGPASSWORD": u.password or "",
        "PGDATABASE": u.database or "",
        "PGSSLMODE": str(u.query.get("sslmode") or u.query.get("ssl") or ""),
    }
    env.update({k: v for k, v in values.items() if v})
    env["PGOPTIONS"] = _ALL_ACCOUNTS
    env["PGCONNECT_TIMEOUT"] = "10"
    return env


async def _run(args: list[str], url: str) -> None:
    proc = await asyncio.create_subprocess_exec(
        *args,
        env=libpq_env(url),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await proc.communicate()
    if proc.returncode != 0:
        message = err.decode(errors="replace").strip()[-2000:]
        raise BackupError(f"{Path(args[0]).name} failed on {safe_url(url)}: {message}")


async def _all_accounts(conn: AsyncConnection) -> None:
    await conn.execute(text(f"SELECT set_config('{ALL_ACCOUNTS_SETTING}', 'on', true)"))


async def dump(url: str, target: Path) -> tuple[str, list[str]]:
    """Dumps the database into `target` (0600); returns its alembic revision and the storage
    keys it names, both read in the snapshot pg_dump dumps."""
    pg_dump = tool("pg_dump")
    engine = create_async_engine(url, poolclass=NullPool)
    with _database_errors(url):
        try:
            async with engine.connect() as conn:
                conn = await conn.execution_options(isolation_level="REPEATABLE READ")
                async with conn.begin():
                    await _all_accounts(conn)
                    snapshot = (
                        await conn.execute(text("SELECT pg_export_snapshot()"))
                    ).scalar_one()
                    revision = await _revision(conn)
                    keys = await _keys(conn)
                    # The snapshot lives as long as this transaction: pg_dump runs inside it.
                    await asyncio.to_thread(target.touch, 0o600, False)
                    await _run(
                        [
                            pg_dump,
                            "--format=custom",
                            "--no-owner",
                            "--no-acl",
                            "--enable-row-security",
                            f"--snapshot={snapshot}",
                            f"--file={target}",
                        ],
                        url,
                    )
        finally:
            await engine.dispose()
    return revision, keys


async def _revision(conn: AsyncConnection) -> str:
    exists = await conn.scalar(text("SELECT to_regclass('public.alembic_version') IS NOT NULL"))
    revision = (
        await conn.scalar(text("SELECT version_num FROM alembic_version")) if exists else None
    )
    if not revision:
        raise BackupError("the database has no schema version (was it ever migrated?)")
    return str(revision)


async def _keys(conn: AsyncConnection) -> list[str]:
    rows = await conn.execute(
        text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public'"
        )
    )
    columns = {(r[0], r[1]) for r in rows}
    query = keys_query([pair for pair in KEY_COLUMNS if pair in columns])
    return [str(k) for k in (await conn.scalars(text(query))).all()] if query else []


async def _our_tables(conn: AsyncConnection, app_tables: set[str]) -> list[str]:
    """The public schema's tables that are ResolutionFlow's: the models', Alembic's, and the
    raw-SQL search tables. Anything else in the database is someone else's and left alone."""
    rows = await conn.scalars(
        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    )
    return [
        t
        for t in rows.all()
        if t in app_tables or t == "alembic_version" or not migrate.include_name(t, "table", None)
    ]


async def holds_data(url: str, app_tables: set[str]) -> bool:
    engine = create_async_engine(url, poolclass=NullPool)
    with _database_errors(url):
        try:
            async with engine.connect() as conn, conn.begin():
                await _all_accounts(conn)
                for table in await _our_tables(conn, app_tables):
                    if table != "alembic_version" and await conn.scalar(
                        text(f'SELECT 1 FROM "{table}" LIMIT 1')  # noqa: S608 - a catalog name
                    ):
                        return True
            return False
        finally:
            await engine.dispose()


async def restore(url: str, dump_file: Path, app_tables: set[str]) -> None:
    """Replaces ResolutionFlow's tables with the dump's in one transaction: pg_restore writes
    the SQL, psql runs it after dropping our tables with ON_ERROR_STOP, so a failure leaves the
    database as it was."""
    pg_restore, psql = tool("pg_restore"), tool("psql")
    engine = create_async_engine(url, poolclass=NullPool)
    with _database_errors(url):
        try:
            async with engine.connect() as conn:
                drops = [
                    f'DROP TABLE IF EXISTS "{t}" CASCADE;'
                    for t in await _our_tables(conn, app_tables)
                ]
        finally:
            await engine.dispose()
    env = libpq_env(url)
    read_end, write_end = os.pipe()
    try:
        producer = await asyncio.create_subprocess_exec(
            pg_restore,
            "--no-owner",
            "--no-acl",
            "--file=-",
            str(dump_file),
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=write_end,
            stderr=asyncio.subprocess.PIPE,
        )
        os.close(write_end)
        write_end = -1
        commands = ["-c", "\n".join(drops)] if drops else []
        consumer = await asyncio.create_subprocess_exec(
            psql,
            "--no-psqlrc",
            "--quiet",
            "--set=ON_ERROR_STOP=1",
            "--single-transaction",
            *commands,
            "--file=-",
            env=env,
            stdin=read_end,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        os.close(read_end)
        read_end = -1
        (_, produced), (_, consumed) = await asyncio.gather(
            producer.communicate(), consumer.communicate()
        )
    finally:
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)
    for name, proc, err in (("pg_restore", producer, produced), ("psql", consumer, consumed)):
        if proc.returncode != 0:
            message = err.decode(errors="replace").strip()[-2000:]
            raise BackupError(
                f"{name} failed on {safe_url(url)}, the database was left as it was: {message}"
            )
