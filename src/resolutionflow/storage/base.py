"""The storage interface: put and get opaque blobs by key. Keys are generated, never user input."""

from __future__ import annotations

from typing import Protocol


class StorageError(Exception):
    """The blob could not be stored or read; the caller reports a clear error."""


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...
