"""SQLAlchemy's asyncpg dialect, with the row-level-security settings sent together with BEGIN.

Every unit of work on PostgreSQL states its tenant when its transaction begins (`db/rls.py`):
two `set_config(..., true)` calls. Sent as their own statement that is a network round trip
per transaction — a quarter of a signed-in GET's (BEGIN, settings, query, ROLLBACK). asyncpg
sends BEGIN as a simple query, and a simple query may carry several statements, so this
adapter appends the settings to it: "BEGIN; SELECT set_config(...), set_config(...)" is one
round trip, and the settings still apply only inside that transaction.

The settings are inlined in that text (a simple query takes no parameters): they are an
account id that went through `uuid.UUID` and the literal 'on' or 'off', nothing else
(`tenant_prelude` builds them).

COMMIT goes out the same way, so notifications a transaction sends (`pg_notify`, delivered only
if it commits) travel with it instead of as a round trip of their own: `notify_on_commit`
queues them, "SELECT pg_notify(...); COMMIT" sends them. Their channel is a constant of ours and
their payload a UUID that went through `uuid.UUID`. Everything else is SQLAlchemy's dialect unchanged; URLs stay
`postgresql+asyncpg://` and `make_engine` swaps the driver name for ours (registered below).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from asyncpg.exceptions import InterfaceError
from asyncpg.transaction import Transaction, TransactionState
from sqlalchemy import make_url
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.postgresql.asyncpg import (
    AsyncAdapt_asyncpg_connection,
    AsyncAdapt_asyncpg_dbapi,
    PGDialect_asyncpg,
)
from sqlalchemy.util.concurrency import await_

DRIVER = "rf_asyncpg"

_ISOLATION = {
    "read_committed": " ISOLATION LEVEL READ COMMITTED",
    "read_uncommitted": " ISOLATION LEVEL READ UNCOMMITTED",
    "repeatable_read": " ISOLATION LEVEL REPEATABLE READ",
    "serializable": " ISOLATION LEVEL SERIALIZABLE",
}


def tenant_prelude(settings: dict[str, str], names: tuple[str, str]) -> str:
    """The statement that states a transaction's tenant, with its values checked and inlined."""
    account_id, all_accounts = settings["account_id"], settings["all_accounts"]
    if account_id:
        account_id = str(uuid.UUID(account_id))  # raises on anything but a UUID
    if all_accounts not in ("on", "off"):
        raise ValueError("all_accounts is 'on' or 'off'")
    account_setting, all_setting = names
    return (
        f"SELECT set_config('{account_setting}', '{account_id}', true), "
        f"set_config('{all_setting}', '{all_accounts}', true)"
    )


class _BeginWithPrelude(Transaction):  # type: ignore[misc]  # asyncpg is untyped
    """asyncpg's top-level transaction, begun by BEGIN and the prelude in one simple query,
    committed by the notifications queued for it and COMMIT in another."""

    def __init__(self, connection: Any, prelude: str, **options: Any) -> None:
        super().__init__(connection, **options)
        self._prelude = prelude
        self.notifications: dict[tuple[str, str], None] = {}  # ordered, each once

    async def commit(self) -> None:
        if not self.notifications:
            await super().commit()
            return
        # What asyncpg's own commit does for a top-level transaction, with the notifications.
        con = self._connection
        state: TransactionState = self._state
        if state is not TransactionState.STARTED:
            raise InterfaceError(f"cannot commit; the transaction is {state.name.lower()}")
        if con._top_xact is self:
            con._top_xact = None
        notify = ", ".join(
            f"pg_notify('{channel}', '{payload}')" for channel, payload in self.notifications
        )
        await self._send(f"SELECT {notify}; COMMIT", TransactionState.COMMITTED)

    async def start(self) -> None:
        # What asyncpg's own start() does for a top-level transaction (a nested one never
        # comes here: SQLAlchemy's savepoints are statements of their own).
        con = self._connection
        state: TransactionState = self._state
        if state is not TransactionState.NEW or con._top_xact is not None:
            raise InterfaceError("cannot start; a transaction is already under way")
        if con._protocol.is_in_transaction():
            raise InterfaceError("cannot start in a manually started transaction")
        con._top_xact = self
        query = "BEGIN" + _ISOLATION.get(self._isolation or "", "")
        if self._readonly:
            query += " READ ONLY"
        if self._deferrable:
            query += " DEFERRABLE"
        await self._send(f"{query}; {self._prelude}", TransactionState.STARTED)

    async def _send(self, query: str, then: TransactionState) -> None:
        """One simple query; the transaction is in state `then` after it, failed if it fails."""
        try:
            await self._connection.execute(query)
        except BaseException:
            self._state = TransactionState.FAILED
            raise
        self._state = then


class PreludeConnection(AsyncAdapt_asyncpg_connection):
    """A connection that sends the next transaction's prelude, if one is set, with its BEGIN."""

    __slots__ = ("prelude",)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)  # type: ignore[no-untyped-call]
        self.prelude: str | None = None

    @property
    def begun(self) -> bool:
        """Whether BEGIN has gone out (the DBAPI begins lazily, at the first statement)."""
        return self._transaction is not None

    async def _start_transaction(self) -> None:
        prelude, self.prelude = self.prelude, None
        if prelude is None or self.isolation_level == "autocommit":
            await super()._start_transaction()  # type: ignore[no-untyped-call]
            return
        transaction = _BeginWithPrelude(
            self._connection,
            prelude,
            isolation=self.isolation_level,
            readonly=self.readonly,
            deferrable=self.deferrable,
        )
        try:
            await transaction.start()
        except Exception as error:
            self._handle_exception(error)
        else:
            self._transaction = transaction

    # A transaction that ended before any statement never sent its prelude: it must not
    # reach the connection's next user (a pooled connection serves other tenants).
    def rollback(self) -> None:
        self.prelude = None
        super().rollback()  # type: ignore[no-untyped-call]

    def commit(self) -> None:
        self.prelude = None
        super().commit()  # type: ignore[no-untyped-call]


_CHANNEL = re.compile(r"[a-z_]+")


def notify_on_commit(driver_connection: Any, channel: str, payload: uuid.UUID) -> bool:
    """Queues `pg_notify(channel, payload)` to go out with the transaction's COMMIT, when the
    transaction is one of ours and under way (True); else the caller sends it itself."""
    transaction = getattr(driver_connection, "_transaction", None)
    if not isinstance(driver_connection, PreludeConnection) or not isinstance(
        transaction, _BeginWithPrelude
    ):
        return False
    if not _CHANNEL.fullmatch(channel):
        raise ValueError(f"not a channel name: {channel!r}")
    transaction.notifications[(channel, str(uuid.UUID(str(payload))))] = None
    return True


class PreludeDBAPI(AsyncAdapt_asyncpg_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> PreludeConnection:
        creator_fn = kw.pop("async_creator_fn", self.asyncpg.connect)
        cache_size = kw.pop("prepared_statement_cache_size", 100)
        name_func = kw.pop("prepared_statement_name_func", None)
        connection: PreludeConnection = await_(
            PreludeConnection.create(
                self,
                creator_fn(*arg, **kw),
                prepared_statement_cache_size=cache_size,
                prepared_statement_name_func=name_func,
            )
        )
        return connection


class PreludeDialect(PGDialect_asyncpg):
    driver = DRIVER
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> Any:
        return PreludeDBAPI(__import__("asyncpg"))  # type: ignore[no-untyped-call]


registry.register(f"postgresql.{DRIVER}", __name__, "PreludeDialect")


def prelude_url(url: str) -> str:
    """A `postgresql+asyncpg://` URL on this module's driver (others unchanged)."""
    parsed = make_url(url)
    if parsed.drivername != "postgresql+asyncpg":
        return url
    return parsed.set(drivername=f"postgresql+{DRIVER}").render_as_string(hide_password=False)
