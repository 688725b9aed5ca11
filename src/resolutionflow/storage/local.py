"""Local-disk storage under `<data_dir>/attachments`, written atomically (temp file + rename +
fsync) so an acknowledged upload survives a crash, readable by the server's user only."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

from resolutionflow.config import PRIVATE_FILE, private_dir
from resolutionflow.storage.base import StorageError, StorageUnavailable, check_key


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / check_key(key)

    def describe(self) -> str:
        return f"local disk ({self.root})"

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._put, self._path(key), data)

    def _put(self, path: Path, data: bytes) -> None:
        # Attachments are customers' screenshots and logs: the directories are 0700 and each
        # file 0600 from the moment it exists.
        private_dir(self.root, tighten_existing=True)
        private_dir(path.parent)
        tmp = path.with_name(path.name + ".tmp")
        tmp.unlink(missing_ok=True)  # left by a crash, perhaps with an older mode
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)

    async def get(self, key: str) -> bytes:
        path = self._path(key)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError as exc:
            raise StorageError("the file is missing from storage") from exc

    async def delete(self, key: str) -> None:
        path = self._path(key)
        await asyncio.to_thread(lambda: path.unlink(missing_ok=True))

    async def exists(self, key: str) -> bool:
        return await asyncio.to_thread(self._path(key).is_file)

    async def check(self) -> None:
        def writable() -> bool:
            private_dir(self.root)
            return os.access(self.root, os.W_OK | os.X_OK)

        try:
            ok = await asyncio.to_thread(writable)
        except OSError as exc:
            raise StorageUnavailable(
                f"Attachment storage {self.root} is not usable: {exc}"
            ) from exc
        if not ok:
            raise StorageUnavailable(f"Attachment storage {self.root} is not writable.")

    def keys(self) -> Iterator[str]:
        """Every stored blob's key (what `storage migrate` copies). A `.tmp` left by a crash
        is no blob: keys never contain dots."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*")):
            if path.is_file():
                key = path.relative_to(self.root).as_posix()
                try:
                    yield check_key(key)
                except StorageError:
                    continue
