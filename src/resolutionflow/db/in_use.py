"""Whether a SQLite database is open in a server or a worker, so that a restore can refuse to
swap the file from under them.

Every process that works on the database for a while (each `serve` process, `worker`) holds a
shared lock on a file beside it (`<database>-in-use`) for its lifetime; the kernel drops the lock
when the process ends, however it ends (kill -9 included), so there is nothing to clean up. A
restore asks for the exclusive lock without waiting: refused means someone is still using it.
PostgreSQL needs none of this: its restore runs in one transaction beside live connections.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.engine import make_url

from resolutionflow.config import PRIVATE_FILE


def marker_path(url: str) -> Path | None:
    """The lock file of a SQLite database in a file; None for PostgreSQL and in-memory ones."""
    parsed = make_url(url)
    database = parsed.database
    if not parsed.drivername.startswith("sqlite") or not database:
        return None
    if database == ":memory:" or database.startswith("file:"):
        return None
    path = Path(database)
    return path.with_name(path.name + "-in-use")


def _open(marker: Path) -> int:
    return os.open(marker, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)


@contextlib.contextmanager
def using(url: str) -> Iterator[None]:
    """Marks the database as in use by this process until the block ends."""
    marker = marker_path(url)
    if marker is None or not marker.parent.is_dir():
        yield
        return
    fd = _open(marker)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # closing drops the lock


def in_use(url: str) -> bool:
    """Whether some process holds the database (see `using`); False when nobody can."""
    marker = marker_path(url)
    if marker is None or not marker.exists():
        return False
    fd = _open(marker)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)
    return False
