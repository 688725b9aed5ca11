"""Alembic environment: runs migrations on the async engine of the configured database."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from resolutionflow import models  # noqa: F401  (registers every table on the metadata)
from resolutionflow.config import Settings
from resolutionflow.db import rls
from resolutionflow.db.base import Model
from resolutionflow.db.engine import make_engine
from resolutionflow.db.migrate import include_name

config = context.config
target_metadata = Model.metadata


def _url() -> str:
    return config.attributes.get("database_url") or Settings().effective_database_url


def _run(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # Tenant tables force row-level security even on their owner: a data migration sees
        # and writes every account's rows (session-wide, for this migration connection only).
        connection.exec_driver_sql(f"SET {rls.ALL_ACCOUNTS_SETTING} = 'on'")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = make_engine(Settings(), _url())
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await engine.dispose()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
    else:
        asyncio.run(_run_async())


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
