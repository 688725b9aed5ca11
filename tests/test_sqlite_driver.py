"""The one-hand-off SQLite adapter (db/sqlite_driver.py) keeps the DBAPI's behaviour: row
counts, inserted ids, RETURNING, executemany, errors of the right class, and transactions that
really commit and roll back."""

from __future__ import annotations

from pathlib import Path

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from resolutionflow.config import Settings
from resolutionflow.db.engine import make_engine, make_read_engine


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


async def test_begin_travels_with_the_first_statement(settings: Settings, tmp_path: Path) -> None:
    """A unit of work's BEGIN costs no hand-off of its own, and is still a real transaction: a
    read sees one snapshot, a write rolled back leaves nothing."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'begin.db'}"
    engine = make_engine(settings, url)
    reader = make_read_engine(settings, engine)
    handoffs: list[object] = []
    original = aiosqlite.Connection._execute

    async def counted(
        self: aiosqlite.Connection, fn: object, *args: object, **kw: object
    ) -> object:
        handoffs.append(fn)
        return await original(self, fn, *args, **kw)  # type: ignore[arg-type]

    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        async with reader.connect() as warm:  # the pool's connection opens outside the count
            await warm.execute(text("SELECT 1"))
        aiosqlite.Connection._execute = counted  # type: ignore[method-assign]
        async with reader.connect() as conn:
            await conn.begin()
            first = (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one()
            # Another connection writes between the two reads: the snapshot does not move.
            async with engine.begin() as writer:
                await writer.execute(text("INSERT INTO t (id) VALUES (1)"))
            handoffs.clear()
            second = (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one()
            assert (first, second) == (0, 0)
            await conn.rollback()
        assert len(handoffs) == 2  # the second read and the ROLLBACK; no BEGIN of its own

        handoffs.clear()
        async with reader.connect() as conn:
            await conn.begin()
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 1
            await conn.rollback()
        assert len(handoffs) == 2  # BEGIN + the read in one hand-off, then the ROLLBACK

        handoffs.clear()
        async with engine.connect() as conn:
            await conn.begin()
            await conn.rollback()  # nothing ran: nothing to send, nothing left pending
        assert handoffs == []
        async with engine.connect() as conn:
            async with conn.begin():
                await conn.execute(text("INSERT INTO t (id) VALUES (2)"))
                await conn.rollback()
            count = (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one()
            assert count == 1
    finally:
        aiosqlite.Connection._execute = original  # type: ignore[method-assign]
        await reader.dispose()
        await engine.dispose()
