"""The backup's manifest (manifest.json): what made the backup, and every file's size and
sha256, checked in full before a restore touches anything."""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError, field_validator

from resolutionflow.config import PRIVATE_FILE

FORMAT = "resolutionflow-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
# Attachments are stored by their content hash: names that never come from the manifest's
# storage keys, so a crafted manifest cannot point a restore outside the backup directory.
_PATH = re.compile(
    rf"^({re.escape(SQLITE_FILE)}|{re.escape(POSTGRES_FILE)}|attachments/[0-9a-f]{{64}})$"
)


class BackupError(Exception):
    """The backup or restore cannot go on; the message tells the operator why and what to do."""


class FileEntry(BaseModel):
    path: str
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    # The attachment's key in storage (None for the database file).
    storage_key: str | None = None

    @field_validator("path")
    @classmethod
    def _safe_path(cls, value: str) -> str:
        if not _PATH.match(value):
            raise ValueError(f"unexpected file in a backup: {value!r}")
        return value


class Manifest(BaseModel):
    format: Literal["resolutionflow-backup"] = "resolutionflow-backup"
    format_version: int = FORMAT_VERSION
    app_version: str
    database: Literal["sqlite", "postgresql"]
    alembic_revision: str
    created_at: datetime
    database_file: FileEntry
    attachments: list[FileEntry] = Field(default_factory=list)
    # Keys the database named but storage no longer had (deleted after the snapshot was taken).
    missing_attachments: list[str] = Field(default_factory=list)

    @property
    def files(self) -> list[FileEntry]:
        return [self.database_file, *self.attachments]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def entry(root: Path, relative: str, storage_key: str | None = None) -> FileEntry:
    path = root / relative
    return FileEntry(
        path=relative, size=path.stat().st_size, sha256=sha256_of(path), storage_key=storage_key
    )


def write_private(path: Path, data: bytes) -> None:
    """A new file, 0600 from its first moment."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def write(root: Path, manifest: Manifest) -> None:
    write_private(root / MANIFEST, manifest.model_dump_json(indent=2).encode() + b"\n")


def read(root: Path) -> Manifest:
    path = root / MANIFEST
    if not path.is_file():
        raise BackupError(f"{root} is not a ResolutionFlow backup (no {MANIFEST} in it)")
    try:
        return Manifest.model_validate(json.loads(path.read_bytes()))
    except (ValueError, ValidationError) as exc:
        raise BackupError(f"{path} is not a valid backup manifest: {exc}") from exc


def verify(root: Path, manifest: Manifest) -> None:
    """Every file present with the size and sha256 the manifest recorded."""
    bad: list[str] = []
    for item in manifest.files:
        path = root / item.path
        if not path.is_file():
            bad.append(f"{item.path}: missing")
        elif path.stat().st_size != item.size:
            bad.append(f"{item.path}: size {path.stat().st_size}, expected {item.size}")
        elif sha256_of(path) != item.sha256:
            bad.append(f"{item.path}: checksum does not match")
    if bad:
        shown = "; ".join(bad[:5]) + (f" (and {len(bad) - 5} more)" if len(bad) > 5 else "")
        raise BackupError(f"the backup is damaged or was changed, nothing was restored: {shown}")
