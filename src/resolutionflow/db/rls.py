"""PostgreSQL row-level security: the safety net under the application's tenant scoping.

Every tenant table carries a policy that shows (and accepts) only the rows of the account named
by the transaction's `resolutionflow.account_id` setting, unless `resolutionflow.all_accounts`
is on. The unit of work sets both with `set_config(..., true)` (the `SET LOCAL` of a function
call) when its transaction begins, so a setting never outlives its transaction nor leaks to the
next user of a pooled connection.

Who sees what:
- a request signed in as a member of an account: that account only, for the whole request
  (reads and writes), so a query that forgets its account filter finds nothing of another
  account;
- a job's own units of work (`JobContext.transaction/finishing`): the job's account;
- everything else — sign-in lookups before the caller is known, public share links, the super
  admin, the job runner's claims, the scheduler, the CLI, migrations — all accounts: those look
  across accounts by design and scope by unguessable tokens or by the repositories.

The application's role must not own the tables (owners bypass policies unless forced, and
superusers always do): see `docs/operations.md` for the two-role setup. SQLite has no such
mechanism and keeps the application-level scoping alone.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress

from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from resolutionflow.db.postgres_driver import PreludeConnection, tenant_prelude

ACCOUNT_SETTING = "resolutionflow.account_id"
ALL_ACCOUNTS_SETTING = "resolutionflow.all_accounts"
POLICY = "tenant_isolation"

# `current_setting(..., true)` is NULL or '' when unset: then no row matches, never all rows.
_VISIBLE = (
    f"current_setting('{ALL_ACCOUNTS_SETTING}', true) = 'on' OR "
    f"{{column}} = nullif(current_setting('{ACCOUNT_SETTING}', true), '')::uuid"
)
_SET = text(
    f"SELECT set_config('{ACCOUNT_SETTING}', :account_id, true), "
    f"set_config('{ALL_ACCOUNTS_SETTING}', :all_accounts, true)"
)

# Where a session finds the account it is confined to: an account id, or a callable asked when
# each transaction begins (the request edge's: the caller is known only after the sign-in check).
Tenant = uuid.UUID | Callable[[], uuid.UUID | None] | None
_INFO_KEY = "tenant"
_UNSET = object()


def protect_table(table: str, column: str = "account_id") -> list[str]:
    """The statements that put a table under the tenant policy (migrations run them; FORCE makes
    it apply to the table's owner too, so a one-role installation still gets the net)."""
    condition = _VISIBLE.format(column=column)
    return [
        f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY',
        f'ALTER TABLE "{table}" FORCE ROW LEVEL SECURITY',
        f'DROP POLICY IF EXISTS {POLICY} ON "{table}"',
        f'CREATE POLICY {POLICY} ON "{table}" USING ({condition}) WITH CHECK ({condition})',
    ]


def unprotect_table(table: str) -> list[str]:
    return [
        f'DROP POLICY IF EXISTS {POLICY} ON "{table}"',
        f'ALTER TABLE "{table}" NO FORCE ROW LEVEL SECURITY',
        f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY',
    ]


def confine(db: AsyncSession, tenant: Tenant) -> None:
    """Confines the session's next transactions to one account (None: all accounts)."""
    db.info[_INFO_KEY] = tenant


def _account_of(session: Session) -> uuid.UUID | None:
    tenant = session.info.get(_INFO_KEY)
    return tenant() if callable(tenant) else tenant


def _parameters(account_id: uuid.UUID | None) -> dict[str, str]:
    if account_id is None:
        return {"account_id": "", "all_accounts": "on"}
    return {"account_id": str(account_id), "all_accounts": "off"}


_APPLIED_KEY = "tenant_applied"  # what the transaction under way was last told


def _on_begin(session: Session, _transaction: SessionTransaction, connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    account_id = _account_of(session)
    parameters = _parameters(account_id)
    driver_connection = connection.connection.dbapi_connection
    if isinstance(driver_connection, PreludeConnection) and not driver_connection.begun:
        # Sent with the BEGIN the first statement brings, not as a round trip of its own.
        driver_connection.prelude = tenant_prelude(
            parameters, (ACCOUNT_SETTING, ALL_ACCOUNTS_SETTING)
        )
    else:
        connection.execute(_SET, parameters)
    session.info[_APPLIED_KEY] = account_id


def _on_postgresql(db: AsyncSession) -> bool:
    return db.bind is not None and db.bind.dialect.name == "postgresql"


async def reapply(db: AsyncSession) -> None:
    """Re-reads the session's tenant inside a transaction already under way (the sign-in check's,
    which began before the caller was known)."""
    if not (db.in_transaction() and _on_postgresql(db)):
        return  # the next transaction reads it when it begins
    account_id = _account_of(db.sync_session)
    if db.sync_session.info.get(_APPLIED_KEY, _UNSET) != account_id:
        await db.execute(_SET, _parameters(account_id))
        db.sync_session.info[_APPLIED_KEY] = account_id


@asynccontextmanager
async def across_accounts(db: AsyncSession) -> AsyncIterator[None]:
    """For the few checks that are installation-wide by nature (an email, an account name is
    unique across accounts): the enclosed statements see every account's rows, then the unit of
    work is confined again. Keep the block to the check itself."""
    if not _on_postgresql(db):
        yield
        return
    await db.execute(_SET, _parameters(None))
    db.sync_session.info[_APPLIED_KEY] = None
    try:
        yield
    finally:
        # If the block's own statement failed, the transaction is aborted and can only roll
        # back (nothing more runs in it): the original error is the one to raise.
        with suppress(DBAPIError):
            await reapply(db)


class TenantSession(Session):
    """The sessions of every sessionmaker the app makes: each transaction states its tenant."""


event.listen(TenantSession, "after_begin", _on_begin)
