"""Running Alembic from code (CLI `db upgrade`, `serve`, tests) and checking the schema is current."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from resolutionflow.config import Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Tables Alembic must not compare with the models: the search index is raw SQL (an FTS5
    virtual table with its shadow tables on SQLite, a tsvector table on PostgreSQL)."""
    return not (
        type_ == "table" and name is not None and name.startswith(("flow_search", "text_search"))
    )


def alembic_config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option(
        "file_template", "%%(year)d-%%(month).2d-%%(day).2d-%%(hour).2d%%(minute).2d_%%(slug)s"
    )
    cfg.attributes["database_url"] = database_url
    return cfg


def upgrade(database_url: str, revision: str = "head") -> None:
    """Blocking; call it from a thread when an event loop is running."""
    command.upgrade(alembic_config(database_url), revision)


def prepare(settings: Settings) -> None:
    """Brings the schema to head as its owner, then lets the app's role use it (when the two
    differ: PostgreSQL with row-level security, where the app's role must not own the tables).
    Blocking, like `upgrade`."""
    upgrade(settings.migration_database_url)
    if settings.database_owner_url:
        asyncio.run(
            grant_app_role(settings.migration_database_url, settings.effective_database_url)
        )


async def grant_app_role(owner_url: str, app_url: str) -> None:
    """Data rights (never DDL, never ownership) on every table and sequence to the app's role.
    Idempotent: it runs after every upgrade, so tables a migration added are covered."""
    role = make_url(app_url).username
    if not role or role == make_url(owner_url).username:
        return
    engine = create_async_engine(owner_url)
    try:
        async with engine.begin() as conn:
            quoted = '"' + role.replace('"', '""') + '"'
            for statement in (
                f"GRANT USAGE ON SCHEMA public TO {quoted}",
                f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}",
                f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}",
                # The schema's version is the owner's business.
                f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {quoted}",
            ):
                await conn.exec_driver_sql(statement)
    finally:
        await engine.dispose()


async def upgrade_async(database_url: str) -> None:
    await asyncio.to_thread(upgrade, database_url)


def head_revision(database_url: str) -> str | None:
    return ScriptDirectory.from_config(alembic_config(database_url)).get_current_head()


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as conn:
        return await conn.run_sync(
            lambda sync_conn: MigrationContext.configure(sync_conn).get_current_revision()
        )
