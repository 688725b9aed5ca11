"""The unit of work: only `db/`, the job runner and the CLI commit; reads never take the write
lock; a failing request stores nothing."""

from __future__ import annotations

import asyncio
import os
import re
import sqlite3
from pathlib import Path

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from tests.fixtures.factories import Factory

SRC = Path(__file__).resolve().parents[1] / "src" / "resolutionflow"
# Where a transaction may end by hand: the unit-of-work helpers, the job runner, the CLI, and
# Alembic's migration environment.
ALLOWED = {"db", "jobs/runner.py", "cli.py", "migrations/env.py"}
ENDS = re.compile(r"\.(commit|rollback)\(\)")


def _allowed(path: Path) -> bool:
    rel = path.relative_to(SRC).as_posix()
    return any(rel == a or rel.startswith(a + "/") for a in ALLOWED)


def test_nothing_outside_the_unit_of_work_commits_or_rolls_back() -> None:
    offenders = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        if not _allowed(path)
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if ENDS.search(line)
    ]
    assert offenders == [], (
        "use db.uow (transaction, while_released) instead of committing here:\n"
        + "\n".join(offenders)
    )


def test_the_scan_would_see_a_commit() -> None:
    assert ENDS.search("    await db.commit()  # sneaky")
    assert not _allowed(SRC / "flows" / "router.py")


@pytest.mark.skipif(
    bool(os.environ.get("RF_TEST_DATABASE_URL")),
    reason="SQLite's one write lock; PostgreSQL readers never wait on writers",
)
async def test_reads_go_on_while_another_connection_holds_the_write_lock(
    app: FastAPI, client: AsyncClient, factory: Factory, database_url: str
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await client.post("/api/v1/sessions", headers=h, json={"title": "Disk full"})).json()[
        "id"
    ]
    path = database_url.split("///", 1)[1]
    writer = sqlite3.connect(path, timeout=1, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a long write elsewhere holds the lock
    try:
        me, session, listing = await asyncio.gather(
            client.get("/api/v1/me", headers=h),
            client.get(f"/api/v1/sessions/{sid}", headers=h),
            client.get("/api/v1/sessions", headers=h),
        )
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert me.status_code == 200, me.text
    assert session.status_code == 200 and session.json()["title"] == "Disk full"
    assert listing.status_code == 200 and sid in [x["id"] for x in listing.json()["items"]]


async def test_a_get_cannot_write(app: FastAPI) -> None:
    """The read session refuses writes on both databases (a GET that must record something
    says so with WriteDB)."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    async with app.state.read_sessionmaker() as db:
        with pytest.raises(DBAPIError):
            await db.execute(text("CREATE TABLE rf_should_not_exist (x int)"))


async def test_a_burst_of_writes_larger_than_the_pool_all_succeed(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    """Each write's sign-in check hands its connection back before the write begins: forty
    appends at once (the pool holds twenty) never wait on each other's read connections."""
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await client.post("/api/v1/sessions", headers=h, json={"title": "Burst"})).json()["id"]
    answers = await asyncio.gather(
        *(
            client.post(
                f"/api/v1/sessions/{sid}/events",
                headers=h,
                json={"type": "note", "text": f"note {n}"},
            )
            for n in range(40)
        )
    )
    assert [r.status_code for r in answers] == [201] * 40, {r.text for r in answers}
    timeline = (await client.get(f"/api/v1/sessions/{sid}", headers=h)).json()
    notes = [e for e in timeline["timeline"] if e["type"] == "note"]
    assert len(notes) == 40


async def test_a_burst_of_requests_reuses_the_pools_connections(app: FastAPI) -> None:
    """16 units of work at once, twice: the second burst opens no connection. A pool that
    keeps fewer than a burst closes the extra ones as they come back, and every burst then
    opens them again (a PostgreSQL backend, TLS, statements prepared again each time)."""
    from sqlalchemy import event, text

    opened = 0

    def count(*_: object) -> None:
        nonlocal opened
        opened += 1

    # One maker per pool: on PostgreSQL reads and writes share one, on SQLite each has its own.
    makers = {
        app.state.read_engine.pool: app.state.read_sessionmaker,
        app.state.engine.pool: app.state.sessionmaker,
    }
    for pool in makers:
        event.listen(pool, "connect", count)
    try:

        async def hold(maker: object) -> None:
            async with maker() as db:  # type: ignore[operator]
                await db.execute(text("SELECT 1"))
                await asyncio.sleep(0.05)

        async def burst() -> None:
            await asyncio.gather(*(hold(maker) for maker in makers.values() for _ in range(16)))

        await burst()
        opened = 0
        await burst()
        assert opened == 0
    finally:
        for pool in makers:
            event.remove(pool, "connect", count)
