"""The one-hand-off SQLite adapter (db/sqlite_driver.py) keeps the DBAPI's behaviour: row
counts, inserted ids, RETURNING, executemany, errors of the right class, and transactions that
really commit and roll back."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from resolutionflow.config import Settings
from resolutionflow.db.engine import make_engine, make_read_engine
from resolutionflow.db.sqlite_driver import OneHopConnection


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, _env_file=None)  # type: ignore[call-arg]


class Handoffs:
    """Counts hand-offs to aiosqlite's connection threads while `counting` is on."""

    def __init__(self) -> None:
        self.calls: list[object] = []
        self.counting = False

    def clear(self) -> None:
        self.calls.clear()


@pytest.fixture
def handoffs(monkeypatch: pytest.MonkeyPatch) -> Handoffs:
    seen = Handoffs()
    original = aiosqlite.Connection._execute

    async def counted(
        self: aiosqlite.Connection, fn: object, *args: object, **kw: object
    ) -> object:
        if seen.counting:
            seen.calls.append(fn)
        return await original(self, fn, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
    return seen


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


async def test_begin_travels_with_the_first_statement(
    settings: Settings, tmp_path: Path, handoffs: Handoffs
) -> None:
    """A unit of work's BEGIN costs no hand-off of its own, and is still a real transaction: a
    read sees one snapshot, a write rolled back leaves nothing."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'begin.db'}"
    engine = make_engine(settings, url)
    reader = make_read_engine(settings, engine)
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        async with reader.connect() as warm:  # the pool's connection opens outside the count
            await warm.execute(text("SELECT 1"))
        handoffs.counting = True
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
        assert len(handoffs.calls) == 2  # the second read and the ROLLBACK; no BEGIN of its own

        handoffs.clear()
        async with reader.connect() as conn:
            await conn.begin()
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 1
            await conn.rollback()
        assert len(handoffs.calls) == 2  # BEGIN + the read in one hand-off, then the ROLLBACK

        handoffs.clear()
        async with engine.connect() as conn:
            await conn.begin()
            await conn.rollback()  # nothing ran: nothing to send, nothing left pending
        assert handoffs.calls == []
        async with engine.connect() as conn:
            async with conn.begin():
                await conn.execute(text("INSERT INTO t (id) VALUES (2)"))
                await conn.rollback()
            count = (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one()
            assert count == 1
    finally:
        await reader.dispose()
        await engine.dispose()


async def test_a_write_transaction_runs_on_the_loop_once_it_holds_the_lock(
    settings: Settings, tmp_path: Path, handoffs: Handoffs
) -> None:
    """BEGIN IMMEDIATE, the statements and the COMMIT of a write make no hand-off to the
    connection's thread (each would wait behind the loop's queue while holding the lock), and
    still commit and roll back for real."""
    engine = make_engine(settings, f"sqlite+aiosqlite:///{tmp_path / 'here.db'}")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)"))
        handoffs.counting = True
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO t (name) VALUES ('a')"))
            await conn.execute(text("UPDATE t SET name = 'b' WHERE name = 'a'"))
        with pytest.raises(IntegrityError):
            async with engine.begin() as conn:
                await conn.execute(text("INSERT INTO t (name) VALUES ('c')"))
                await conn.execute(text("INSERT INTO t (name) VALUES ('b')"))
        assert handoffs.calls == []
        async with engine.connect() as conn:
            names = (await conn.execute(text("SELECT name FROM t"))).scalars().all()
            assert names == ["b"]  # the first committed, the second rolled back whole
    finally:
        await engine.dispose()


async def test_a_lock_held_by_another_process_is_waited_for_off_the_loop(
    settings: Settings, tmp_path: Path
) -> None:
    """Another connection (as another process would) holds the write lock: our write waits in
    SQLite's busy handler on the connection's thread while the event loop goes on, and goes
    through once the lock is free."""
    path = tmp_path / "other.db"
    engine = make_engine(settings, f"sqlite+aiosqlite:///{path}")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY)"))
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")

        async def write() -> None:
            async with engine.begin() as conn:
                await conn.execute(text("INSERT INTO t (id) VALUES (1)"))

        writing = asyncio.create_task(write())
        ticks = 0
        for _ in range(30):  # 0.3 s: the loop keeps running while the write waits
            await asyncio.sleep(0.01)
            ticks += 1
        assert not writing.done()
        assert ticks == 30
        other.execute("INSERT INTO t (id) VALUES (2)")
        other.execute("COMMIT")
        await asyncio.wait_for(writing, 10)
        async with engine.connect() as conn:
            ids = (await conn.execute(text("SELECT id FROM t ORDER BY id"))).scalars().all()
        assert ids == [1, 2]
        other.close()
    finally:
        await engine.dispose()


async def test_writers_take_turns_in_the_order_they_asked(
    settings: Settings, tmp_path: Path
) -> None:
    """Write transactions that wait on something else midway (a slow call not yet released)
    run one after the other, first come first served, none failing with "database is
    locked"."""
    engine = make_engine(settings, f"sqlite+aiosqlite:///{tmp_path / 'turns.db'}")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (n INTEGER, step TEXT)"))
        order: list[tuple[int, str]] = []

        async def write(n: int) -> None:
            async with engine.begin() as conn:
                await conn.execute(text("INSERT INTO t VALUES (:n, 'first')"), {"n": n})
                order.append((n, "first"))
                await asyncio.sleep(0.05)
                await conn.execute(text("INSERT INTO t VALUES (:n, 'second')"), {"n": n})
                order.append((n, "second"))

        tasks = []
        for n in range(4):
            tasks.append(asyncio.create_task(write(n)))
            await asyncio.sleep(0.005)  # asked in this order
        await asyncio.gather(*tasks)
        assert order == [(n, step) for n in range(4) for step in ("first", "second")]
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 8
    finally:
        await engine.dispose()


async def test_a_turn_never_given_back_is_taken_over(settings: Settings, tmp_path: Path) -> None:
    """The guard behind every way a transaction ends: a turn whose holder no longer holds a
    transaction is taken over after the busy timeout instead of blocking writes for good."""
    engine = make_engine(settings, f"sqlite+aiosqlite:///{tmp_path / 'stale.db'}")
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER)"))
        async with engine.connect() as conn:
            raw = await conn.get_raw_connection()
            adapted = raw.dbapi_connection
            assert isinstance(adapted, OneHopConnection)
            adapted.dbapi.write_turns.timeout = 0.2
            await adapted.take_write_turn()
            adapted._turn = None  # lost: never released, and no transaction behind it
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO t (id) VALUES (1)"))
        async with engine.connect() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == 1
    finally:
        await engine.dispose()
