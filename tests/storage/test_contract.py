"""One storage contract, run against local disk and against an S3-compatible server (moto in
server mode; see conftest.py): what every backend must do for attachments to work."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from resolutionflow.logging import quiet_http_clients
from resolutionflow.storage.base import Storage, StorageError
from resolutionflow.storage.local import LocalStorage
from tests.storage.conftest import CREDENTIALS, S3Server


@pytest.fixture(params=["local", "s3"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    if request.param == "local":
        yield LocalStorage(tmp_path / "attachments")
    else:
        server: S3Server = request.getfixturevalue("s3_server")
        yield server.storage(_bucket(server), prefix=f"t/{uuid.uuid4().hex[:8]}")


_BUCKETS: dict[str, str] = {}


def _bucket(server: S3Server) -> str:
    # One bucket for the module (prefixes keep tests apart): creating buckets is the slow part.
    if server.endpoint not in _BUCKETS:
        _BUCKETS[server.endpoint] = server.new_bucket()
    return _BUCKETS[server.endpoint]


def _key() -> str:
    return f"{uuid.uuid4().hex}/{uuid.uuid4().hex}"


async def test_put_get_delete(storage: Storage) -> None:
    key = _key()
    assert not await storage.exists(key)
    await storage.put(key, b"screenshot bytes")
    assert await storage.exists(key)
    assert await storage.get(key) == b"screenshot bytes"
    await storage.delete(key)
    assert not await storage.exists(key)
    with pytest.raises(StorageError):
        await storage.get(key)
    await storage.delete(key)  # deleting what is gone is not an error


async def test_a_missing_key_is_a_storage_error(storage: Storage) -> None:
    with pytest.raises(StorageError, match="missing"):
        await storage.get(_key())


async def test_put_overwrites(storage: Storage) -> None:
    key = _key()
    await storage.put(key, b"first version, longer than the second")
    await storage.put(key, b"second")
    assert await storage.get(key) == b"second"


async def test_binary_bytes_round_trip_unchanged(storage: Storage) -> None:
    key = _key()
    data = bytes(range(256)) * 64 + b"\r\n\x00\xff" + "é✓".encode()
    await storage.put(key, data)
    assert await storage.get(key) == data


@pytest.mark.parametrize(
    "bad", ["../escape", "a/../../b", "/absolute", "a//b", "with space", "a.tmp", "", "a/"]
)
async def test_invalid_keys_are_refused(storage: Storage, bad: str) -> None:
    with pytest.raises(StorageError, match="invalid storage key"):
        await storage.put(bad, b"x")
    with pytest.raises(StorageError, match="invalid storage key"):
        await storage.get(bad)
    with pytest.raises(StorageError, match="invalid storage key"):
        await storage.delete(bad)


async def test_a_reachable_storage_passes_its_check(storage: Storage) -> None:
    await storage.check()


async def test_s3_calls_log_no_credentials_even_at_debug(
    s3_server: S3Server, caplog: pytest.LogCaptureFixture
) -> None:
    quiet_http_clients()  # what configure_logging does at start
    storage = s3_server.storage(_bucket(s3_server), prefix="logs")
    with caplog.at_level(logging.DEBUG):
        await storage.put("acc/key", b"x")
        await storage.get("acc/key")
    assert CREDENTIALS["AWS_ACCESS_KEY_ID"] not in caplog.text
    assert CREDENTIALS["AWS_SECRET_ACCESS_KEY"] not in caplog.text
