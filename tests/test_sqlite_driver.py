"""The one-hand-off SQLite adapter (db/sqlite_driver.py) keeps the DBAPI's behaviour: row
counts, inserted ids, RETURNING, executemany, errors of the right class, and transactions that
really commit and roll back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from resolutionflow.config import Settings
from resolutionflow.db.engine import make_engine


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]


async def test_statements_behave_as_with_sqlite3(settings: Settings, tmp_path: Path) -> None:
    engine = make_engine(settings, f"sqlite+aiosqlite:///{tmp_path / 'driver.db'}")
    assert engine.dialect.driver == "rf_aiosqlite"
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"))
            inserted = await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
            assert inserted.lastrowid == 1
            await conn.execute(
                text("INSERT INTO t (name) VALUES (:n)"), [{"n": "b"}, {"n": "c"}, {"n": "d"}]
            )
            returned = await conn.execute(text("INSERT INTO t (name) VALUES ('e') RETURNING id"))
            assert returned.scalar_one() == 5
            updated = await conn.execute(text("UPDATE t SET name = name || '!' WHERE id > 2"))
            assert updated.rowcount == 3
            rows = (await conn.execute(text("SELECT id, name FROM t ORDER BY id"))).all()
            assert [tuple(r) for r in rows] == [(1, "a"), (2, "b"), (3, "c!"), (4, "d!"), (5, "e!")]

        with pytest.raises(IntegrityError):
            async with engine.begin() as conn:
                await conn.execute(text("INSERT INTO t (name) VALUES ('z')"))
                await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
        async with engine.connect() as conn:
            # The failed transaction rolled back whole: 'z' is not there.
            names = (await conn.execute(text("SELECT name FROM t ORDER BY id"))).scalars().all()
            assert names == ["a", "b", "c!", "d!", "e!"]
    finally:
        await engine.dispose()
