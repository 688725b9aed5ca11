"""The `resolutionflow` command: serve, db upgrade, admin create-account/create-user, demo,
storage migrate."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.config import get_settings
from resolutionflow.db import in_use, migrate
from resolutionflow.db.engine import make_engine, make_sessionmaker
from resolutionflow.errors import AppError

app = typer.Typer(
    help="ResolutionFlow: guided troubleshooting with ticket notes that write themselves.",
    no_args_is_help=True,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
admin_app = typer.Typer(help="Operator commands: accounts and users.", no_args_is_help=True)
storage_app = typer.Typer(help="Attachment storage (local disk or S3).", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(admin_app, name="admin")
app.add_typer(storage_app, name="storage")
console = Console(stderr=True)
T = TypeVar("T")


@app.callback()
def _settings_first() -> None:
    """Settings are checked before any command runs: a malformed one (say
    RESOLUTIONFLOW_STORAGE_URL) is one clear line and exit status 2, not a traceback."""
    from pydantic import ValidationError

    try:
        get_settings()
    except ValidationError as exc:
        for err in exc.errors():
            msg = err["msg"].removeprefix("Value error, ")
            # Name the variable to fix, unless the message already does ("Input should be
            # greater than or equal to 1" alone does not say which).
            name = "RESOLUTIONFLOW_" + "_".join(str(part) for part in err["loc"]).upper()
            if err["loc"] and name not in msg:
                msg = f"{name}: {msg}"
            console.print(f"[red]error:[/red] invalid setting: {msg}", soft_wrap=True)
        raise typer.Exit(2) from None


def _in_unit_of_work(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async def run() -> T:
        engine = make_engine(get_settings())
        try:
            async with make_sessionmaker(engine)() as db:
                result = await work(db)
                await db.commit()
                return result
        finally:
            await engine.dispose()

    try:
        return asyncio.run(run())
    except AppError as exc:
        console.print(f"[red]error:[/red] {exc.detail}")
        for err in exc.errors or []:
            console.print(f"  - {err.get('msg')}")
        raise typer.Exit(1) from exc


def _password(prompt: str) -> str:
    password = os.environ.get("RESOLUTIONFLOW_ADMIN_PASSWORD")
    if password:
        return password
    return str(typer.prompt(prompt, hide_input=True, confirmation_prompt=True))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration."""
    settings = get_settings()
    migrate.prepare(settings)
    console.print("database is up to date")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on")] = None,
    demo: Annotated[bool, typer.Option(help="Load demo data when the database is empty")] = False,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Processes serving on the one port")
    ] = 1,
) -> None:
    """Migrate the database, then serve the API and the web UI (with N processes on one port
    when --workers is above 1; each runs its own job worker unless RESOLUTIONFLOW_JOBS_IN_PROCESS
    is false)."""
    import uvicorn

    from resolutionflow.app import configure, create_app

    settings = get_settings()
    configure()
    settings.signing_key()  # generate the key file before any worker needs it
    migrate.prepare(settings)
    if demo:
        from resolutionflow.demo import database_is_empty, load_demo

        async def maybe_demo(db: AsyncSession) -> bool:
            return await load_demo(db) if await database_is_empty(db) else False

        if _in_unit_of_work(maybe_demo):
            console.print("loaded demo data (see README for the demo sign-ins)")
    common: dict[str, Any] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_config": None,
        # X-Forwarded-For/-Proto only from the proxies the operator named (none by default):
        # uvicorn would otherwise trust any loopback peer's header.
        "proxy_headers": bool(settings.trusted_proxies.strip()),
        "forwarded_allow_ips": ",".join(str(n) for n in settings.trusted_proxy_networks) or "",
        # Live streams stay open; a restart must not wait on them for ever.
        "timeout_graceful_shutdown": 10,
    }
    if workers > 1:
        # Several processes need an import string: uvicorn's supervisor starts each one, and
        # each builds its own app (engine, listener, job worker) from the same settings.
        uvicorn.run("resolutionflow.app:process_app", factory=True, workers=workers, **common)
        return
    uvicorn.run(create_app(settings), **common)


@app.command()
def worker(
    once: Annotated[bool, typer.Option(help="Run what is due now, then exit")] = False,
    concurrency: Annotated[
        int | None, typer.Option(min=1, max=64, help="Jobs run at once (default: settings)")
    ] = None,
) -> None:
    """Run background jobs and schedules in this process (beside `serve` with
    RESOLUTIONFLOW_JOBS_IN_PROCESS=false, or on another host). SIGTERM or Ctrl-C stops it
    gracefully: running jobs are handed back at once."""
    import signal

    from resolutionflow.app import configure
    from resolutionflow.jobs.handlers import make_worker
    from resolutionflow.sessions.live import Listener

    settings = get_settings()
    configure()
    migrate.prepare(settings)

    async def run() -> int:
        engine = make_engine(settings)
        listener = Listener(engine)
        try:
            jobs = make_worker(settings, make_sessionmaker(engine), listener)
            if concurrency:
                jobs.concurrency = concurrency
            if once:
                return await jobs.run_due()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, stop.set)
            jobs.start()
            console.print(f"worker {jobs.name} running (Ctrl-C to stop)")
            await stop.wait()
            await jobs.stop()
            return 0
        finally:
            await listener.close()
            await engine.dispose()

    with in_use.using(settings.effective_database_url):
        ran = asyncio.run(run())
    if once:
        console.print(f"ran {ran} jobs")


@app.command()
def demo() -> None:
    """Load the demo account, users and data (safe to run again)."""
    from resolutionflow.demo import DEMO_PASSWORD, DEMO_USERS, load_demo

    migrate.prepare(get_settings())
    created = _in_unit_of_work(load_demo)
    console.print("demo data loaded" if created else "demo data already present")
    for user in DEMO_USERS:
        console.print(f"  {user.role.value:<12} {user.email}  /  {DEMO_PASSWORD}")


@admin_app.command("create-account")
def create_account(
    name: Annotated[str, typer.Argument(help="The MSP's name")],
    admin_email: Annotated[str, typer.Option("--admin-email", help="First team admin's email")],
    admin_name: Annotated[str | None, typer.Option("--admin-name")] = None,
) -> None:
    """Create an account and its first team admin; prints the account id."""
    from resolutionflow.accounts.service import create_account as create

    password = _password("Password for the team admin")
    migrate.prepare(get_settings())

    async def work(db: AsyncSession) -> uuid.UUID:
        created = await create(
            db,
            name=name,
            admin_email=admin_email,
            admin_name=admin_name or admin_email.split("@")[0],
            admin_password=password,
            actor=None,
            client=None,
        )
        return created.account.id

    print(_in_unit_of_work(work))


@admin_app.command("create-user")
def create_user(
    email: Annotated[str, typer.Argument()],
    account_id: Annotated[str, typer.Option("--account", help="Account id")],
    role: Annotated[str, typer.Option(help="viewer|engineer|team_admin|super_admin")] = "engineer",
    name: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Create a user with a password in an existing account; prints the user id."""
    from resolutionflow.accounts.service import get_account
    from resolutionflow.auth.principal import Principal
    from resolutionflow.common.context import ClientInfo
    from resolutionflow.models import Role
    from resolutionflow.users.schemas import UserCreate
    from resolutionflow.users.service import create_user as create

    try:
        account_uuid = uuid.UUID(account_id)
        role_value = Role(role)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    password = _password(f"Password for {email}")
    migrate.prepare(get_settings())

    async def work(db: AsyncSession) -> uuid.UUID:
        await get_account(db, account_uuid)
        operator = Principal(
            user_id=None,  # type: ignore[arg-type]
            account_id=account_uuid,
            role=Role.super_admin,
            email="operator (cli)",
            name="The operator",
        )
        data = UserCreate(
            email=email, name=name or email.split("@")[0], role=role_value, password=password
        )
        created = await create(db, operator, data, ClientInfo("cli", "resolutionflow-cli"))
        return created.user.id

    print(_in_unit_of_work(work))


@admin_app.command("embed")
def admin_embed() -> None:
    """Embed every searchable piece that has no vector for the configured embedding model
    (RESOLUTIONFLOW_EMBEDDINGS_PROVIDER), account by account."""
    from sqlalchemy import select

    from resolutionflow.models import Account
    from resolutionflow.search import vectors

    if vectors.embedder() is None:
        console.print("[red]error:[/red] embeddings are off or unusable (see the log)")
        raise typer.Exit(1)

    async def run() -> int:
        engine = make_engine(get_settings())
        try:
            maker = make_sessionmaker(engine)
            async with maker() as db:
                accounts = list((await db.scalars(select(Account.id))).all())
            return sum([await vectors.fill(maker, a) for a in accounts])
        finally:
            await engine.dispose()

    console.print(f"embedded {asyncio.run(run())} pieces")


@admin_app.command("rotate-keys")
def rotate_keys() -> None:
    """Re-encrypt every stored secret (LLM keys, webhook URLs, PSA credentials) under the first
    key of RESOLUTIONFLOW_ENCRYPTION_KEYS. Running instances keep working throughout."""
    from resolutionflow.common.rotation import rotate_all

    settings = get_settings()
    migrate.prepare(settings)

    async def run() -> Any:
        engine = make_engine(settings)
        try:
            return await rotate_all(make_sessionmaker(engine))
        finally:
            await engine.dispose()

    report = asyncio.run(run())
    for column, count in report.rotated.items():
        console.print(f"{column}: {count} re-encrypted")
    if report.unreadable:
        for where in report.unreadable:
            console.print(f"[red]cannot decrypt[/red] {where} (no configured key opens it)")
        raise typer.Exit(1)
    console.print("All secrets are encrypted under the newest key.")


@storage_app.command("migrate")
def storage_migrate(
    delete_local: Annotated[
        bool,
        typer.Option(
            "--delete-local", help="Delete each local file once its copy is verified in S3"
        ),
    ] = False,
) -> None:
    """Copy every attachment (and knowledge document, logo) from <data dir>/attachments to the
    object store in RESOLUTIONFLOW_STORAGE_URL, verifying each by the sha256 of what the store
    gives back. Safe to run again: keys already there with the same checksum are skipped."""
    from resolutionflow.storage import from_settings
    from resolutionflow.storage.local import LocalStorage
    from resolutionflow.storage.migrate import migrate as copy_all
    from resolutionflow.storage.repository import recorded_checksums

    settings = get_settings()
    if not settings.storage_url:
        console.print(
            "[red]error:[/red] RESOLUTIONFLOW_STORAGE_URL is not set (s3://bucket/prefix): "
            "there is no object store to migrate to"
        )
        raise typer.Exit(2)
    migrate.prepare(settings)
    source = LocalStorage(settings.data_dir / "attachments")
    target = from_settings(settings)

    async def run() -> Any:
        from resolutionflow.storage.base import StorageError

        try:
            await target.check()
        except StorageError as exc:
            console.print(f"[red]error:[/red] {getattr(exc, 'reason', exc)}", soft_wrap=True)
            raise typer.Exit(1) from exc
        engine = make_engine(settings)
        try:
            async with make_sessionmaker(engine)() as db:
                recorded = await recorded_checksums(db)
        finally:
            await engine.dispose()
        return await copy_all(source, target, recorded, delete_local=delete_local)

    console.print(f"copying {source.describe()} to {target.describe()}", soft_wrap=True)
    report = asyncio.run(run())
    for problem in report.failed:
        console.print(f"[red]failed[/red] {problem}", soft_wrap=True)
    print(
        f"copied {report.copied}, already there {report.already_there}, "
        f"failed {len(report.failed)}, local files deleted {report.deleted_local}"
    )
    if not report.ok:
        console.print("[red]not complete:[/red] fix the failures above and run it again")
        raise typer.Exit(1)


@app.command()
def backup(
    path: Annotated[Path, typer.Argument(help="A new directory to write the backup into")],
    passphrase_file: Annotated[
        Path | None,
        typer.Option("--passphrase-file", help="Encrypt with the passphrase in this file"),
    ] = None,
) -> None:
    """Back up the database and the attachments into PATH while the server runs (a consistent
    snapshot: SQLite's online backup or pg_dump), with a manifest of versions and checksums.
    The backup holds client data and secrets: encrypt it (--passphrase-file) or store it
    encrypted (docs/operations.md)."""
    from resolutionflow.backup.encryption import read_passphrase
    from resolutionflow.backup.manifest import BackupError
    from resolutionflow.backup.service import backup as make_backup

    try:
        passphrase = read_passphrase(passphrase_file) if passphrase_file else None
        made = make_backup(get_settings(), path, passphrase)
    except BackupError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(
        f"backed up the {made.database} database (schema {made.alembic_revision}) and "
        f"{len(made.attachments)} attachments into {path}"
    )
    for key in made.missing_attachments:
        console.print(f"[yellow]not in storage[/yellow] {key} (removed after the snapshot?)")


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A directory `resolutionflow backup` wrote")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a database that already holds data")
    ] = False,
    passphrase_file: Annotated[
        Path | None,
        typer.Option("--passphrase-file", help="The passphrase of an encrypted backup"),
    ] = None,
) -> None:
    """Restore a backup into the configured database and storage (stop the server first).
    Every checksum is verified before anything changes; a database that holds data is only
    replaced with --force; an older backup is migrated forward to this version's schema."""
    from resolutionflow.backup.encryption import read_passphrase
    from resolutionflow.backup.manifest import BackupError
    from resolutionflow.backup.service import restore as restore_backup

    try:
        passphrase = read_passphrase(passphrase_file) if passphrase_file else None
        restored = restore_backup(get_settings(), path, force=force, passphrase=passphrase)
    except BackupError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    made = restored.manifest
    console.print(
        f"restored the backup of {made.created_at:%Y-%m-%d %H:%M} UTC "
        f"({len(made.attachments)} attachments); schema {made.alembic_revision}"
        + (
            f" migrated to {restored.revision}"
            if restored.revision != made.alembic_revision
            else ""
        )
    )
