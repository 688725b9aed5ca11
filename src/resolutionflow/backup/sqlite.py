"""SQLite: a consistent copy of a live database with the online backup API (one step, so the
copy is one read transaction's snapshot even while the server writes in WAL mode), and a
restore that swaps the file in."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import make_url

from resolutionflow.backup.attachments import KEY_COLUMNS, keys_query
from resolutionflow.backup.manifest import BackupError
from resolutionflow.config import PRIVATE_FILE, private_dir


def database_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError("only a SQLite database in a file can be backed up or restored")
    return Path(database)


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        conn = sqlite3.connect(str(path), timeout=30)
        try:
            conn.execute("PRAGMA busy_timeout=30000")
            yield conn
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"SQLite database {path}: {exc}") from exc


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def snapshot(source: Path, target: Path) -> tuple[str, list[str]]:
    """Copies `source` into the new file `target` (0600); returns the copy's alembic revision
    and the storage keys it names (read from the copy, so they match it exactly)."""
    if not source.is_file():
        raise BackupError(f"there is no database at {source}")
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(fd)
    with _connect(source) as src, _connect(target) as dst:
        # pages=-1 (the default) copies every page in one step under one read lock: writers
        # carry on in the WAL meanwhile, and the copy is the database as of that instant.
        src.backup(dst)
        # A self-contained file: no -wal beside it (the app turns WAL back on when it opens).
        dst.execute("PRAGMA journal_mode=DELETE")
        if dst.execute("PRAGMA integrity_check").fetchone() != ("ok",):
            raise BackupError("the copied database fails SQLite's integrity check")
        return _revision(dst), _keys(dst)


def _revision(conn: sqlite3.Connection) -> str:
    if "alembic_version" not in _tables(conn):
        raise BackupError("the database has no schema version (was it ever migrated?)")
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if row is None:
        raise BackupError("the database has no schema version (was it ever migrated?)")
    return str(row[0])


def _keys(conn: sqlite3.Connection) -> list[str]:
    tables = _tables(conn)
    present = [
        (table, column)
        for table, column in KEY_COLUMNS
        if table in tables
        and column in {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
    ]
    query = keys_query(present)
    return [str(r[0]) for r in conn.execute(query)] if query else []


def holds_data(path: Path, app_tables: set[str]) -> bool:
    """Whether any of the app's tables in the database at `path` has a row."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with _connect(path) as conn:
        for table in sorted(_tables(conn) & app_tables):
            query = f'SELECT 1 FROM "{table}" LIMIT 1'  # noqa: S608 - one of our tables
            if conn.execute(query).fetchone():
                return True
    return False


def restore(dump: Path, target: Path) -> None:
    """Puts the backup's database at `target` (the server must be stopped): a private copy
    beside it, then a rename, so a failure leaves the old file as it was."""
    private_dir(target.parent)
    tmp = target.with_name(target.name + ".restoring")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as out, open(dump, "rb") as src:
        shutil.copyfileobj(src, out)
        out.flush()
        os.fsync(out.fileno())
    # The old database's WAL must not be replayed into the restored file.
    for suffix in ("-wal", "-shm", "-journal"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    os.replace(tmp, target)
