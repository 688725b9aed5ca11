"""The asyncpg adapter that sends a transaction's tenant with its BEGIN (db/postgres_driver.py):
the settings hold inside that transaction, cost no round trip of their own, and never reach the
connection's next user."""

from __future__ import annotations

import os
import uuid
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import text

from resolutionflow.db import rls
from resolutionflow.db.postgres_driver import PreludeConnection, notify_on_commit, tenant_prelude

pytestmark = pytest.mark.skipif(
    not os.environ.get("RF_TEST_DATABASE_URL"), reason="the adapter is PostgreSQL's"
)

_SETTINGS = text(
    f"SELECT current_setting('{rls.ACCOUNT_SETTING}', true), "
    f"current_setting('{rls.ALL_ACCOUNTS_SETTING}', true)"
)
_NAMES = (rls.ACCOUNT_SETTING, rls.ALL_ACCOUNTS_SETTING)


class _Counter:
    """Counts what goes to the server on one asyncpg connection: simple queries (BEGIN …) and
    extended-protocol executions, each a round trip."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, connection: Any) -> None:
        self.sent: list[str] = []
        protocol = type(connection._protocol)
        for name in ("query", "bind_execute"):
            original = getattr(protocol, name)

            async def counted(self_: Any, *args: Any, _o: Any = original, _n: str = name) -> Any:
                self.sent.append(_n)
                return await _o(self_, *args)

            monkeypatch.setattr(protocol, name, counted)


async def test_settings_travel_with_begin_and_apply_inside_the_transaction(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = uuid.uuid4()
    maker = app.state.read_sessionmaker
    async with maker() as db:
        rls.confine(db, account)
        await db.connection()
        raw = (await db.connection()).sync_connection.connection.dbapi_connection  # type: ignore[union-attr]
        assert isinstance(raw, PreludeConnection)
        counter = _Counter(monkeypatch, raw._connection)
        row = (await db.execute(_SETTINGS)).one()
        assert tuple(row) == (str(account), "off")
        # BEGIN with the settings (one simple query), then the statement: two, not three.
        assert counter.sent == ["query", "bind_execute"]


async def test_a_transaction_ended_before_any_statement_leaves_nothing_behind(
    app: FastAPI,
) -> None:
    async with app.state.sessionmaker() as db:
        rls.confine(db, uuid.uuid4())
        raw = (await db.connection()).sync_connection.connection.dbapi_connection  # type: ignore[union-attr]
        assert isinstance(raw, PreludeConnection)
        assert raw.prelude is not None and not raw.begun  # stated, waiting for a statement
        await db.commit()  # none came: the prelude must go with the transaction
        assert raw.prelude is None
        # The connection's next user (here the raw connection, outside any transaction of
        # ours) finds no tenant set.
        assert await raw._connection.fetchval(
            f"SELECT current_setting('{rls.ACCOUNT_SETTING}', true)"
        ) in (None, "")


async def test_the_prelude_inlines_only_a_uuid_and_on_or_off() -> None:
    with pytest.raises(ValueError):
        tenant_prelude({"account_id": "x'); DROP TABLE account; --", "all_accounts": "off"}, _NAMES)
    with pytest.raises(ValueError):
        tenant_prelude({"account_id": "", "all_accounts": "yes'"}, _NAMES)
    assert "'on'" in tenant_prelude({"account_id": "", "all_accounts": "on"}, _NAMES)


async def _under_way(db: Any) -> PreludeConnection:
    """The driver connection of `db` once its transaction has begun (with a statement)."""
    rls.confine(db, None)
    await db.execute(text("SELECT 1"))
    raw = (await db.connection()).sync_connection.connection.dbapi_connection
    assert isinstance(raw, PreludeConnection)
    return raw


async def test_notifications_go_out_with_commit_and_only_if_it_commits(
    app: FastAPI, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pg_notify` queued in a transaction travels with its COMMIT (no round trip of its own),
    reaches a listener once committed, and never when the transaction rolls back."""
    import asyncio

    import asyncpg
    from sqlalchemy import make_url

    channel = "rf_driver_test"
    heard: asyncio.Queue[str] = asyncio.Queue()
    url = make_url(database_url).set(drivername="postgresql")
    listener = await asyncpg.connect(url.render_as_string(hide_password=False))
    await listener.add_listener(channel, lambda *args: heard.put_nowait(args[-1]))
    try:
        committed, rolled_back = uuid.uuid4(), uuid.uuid4()
        async with app.state.sessionmaker() as db:
            raw = await _under_way(db)
            counter = _Counter(monkeypatch, raw._connection)
            assert notify_on_commit(raw, channel, committed)
            assert notify_on_commit(raw, channel, committed)  # once per transaction
            await asyncio.sleep(0.2)
            assert heard.empty()  # not before the commit
            await db.commit()
            assert counter.sent == ["query"]  # notifications and COMMIT: one round trip
        assert await asyncio.wait_for(heard.get(), 10) == str(committed)

        async with app.state.sessionmaker() as db:
            assert notify_on_commit(await _under_way(db), channel, rolled_back)
            await db.rollback()
        # A committed marker after it: once it arrives, the rolled-back one would have too.
        async with app.state.sessionmaker() as db:
            assert notify_on_commit(await _under_way(db), channel, committed)
            await db.commit()
        assert await asyncio.wait_for(heard.get(), 10) == str(committed)
        assert heard.empty()
    finally:
        await listener.close()


async def test_notifications_inline_only_a_channel_name_and_a_uuid(app: FastAPI) -> None:
    async with app.state.sessionmaker() as db:
        raw = await _under_way(db)
        with pytest.raises(ValueError):
            notify_on_commit(raw, "x'); DROP TABLE account; --", uuid.uuid4())
        with pytest.raises(ValueError):
            notify_on_commit(raw, "rf_ok", "x'); DROP TABLE account; --")  # type: ignore[arg-type]
        await db.rollback()
    # Outside a transaction of ours there is nothing to ride on: the caller sends it itself.
    assert notify_on_commit(object(), "rf_ok", uuid.uuid4()) is False
