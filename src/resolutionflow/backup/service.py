"""`resolutionflow backup` and `restore`: the order of the steps, and the checks that make a
restore refuse before it changes anything (checksums, database kind, schema version, data in
the target)."""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError

from resolutionflow import __version__
from resolutionflow.backup import attachments, encryption, manifest, postgres, sqlite
from resolutionflow.backup.manifest import BackupError, Manifest
from resolutionflow.config import Settings, private_dir
from resolutionflow.db import in_use, migrate


def _kind(settings: Settings) -> str:
    return "sqlite" if settings.is_sqlite else "postgresql"


def backup(settings: Settings, path: Path, passphrase: bytes | None = None) -> Manifest:
    """Writes a backup into the new directory `path` (0700, files 0600), sealed with the
    passphrase when one is given. It is built beside `path` and renamed into place at the end,
    so `path` only ever holds a complete backup."""
    if path.exists() and (not path.is_dir() or any(path.iterdir())):
        raise BackupError(f"{path} already exists and is not empty: give a new path")
    private_dir(path.parent.resolve())
    work = Path(tempfile.mkdtemp(prefix=f".{path.name}.partial-", dir=path.parent))  # 0700
    try:
        made = asyncio.run(_backup(settings, work))
        if passphrase is not None:
            work = encryption.sealed_copy(work, passphrase)
        if path.exists():
            path.rmdir()
        os.rename(work, path)
        return made
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise


async def _backup(settings: Settings, work: Path) -> Manifest:
    url = settings.migration_database_url
    if settings.is_sqlite:
        database_file = manifest.SQLITE_FILE
        revision, keys = await asyncio.to_thread(
            sqlite.snapshot, sqlite.database_path(url), work / database_file
        )
    else:
        database_file = manifest.POSTGRES_FILE
        revision, keys = await postgres.dump(url, work / database_file)
    saved, missing = await attachments.save(attachments.configured_storage(settings), keys, work)
    made = Manifest(
        app_version=__version__,
        database="sqlite" if settings.is_sqlite else "postgresql",
        alembic_revision=revision,
        created_at=datetime.now(UTC),
        database_file=manifest.entry(work, database_file),
        attachments=saved,
        missing_attachments=missing,
    )
    manifest.write(work, made)
    return made


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    revision: str  # the schema's revision after the restore (head)


def check(settings: Settings, path: Path) -> Manifest:
    """Everything a restore verifies before it touches anything; raises BackupError."""
    found = manifest.read(path)
    manifest.verify(path, found)
    if found.database != _kind(settings):
        raise BackupError(
            f"this is a backup of a {found.database} database, but the configured database "
            f"is {_kind(settings)}: restore it into the same kind of database"
        )
    scripts = ScriptDirectory.from_config(migrate.alembic_config(settings.migration_database_url))
    try:
        known = scripts.get_revision(found.alembic_revision) is not None
    except CommandError:
        known = False
    if not known:
        raise BackupError(
            f"the backup's schema ({found.alembic_revision}, made by ResolutionFlow "
            f"{found.app_version}) is newer than this version knows "
            f"({scripts.get_current_head()}): upgrade ResolutionFlow, then restore"
        )
    return found


def _app_tables() -> set[str]:
    import resolutionflow.models  # noqa: F401 - registers every table on the metadata
    from resolutionflow.db.base import Model

    return set(Model.metadata.tables)


def restore(
    settings: Settings, path: Path, *, force: bool, passphrase: bytes | None = None
) -> Restored:
    if not encryption.is_encrypted(path):
        return _restore(settings, path, force=force)
    if passphrase is None:
        raise BackupError("this backup is encrypted: give its passphrase with --passphrase-file")
    # Opened into a private temporary directory (TMPDIR; room for one backup), and every file
    # authenticated, before anything else happens.
    with tempfile.TemporaryDirectory(prefix="rf-restore-") as opened:
        encryption.decrypt_tree(path, Path(opened), passphrase)
        return _restore(settings, Path(opened), force=force)


def _restore(settings: Settings, path: Path, *, force: bool) -> Restored:
    found = check(settings, path)
    url = settings.migration_database_url
    if in_use.in_use(settings.effective_database_url):
        # Swapping the file under a running server would leave it writing to the old one (or
        # to a half-copied new one); --force does not change that.
        raise BackupError(
            f"a server or worker has the database at {sqlite.database_path(url)} open; stop "
            "every `resolutionflow serve` and `resolutionflow worker` on it first. Nothing was "
            "changed."
        )
    if not force and _holds_data(settings):
        where = str(sqlite.database_path(url)) if settings.is_sqlite else postgres.safe_url(url)
        raise BackupError(
            f"the database at {where} already holds data; restoring would replace all of it. "
            "Nothing was changed. Run again with --force to overwrite it (back it up first)."
        )
    # Blobs first: if the database step then fails, extra blobs nobody names are harmless.
    asyncio.run(
        attachments.restore(attachments.configured_storage(settings), found.attachments, path)
    )
    dump = path / found.database_file.path
    if settings.is_sqlite:
        sqlite.restore(dump, sqlite.database_path(url))
    else:
        asyncio.run(postgres.restore(url, dump, _app_tables()))
    # Forward to this version's schema (nothing to do when the backup is as new as the code),
    # and the app's role its rights on the restored tables.
    migrate.prepare(settings)
    head = migrate.head_revision(url) or found.alembic_revision
    return Restored(found, head)


def _holds_data(settings: Settings) -> bool:
    url = settings.migration_database_url
    if settings.is_sqlite:
        return sqlite.holds_data(sqlite.database_path(url), _app_tables())
    return asyncio.run(postgres.holds_data(url, _app_tables()))
