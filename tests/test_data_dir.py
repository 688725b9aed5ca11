"""The data dir holds the database, the generated key and customers' attachments: it is 0700 and
every file in it 0600 from the moment it exists (SQLite's -wal and -shm included), under the
usual umask that would make them readable by everyone."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from resolutionflow.config import Settings
from resolutionflow.db.engine import make_engine, make_read_engine
from resolutionflow.storage.local import LocalStorage


@pytest.fixture(autouse=True)
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _settings(data_dir: Path, db_file: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        data_dir=data_dir, database_url=f"sqlite+aiosqlite:///{db_file}", _env_file=None
    )


async def _use(settings: Settings) -> None:
    """Writes through the engine (WAL mode: the -wal and -shm files appear) and reads beside it."""
    engine = make_engine(settings)
    reader = make_read_engine(settings, engine)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE IF NOT EXISTS t (v TEXT)"))
            await conn.execute(text("INSERT INTO t VALUES ('customer data')"))
        async with reader.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() >= 1
        db_file = Path(str(engine.url.database))
        for suffix in ("", "-wal", "-shm"):
            wal = db_file.with_name(db_file.name + suffix)
            assert wal.exists(), wal
            assert _mode(wal) == 0o600, (wal, oct(_mode(wal)))
    finally:
        await reader.dispose()
        await engine.dispose()


async def test_a_new_sqlite_database_is_private_from_the_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    await _use(_settings(data_dir, data_dir / "resolutionflow.db"))
    assert _mode(data_dir) == 0o700


async def test_a_database_and_data_dir_left_readable_by_an_earlier_version_are_tightened(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    data_dir.chmod(0o755)
    db_file = data_dir / "resolutionflow.db"
    await _use(_settings(data_dir, db_file))
    db_file.chmod(0o644)
    data_dir.chmod(0o755)
    await _use(_settings(data_dir, db_file))
    assert _mode(data_dir) == 0o700


async def test_a_directory_the_operator_chose_for_the_database_is_not_changed(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "srv"
    shared.mkdir()
    shared.chmod(0o755)
    await _use(_settings(tmp_path / "data", shared / "rf.db"))
    assert _mode(shared) == 0o755  # theirs; the database files in it are private anyway


async def test_attachments_are_private_from_the_moment_they_are_written(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    storage = LocalStorage(data_dir / "attachments")
    await storage.put("account/session/file-1", b"screenshot of the customer's desktop")
    assert await storage.get("account/session/file-1") == b"screenshot of the customer's desktop"
    for d in (
        data_dir,
        data_dir / "attachments",
        data_dir / "attachments" / "account",
        data_dir / "attachments" / "account" / "session",
    ):
        assert _mode(d) == 0o700, d
    assert _mode(data_dir / "attachments" / "account" / "session" / "file-1") == 0o600
    assert not list((data_dir / "attachments").rglob("*.tmp"))
