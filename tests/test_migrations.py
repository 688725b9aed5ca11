"""The migrations build exactly the schema the models describe, on the database under test."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from fastapi import FastAPI
from sqlalchemy import inspect

from resolutionflow.db.base import Model
from resolutionflow.db.migrate import current_revision, head_revision, include_name


async def test_database_is_at_head(app: FastAPI, database_url: str) -> None:
    assert await current_revision(app.state.engine) == head_revision(database_url)


async def test_models_and_migrations_agree(app: FastAPI) -> None:
    def diff(sync_conn):  # type: ignore[no-untyped-def]
        context = MigrationContext.configure(
            sync_conn, opts={"compare_type": True, "include_name": include_name}
        )
        return compare_metadata(context, Model.metadata)

    async with app.state.engine.connect() as conn:
        changes = await conn.run_sync(diff)
    assert changes == [], f"models changed without a migration: {changes}"


async def test_every_tenant_table_has_an_account_id(app: FastAPI) -> None:
    # Tables that are not tenant-owned, with the reason.
    global_tables = {
        "account": "the tenant itself",
        "alembic_version": "Alembic's bookkeeping",
        "login_failure": "throttling is per email and address, before any account is known",
    }

    async with app.state.engine.connect() as conn:
        tables = await conn.run_sync(
            lambda c: {
                t: [col["name"] for col in inspect(c).get_columns(t)]
                for t in inspect(c).get_table_names()
            }
        )
    for table, columns in tables.items():
        # SQLite's FTS5 keeps its index in shadow tables (flow_search_data, ...); each
        # searchable table itself carries account_id.
        if table.startswith(("flow_search_", "text_search_")):
            continue
        if table not in global_tables:
            assert "account_id" in columns, f"{table} has no account_id"
