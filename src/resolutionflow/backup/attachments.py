"""Attachments in a backup: every blob the database snapshot names, read and written back
through the configured storage (local disk or object storage), stored by content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from resolutionflow.backup.manifest import BackupError, FileEntry, entry, write_private
from resolutionflow.config import Settings, private_dir
from resolutionflow.storage import from_settings
from resolutionflow.storage.base import Storage, StorageError, StorageUnavailable

# Where the database records storage keys: (table, column), constants quoted into SQL (S608). A backup of an older schema may
# lack some of them; the database modules look only at those that exist.
KEY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("session_attachment", "storage_key"),
    ("knowledge_document", "storage_key"),
    ("account", "brand_logo_key"),
)


def keys_query(present: Iterable[tuple[str, str]]) -> str | None:
    """One query for every key, over the (table, column) pairs the snapshot has."""
    parts = [
        f'SELECT "{column}" AS k FROM "{table}" WHERE "{column}" IS NOT NULL'  # noqa: S608
        for table, column in present
    ]
    return " UNION ".join(parts) + " ORDER BY k" if parts else None


def configured_storage(settings: Settings) -> Storage:
    """The storage the app uses (local disk, or the object store of RESOLUTIONFLOW_STORAGE_URL)."""
    return from_settings(settings)


async def save(storage: Storage, keys: list[str], root: Path) -> tuple[list[FileEntry], list[str]]:
    """Copies each key's blob into `root/attachments/<sha256>`; returns the entries and the keys
    storage no longer had (removed after the snapshot: the restored row will lack its file,
    exactly as the live one does)."""
    private_dir(root / "attachments")
    entries: list[FileEntry] = []
    missing: list[str] = []
    for key in keys:
        try:
            data = await storage.get(key)
        except StorageUnavailable as exc:
            # An unreachable store is not a missing file: fail rather than leave files out.
            raise BackupError(f"attachment storage is unreachable: {exc}") from exc
        except StorageError:
            missing.append(key)
            continue
        relative = f"attachments/{hashlib.sha256(data).hexdigest()}"
        if not (root / relative).exists():  # the same bytes under two keys are kept once
            write_private(root / relative, data)
        entries.append(entry(root, relative, storage_key=key))
    return entries, missing


async def restore(storage: Storage, entries: list[FileEntry], root: Path) -> None:
    for item in entries:
        assert item.storage_key is not None
        try:
            await storage.put(item.storage_key, (root / item.path).read_bytes())
        except StorageError as exc:
            raise BackupError(
                f"writing {item.storage_key} to attachment storage failed ({exc}); the "
                "database was not changed yet"
            ) from exc
