"""The storage interface: put and get opaque blobs by key. Keys are generated, never user input."""

from __future__ import annotations

import logging
import re
from typing import Protocol

from resolutionflow.errors import ServiceUnavailable

log = logging.getLogger("resolutionflow.storage")

# Generated keys: `<account hex>/<id hex>` and the like. Nothing that could climb out of a
# directory or a bucket prefix (no dots, no empty segments, no leading slash).
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,128}(/[A-Za-z0-9_-]{1,128})*$")


class StorageError(Exception):
    """The blob could not be stored or read; the caller reports a clear error."""


class StorageUnavailable(StorageError, ServiceUnavailable):
    """The storage itself cannot be reached (object store down, credentials refused). Also an
    AppError, so a request that needed the blob answers 503 problem+json naming storage.

    The answer says only that; `reason` (which store, which error; never credentials) is for
    operators: it is logged, and the CLI prints it."""

    def __init__(self, reason: str) -> None:
        ServiceUnavailable.__init__(
            self, "Attachment storage is not reachable right now; try again shortly."
        )
        self.reason = reason
        self.extra = {"storage": "unavailable"}
        log.warning("attachment storage unavailable: %s", reason)


def check_key(key: str) -> str:
    if not _KEY.match(key):
        raise StorageError("invalid storage key")
    return key


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...

    async def get(self, key: str) -> bytes: ...

    async def delete(self, key: str) -> None: ...

    async def exists(self, key: str) -> bool: ...

    async def check(self) -> None:
        """Raises StorageUnavailable unless blobs can be stored and read right now."""
        ...

    def describe(self) -> str:
        """Where blobs go, for operators (never credentials)."""
        ...
