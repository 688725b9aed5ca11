"""`resolutionflow backup` of a server under write load, restored into a fresh data dir, equals
a consistent moment of the source: every row and attachment that was acknowledged before the
backup began is there, every restored row is the source's row, and each session is a prefix of
its source timeline. Then the refusals: a database with data, a tampered file, a backup newer
than the code; and an older backup migrated forward. On SQLite, and on PostgreSQL when
RF_TEST_DATABASE_URL names a server (pg_dump/pg_restore from PATH or /usr/lib/postgresql)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

import resolutionflow.models  # noqa: F401 - every table on the metadata
from resolutionflow.auth.tokens import issue_access_token
from resolutionflow.backup import service
from resolutionflow.backup.manifest import BackupError
from resolutionflow.config import Settings, get_settings
from resolutionflow.db import in_use, migrate
from resolutionflow.db.base import Model
from resolutionflow.db.engine import make_engine, make_sessionmaker
from resolutionflow.models import Account, Role, User
from tests.fixtures.database import TestDatabase as Database
from tests.fixtures.database import create_test_database, drop_test_database
from tests.fixtures.factories import _password_hash
from tests.storage.conftest import S3Server

CLI = str(Path(sys.executable).parent / "resolutionflow")
SERVER = os.environ.get("RF_TEST_DATABASE_URL")
WRITERS = 4
PNG = b"\x89PNG\r\n\x1a\n"


# --- databases and processes ---------------------------------------------------------------


def _empty_database(data_dir: Path) -> Database:
    """A restore target: a fresh data dir, and on PostgreSQL a new database with no tables."""
    if not SERVER:
        return Database(f"sqlite+aiosqlite:///{data_dir / 'resolutionflow.db'}")
    from tests.fixtures.database import APP_ROLE, _admin

    name = f"rf_restore_{secrets.token_hex(4)}"
    base = make_url(SERVER).set(drivername="postgresql+asyncpg")
    server = base.render_as_string(hide_password=False)
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    owner = base.set(database=name).render_as_string(hide_password=False)
    app = base.set(database=name, username=APP_ROLE, password=None)
    return Database(app.render_as_string(hide_password=False), owner, (server, name))


def _env(database: Database, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        **database.environment(),
        "RESOLUTIONFLOW_DATA_DIR": str(data_dir),
        "RESOLUTIONFLOW_JOBS_IN_PROCESS": "false",
        # Local disk, so the test can compare the two data dirs' files.
        "RESOLUTIONFLOW_STORAGE_URL": "",
    }


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, timeout=300)


def _settings(database: Database, data_dir: Path, **extra: Any) -> Settings:
    """What the CLI would read from `_env` (the in-process tests skip a process start)."""
    return Settings(
        data_dir=data_dir,
        database_url=database.url,
        database_owner_url=database.owner_url,
        storage_url="",
        **extra,
    )


def _said(r: subprocess.CompletedProcess[str]) -> str:
    return " ".join(r.stderr.split())  # the console wraps long lines


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _owner_url(database: Database) -> str:
    return database.owner_url or database.url


async def _rows(database: Database) -> dict[str, dict[Any, tuple[Any, ...]]]:
    """Every app table's rows by primary key (the owner's view: all accounts)."""
    engine = create_async_engine(_owner_url(database), poolclass=NullPool)
    try:
        async with engine.connect() as conn:
            out: dict[str, dict[Any, tuple[Any, ...]]] = {}
            for table in Model.metadata.sorted_tables:
                pk = [table.columns.keys().index(c.name) for c in table.primary_key.columns]
                rows = (await conn.execute(select(table))).all()
                out[table.name] = {tuple(r[i] for i in pk): tuple(r) for r in rows}
            return out
    finally:
        await engine.dispose()


# --- the load --------------------------------------------------------------------------------


@dataclass
class Load:
    acked_before: set[str] = field(default_factory=set)  # note texts and attachment ids
    acked: set[str] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)


async def _writer(
    http: httpx.AsyncClient, n: int, load: Load, warm: asyncio.Event, stop: asyncio.Event
) -> None:
    r = await http.post("/api/v1/sessions", json={"title": f"Printer offline, writer {n}"})
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    load.sessions.add(sid)
    i = 0
    while not stop.is_set():
        i += 1
        if i % 3 == 0:
            # Distinct bytes per upload, so a swapped blob would show.
            data = PNG + hashlib.sha256(f"{n}-{i}".encode()).digest() * 64
            r = await http.post(
                f"/api/v1/sessions/{sid}/attachments", params={"filename": "s.png"}, content=data
            )
            assert r.status_code == 201, r.text
            load.acked.add(r.json()["id"])
        else:
            r = await http.post(
                f"/api/v1/sessions/{sid}/events",
                json={"type": "note", "text": f"writer {n} note {i}"},
            )
            assert r.status_code == 201, r.text
            load.acked.add(f"writer {n} note {i}")
        if len(load.acked) >= WRITERS * 4:
            warm.set()


async def _backup_under_load(base_url: str, token: str, env: dict[str, str], path: Path) -> Load:
    load = Load()
    warm, stop = asyncio.Event(), asyncio.Event()
    async with httpx.AsyncClient(
        base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as http:
        writers = [asyncio.create_task(_writer(http, n, load, warm, stop)) for n in range(WRITERS)]
        await asyncio.wait_for(warm.wait(), 60)
        load.acked_before = set(load.acked)  # acknowledged before the backup began
        proc = await asyncio.create_subprocess_exec(
            CLI, "backup", str(path), env=env, stderr=asyncio.subprocess.PIPE
        )
        _, err = await proc.communicate()
        stop.set()
        await asyncio.gather(*writers)
    assert proc.returncode == 0, err.decode()
    return load


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        proc = subprocess.Popen(
            [CLI, "serve", "--port", str(port)], env=env, stdout=out, stderr=out
        )
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"server did not start; see {log}")


async def _engineer(database: Database) -> str:
    engine = make_engine(get_settings(), _owner_url(database))
    try:
        async with make_sessionmaker(engine)() as db:
            account = Account(name="Contoso IT", slug=f"contoso-{secrets.token_hex(3)}")
            db.add(account)
            await db.flush()
            user = User(
                account_id=account.id,
                email="tech@contoso.example",
                name="Tech",
                role=Role.engineer.value,
                password_hash=_password_hash(),
            )
            db.add(user)
            await db.flush()
            await db.commit()
            token: str = issue_access_token(
                get_settings(), user_id=user.id, account_id=account.id, token_version=0
            )
            return token
    finally:
        await engine.dispose()


@dataclass
class Drill:
    source: Database
    source_dir: Path
    target: Database
    target_dir: Path
    backup: Path
    load: Load
    before: dict[str, dict[Any, tuple[Any, ...]]]  # the source before the load began
    restore: subprocess.CompletedProcess[str]

    @property
    def target_env(self) -> dict[str, str]:
        return _env(self.target, self.target_dir)

    @property
    def target_settings(self) -> Settings:
        return _settings(self.target, self.target_dir)


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Drill]:
    root = tmp_path_factory.mktemp("backup")
    source_dir, target_dir = root / "source", root / "target"
    source_dir.mkdir(mode=0o700)
    source = create_test_database(SERVER, source_dir)
    target = _empty_database(target_dir)
    try:
        token = asyncio.run(_engineer(source))
        before = asyncio.run(_rows(source))
        port = _free_port()
        server = _serve(_env(source, source_dir), port, root / "server.log")
        try:
            load = asyncio.run(
                _backup_under_load(
                    f"http://127.0.0.1:{port}", token, _env(source, source_dir), root / "b1"
                )
            )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        restored = _cli(_env(target, target_dir), "restore", str(root / "b1"))
        yield Drill(source, source_dir, target, target_dir, root / "b1", load, before, restored)
    finally:
        drop_test_database(source)
        drop_test_database(target)


# --- the drill's checks ----------------------------------------------------------------------


def test_restored_database_is_a_consistent_moment_of_the_source(drill: Drill) -> None:
    assert drill.restore.returncode == 0, drill.restore.stderr
    source = asyncio.run(_rows(drill.source))
    restored = asyncio.run(_rows(drill.target))

    # Rows that existed before the load are all there, unchanged (sessions change under load).
    for table, rows in drill.before.items():
        for pk, row in rows.items():
            assert pk in restored[table], (table, pk)
            if table != "session":
                assert restored[table][pk] == row, table

    # Every restored row is the source's row: nothing invented, nothing torn.
    seq = Model.metadata.tables["session"].columns.keys().index("last_seq")
    for table, rows in restored.items():
        for pk, row in rows.items():
            assert pk in source[table], (table, pk)
            if table == "session" and row[seq] < source[table][pk][seq]:
                continue  # written after the snapshot: checked as a prefix below
            assert row == source[table][pk], (table, pk)

    # Each session is a prefix of its source timeline, ending where its row says it ends.
    events = Model.metadata.tables["session_event"].columns.keys()
    sid_at, seq_at = events.index("session_id"), events.index("seq")
    for pk, row in restored["session"].items():
        mine = sorted(e[seq_at] for e in restored["session_event"].values() if e[sid_at] == pk[0])
        theirs = sorted(e[seq_at] for e in source["session_event"].values() if e[sid_at] == pk[0])
        assert mine == [s for s in theirs if s <= row[seq]]
        assert mine == list(range(1, row[seq] + 1))

    # Everything acknowledged before the backup began was restored.
    payload_at = events.index("payload")
    notes = {e[payload_at].get("text") for e in restored["session_event"].values()}
    attachments = {str(pk[0]) for pk in restored["session_attachment"]}
    missing = {a for a in drill.load.acked_before if a not in notes and a not in attachments}
    assert not missing
    assert {str(uuid.UUID(s)) for s in drill.load.sessions} <= {
        str(pk[0]) for pk in restored["session"]
    }
    assert len(drill.load.acked_before) >= WRITERS * 4

    if SERVER:  # the app's own role (not the owner) was given its rights on restored tables
        app_role = Database(drill.target.url)
        seen = _sql(
            app_role,
            "SELECT set_config('resolutionflow.all_accounts', 'on', true)",
            "SELECT count(*) FROM session_event",
        )
        assert seen == [len(restored["session_event"])]


def test_restored_attachments_equal_the_source_byte_for_byte(drill: Drill) -> None:
    restored = asyncio.run(_rows(drill.target))["session_attachment"]
    columns = Model.metadata.tables["session_attachment"].columns.keys()
    key_at, sha_at = columns.index("storage_key"), columns.index("sha256")
    assert len(restored) >= WRITERS * 2
    for row in restored.values():
        data = (drill.target_dir / "attachments" / row[key_at]).read_bytes()
        assert data == (drill.source_dir / "attachments" / row[key_at]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row[sha_at]


def test_backup_is_private_and_its_manifest_describes_it(drill: Drill) -> None:
    assert drill.backup.stat().st_mode & 0o777 == 0o700
    files = [p for p in drill.backup.rglob("*") if p.is_file()]
    assert files and all(p.stat().st_mode & 0o777 == 0o600 for p in files)
    manifest = json.loads((drill.backup / "manifest.json").read_text())
    assert manifest["database"] == ("postgresql" if SERVER else "sqlite")
    assert manifest["alembic_revision"] == migrate.head_revision(drill.source.url)
    for item in [manifest["database_file"], *manifest["attachments"]]:
        data = (drill.backup / item["path"]).read_bytes()
        assert (len(data), hashlib.sha256(data).hexdigest()) == (item["size"], item["sha256"])


def _mark(database: Database) -> int:
    """The restored accounts, after one more was added: a restore that did anything would
    change the count."""

    async def run() -> int:
        engine = create_async_engine(_owner_url(database), poolclass=NullPool)
        try:
            async with engine.begin() as conn:
                return int(await conn.scalar(text("SELECT count(*) FROM account")) or 0)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def test_restore_refuses_a_database_with_data_without_force(drill: Drill) -> None:
    accounts = _mark(drill.target)
    r = _cli(drill.target_env, "restore", str(drill.backup))
    assert r.returncode == 1
    assert "already holds data" in _said(r) and "--force" in _said(r)
    assert "Traceback" not in r.stderr
    assert _mark(drill.target) == accounts


@pytest.mark.skipif(
    bool(SERVER), reason="SQLite's file swap; PostgreSQL restores in one transaction"
)
def test_restore_refuses_a_sqlite_database_a_server_has_open(drill: Drill, tmp_path: Path) -> None:
    accounts = _mark(drill.target)
    server = _serve(drill.target_env, _free_port(), tmp_path / "server.log")
    try:
        assert in_use.in_use(drill.target.url)
        r = _cli(drill.target_env, "restore", "--force", str(drill.backup))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    assert r.returncode == 1
    assert "open" in _said(r) and "resolutionflow serve" in _said(r), _said(r)
    assert "Traceback" not in r.stderr
    assert _mark(drill.target) == accounts
    # The lock went with the server: a restore may go ahead now.
    assert not in_use.in_use(drill.target.url)


def _sql(database: Database, *statements: str) -> list[Any]:
    """Runs the statements as the owner; returns the last one's first column."""

    async def run() -> list[Any]:
        engine = create_async_engine(_owner_url(database), poolclass=NullPool)
        try:
            async with engine.begin() as conn:
                for statement in statements:
                    result = await conn.execute(text(statement))
                return list(result.scalars().all()) if result.returns_rows else []
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_tampered_file_fails_the_checksum_and_changes_nothing(
    drill: Drill, tmp_path: Path
) -> None:
    copy = tmp_path / "tampered"
    shutil.copytree(drill.backup, copy)
    blob = next((copy / "attachments").iterdir())
    blob.write_bytes(blob.read_bytes()[:-1] + b"\x00")
    stored = _files(drill.target_dir / "attachments")
    assert stored
    asyncio.run(_add_account(drill.target))
    accounts = _mark(drill.target)

    with pytest.raises(BackupError, match="checksum does not match") as refused:
        service.restore(drill.target_settings, copy, force=True)
    assert blob.name in str(refused.value)
    assert _mark(drill.target) == accounts  # the extra account is still there
    assert _files(drill.target_dir / "attachments") == stored


def test_a_backup_newer_than_the_code_is_refused(drill: Drill, tmp_path: Path) -> None:
    copy = tmp_path / "future"
    shutil.copytree(drill.backup, copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["alembic_revision"] = "9999_from_the_future"
    (copy / "manifest.json").write_text(json.dumps(manifest))
    accounts = _mark(drill.target)
    with pytest.raises(BackupError, match="newer than this version"):
        service.restore(drill.target_settings, copy, force=True)
    assert _mark(drill.target) == accounts


async def _add_account(database: Database) -> None:
    engine = make_engine(get_settings(), _owner_url(database))
    try:
        async with make_sessionmaker(engine)() as db:
            db.add(Account(name="Added after restore", slug=f"added-{secrets.token_hex(3)}"))
            await db.commit()
    finally:
        await engine.dispose()


# --- an older backup -------------------------------------------------------------------------


def test_an_older_backup_is_migrated_forward(tmp_path: Path) -> None:
    source_dir, target_dir = tmp_path / "old", tmp_path / "new"
    source_dir.mkdir(mode=0o700)
    source, target = _empty_database(source_dir), _empty_database(target_dir)
    try:
        head = migrate.head_revision(source.url)
        scripts = ScriptDirectory.from_config(migrate.alembic_config(source.url))
        previous = scripts.get_revision(head)
        assert previous is not None and isinstance(previous.down_revision, str)
        older = scripts.get_revision(previous.down_revision)
        assert older is not None and isinstance(older.down_revision, str)
        old = older.down_revision  # two migrations behind this code
        migrate.upgrade(_owner_url(source), old)
        if source.owner_url:
            asyncio.run(migrate.grant_app_role(source.owner_url, source.url))

        made = service.backup(_settings(source, source_dir), tmp_path / "b")
        assert made.alembic_revision == old

        restored = service.restore(_settings(target, target_dir), tmp_path / "b", force=False)
        assert restored.revision == head

        async def revision() -> str | None:
            engine = create_async_engine(_owner_url(target), poolclass=NullPool)
            try:
                current: str | None = await migrate.current_revision(engine)
                return current
            finally:
                await engine.dispose()

        assert asyncio.run(revision()) == head
    finally:
        drop_test_database(source)
        drop_test_database(target)


# --- clear failures ----------------------------------------------------------------------------


def test_pg_tools_missing_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from resolutionflow.backup import postgres

    monkeypatch.setattr(postgres.shutil, "which", lambda _name: None)
    monkeypatch.setattr(postgres.glob, "glob", lambda _pattern: [])
    with pytest.raises(BackupError, match=r"pg_dump was not found.*install the PostgreSQL client"):
        postgres.tool("pg_dump")


@pytest.mark.skipif(not SERVER, reason="PostgreSQL only")
def test_an_unusable_database_is_named_without_its_password(tmp_path: Path) -> None:
    assert SERVER
    url = make_url(SERVER).set(password="s3cr3t-pw", database=f"missing_{secrets.token_hex(3)}")
    env = {
        **os.environ,
        "RESOLUTIONFLOW_DATA_DIR": str(tmp_path / "data"),
        "RESOLUTIONFLOW_DATABASE_URL": url.render_as_string(hide_password=False),
        "RESOLUTIONFLOW_DATABASE_OWNER_URL": "",
    }
    r = _cli(env, "backup", str(tmp_path / "b"))
    assert r.returncode == 1
    assert "cannot use the database" in _said(r) and url.database in _said(r)  # type: ignore[operator]
    assert "s3cr3t-pw" not in r.stderr + r.stdout and "Traceback" not in r.stderr
    assert not (tmp_path / "b").exists()


# --- attachments on object storage -------------------------------------------------------------


def test_a_disk_backup_restores_onto_s3_and_backs_up_from_it(
    drill: Drill, s3_server: S3Server, tmp_path: Path
) -> None:
    """Attachments go through the configured storage both ways: the drill's disk backup is
    restored into an installation on S3, whose own backup then holds the same files."""
    bucket = s3_server.new_bucket()
    target_dir = tmp_path / "on-s3"
    target = _empty_database(target_dir)
    on_s3 = _settings(target, target_dir).model_copy(
        update={"storage_url": f"s3://{bucket}/rf", "s3_endpoint_url": s3_server.endpoint}
    )
    try:
        service.restore(on_s3, drill.backup, force=False)
        original = json.loads((drill.backup / "manifest.json").read_text())
        store = s3_server.storage(bucket)
        for item in original["attachments"]:
            data = asyncio.run(store.get(item["storage_key"]))
            assert data == (drill.backup / item["path"]).read_bytes()
        assert not (target_dir / "attachments").exists()  # nothing fell back to disk

        again = service.backup(on_s3, tmp_path / "from-s3")
        assert sorted((a.storage_key, a.sha256) for a in again.attachments) == sorted(
            (a["storage_key"], a["sha256"]) for a in original["attachments"]
        )
    finally:
        drop_test_database(target)


# --- encrypted backups -------------------------------------------------------------------------


def test_an_encrypted_backup_restores_only_with_its_passphrase(
    drill: Drill, tmp_path: Path
) -> None:
    from resolutionflow.backup.encryption import read_passphrase

    (tmp_path / "short").write_text("hunter2\n")
    with pytest.raises(BackupError, match="shorter than 12"):
        read_passphrase(tmp_path / "short")
    (tmp_path / "pass").write_text("a long passphrase kept in the vault\n")
    passphrase = read_passphrase(tmp_path / "pass")

    sealed = tmp_path / "sealed"
    service.backup(_settings(drill.source, drill.source_dir), sealed, passphrase)
    assert sealed.stat().st_mode & 0o777 == 0o700
    files = [p for p in sealed.rglob("*") if p.is_file()]
    assert len(files) > WRITERS * 2 and all(p.stat().st_mode & 0o777 == 0o600 for p in files)
    for path in files:  # nothing readable: no database, no screenshot, no manifest in clear
        data = path.read_bytes()
        assert b"SQLite format 3" not in data and b"PGDMP" not in data
        assert PNG not in data and b"storage_key" not in data and b"writer 0 note" not in data

    target_dir = tmp_path / "target"
    target = _empty_database(target_dir)
    settings = _settings(target, target_dir)
    try:
        if SERVER:  # another application's table in the same database: not ours to touch
            _sql(target, "CREATE TABLE other_app (note text)", "INSERT INTO other_app VALUES ('x')")
        with pytest.raises(BackupError, match="encrypted: give its passphrase"):
            service.restore(settings, sealed, force=False)
        with pytest.raises(BackupError, match="wrong passphrase"):
            service.restore(settings, sealed, force=False, passphrase=b"not the passphrase!")
        changed = tmp_path / "changed"
        shutil.copytree(sealed, changed)
        victim = changed / ("database.sqlite3" if not SERVER else "database.pgdump")
        raw = bytearray(victim.read_bytes())
        raw[len(raw) // 2] ^= 1
        victim.write_bytes(bytes(raw))
        with pytest.raises(BackupError, match="the backup was changed"):
            service.restore(settings, changed, force=False, passphrase=passphrase)
        assert not service._holds_data(settings)  # the refusals changed nothing
        assert not (target_dir / "attachments").exists()

        service.restore(settings, sealed, force=False, passphrase=passphrase)
        # The load has stopped: the restored database equals the source, table for table.
        assert asyncio.run(_rows(target)) == asyncio.run(_rows(drill.source))
        source_files = _files(drill.source_dir / "attachments")
        assert _files(target_dir / "attachments") == source_files and source_files
        if SERVER:
            assert _sql(target, "SELECT note FROM other_app") == ["x"]
    finally:
        drop_test_database(target)


def test_unreachable_storage_fails_the_backup_instead_of_leaving_files_out(
    drill: Drill, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "rf-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "rf-test-secret")
    nowhere = _settings(drill.source, drill.source_dir).model_copy(
        update={
            "storage_url": "s3://rf-backups/rf",
            "s3_endpoint_url": f"http://127.0.0.1:{_free_port()}",  # nothing listens there
            "s3_region": "us-east-1",
            "s3_max_attempts": 1,
        }
    )
    with pytest.raises(BackupError, match="attachment storage is unreachable"):
        service.backup(nowhere, tmp_path / "b")
    assert not (tmp_path / "b").exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no partial directory left behind
