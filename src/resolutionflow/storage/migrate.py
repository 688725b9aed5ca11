"""`resolutionflow storage migrate`: copy every blob from local disk to the configured object
store, verified by the sha256 of what the store gives back.

Safe to run again (and while the server runs on local disk): a key the target already holds with
the same checksum is skipped, one with other bytes is written again from the local copy. Local
files are deleted only when asked, and only once their copy has been read back intact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from resolutionflow.storage.base import Storage, StorageError
from resolutionflow.storage.local import LocalStorage


@dataclass
class MigrationReport:
    copied: int = 0
    already_there: int = 0
    deleted_local: int = 0
    # "<key>: <what went wrong>"; any entry means the migration is not complete.
    failed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def migrate(
    source: LocalStorage,
    target: Storage,
    recorded: Mapping[str, str],
    *,
    delete_local: bool = False,
    progress: Callable[[str], None] | None = None,
) -> MigrationReport:
    """Copies every key under `source` to `target`. `recorded` maps keys to the sha256 the
    database took at upload: a local file that no longer matches it is reported, not copied."""
    report = MigrationReport()
    local_keys = list(source.keys())
    for key in local_keys:
        if progress:
            progress(key)
        try:
            data = await source.get(key)
            sha = _sha(data)
            if key in recorded and recorded[key] != sha:
                report.failed.append(
                    f"{key}: the local file does not match the checksum recorded at upload"
                )
                continue
            if await target.exists(key) and _sha(await target.get(key)) == sha:
                report.already_there += 1
            else:
                await target.put(key, data)
                back = await target.get(key)
                if _sha(back) != sha:
                    report.failed.append(f"{key}: the copy read back has a different checksum")
                    continue
                report.copied += 1
            if delete_local:
                await source.delete(key)
                report.deleted_local += 1
        except StorageError as exc:
            report.failed.append(f"{key}: {getattr(exc, 'reason', exc)}")
    # Whatever the database knows of must now be in the target (a file lost before the
    # migration shows here, not as a broken download later).
    on_disk = set(local_keys)
    for key in sorted(set(recorded) - on_disk):
        try:
            present = await target.exists(key)
        except StorageError as exc:
            report.failed.append(f"{key}: {getattr(exc, 'reason', exc)}")
            continue
        if not present:
            report.failed.append(f"{key}: recorded in the database but in neither storage")
    return report
