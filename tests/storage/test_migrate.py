"""`resolutionflow storage migrate`: local files copied to the object store, each verified by
the checksum of what the store gives back; safe to rerun; failures reported, never hidden."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.storage.local import LocalStorage
from resolutionflow.storage.migrate import migrate
from resolutionflow.storage.repository import recorded_checksums
from resolutionflow.storage.s3 import S3Storage
from tests.fixtures.factories import Factory
from tests.sessions.flows import start
from tests.storage.conftest import S3Server

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256))


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def _local_with(tmp_path: Path, files: dict[str, bytes]) -> LocalStorage:
    local = LocalStorage(tmp_path / "attachments")
    for key, data in files.items():
        await local.put(key, data)
    return local


def _keys(server: S3Server, bucket: str) -> list[str]:
    listed = server.client().list_objects_v2(Bucket=bucket)
    return sorted(o["Key"] for o in listed.get("Contents", []))


async def test_copies_everything_verified_then_skips_it_and_deletes_only_when_asked(
    tmp_path: Path, s3_server: S3Server
) -> None:
    files = {
        "acc1/aaa": PNG,
        "acc1/knowledge/bbb": b"# Runbook\n",
        "acc2/brand-logo-c": b"\x00\xff",
    }
    local = await _local_with(tmp_path, files)
    (tmp_path / "attachments" / "acc1" / "half.tmp").write_bytes(b"left by a crash")
    bucket = s3_server.new_bucket()
    target = s3_server.storage(bucket, "rf")
    recorded = {k: _sha(v) for k, v in files.items() if k != "acc2/brand-logo-c"}

    first = await migrate(local, target, recorded)
    assert (first.copied, first.already_there, first.failed) == (3, 0, [])
    assert _keys(s3_server, bucket) == sorted(f"rf/{k}" for k in files)
    for key, data in files.items():
        assert await target.get(key) == data
        assert await local.get(key) == data  # nothing deleted without --delete-local

    again = await migrate(local, target, recorded, delete_local=True)
    assert (again.copied, again.already_there, again.deleted_local, again.ok) == (0, 3, 3, True)
    assert list(local.keys()) == []
    # Rerun after the local files are gone: the database's keys are all in the store.
    assert (await migrate(local, target, recorded)).ok


async def test_a_corrupt_local_file_or_a_lost_one_fails_the_migration(
    tmp_path: Path, s3_server: S3Server
) -> None:
    local = await _local_with(tmp_path, {"acc/good": b"fine", "acc/rotten": b"bit-rotted bytes"})
    recorded = {
        "acc/good": _sha(b"fine"),
        "acc/rotten": _sha(b"the bytes uploaded"),
        "acc/lost": _sha(b"gone from disk"),
    }
    bucket = s3_server.new_bucket()
    target = s3_server.storage(bucket, "")
    report = await migrate(local, target, recorded, delete_local=True)
    assert not report.ok and report.copied == 1
    assert sorted(report.failed) == [
        "acc/lost: recorded in the database but in neither storage",
        "acc/rotten: the local file does not match the checksum recorded at upload",
    ]
    assert _keys(s3_server, bucket) == ["acc/good"]
    assert await local.get("acc/rotten") == b"bit-rotted bytes"  # kept for the operator


class GarblingStore:
    """An object store that loses bytes: what it gives back differs from what it was given."""

    def __init__(self, inner: S3Storage) -> None:
        self.inner = inner

    async def put(self, key: str, data: bytes) -> None:
        await self.inner.put(key, data[:-1])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


async def test_a_copy_that_reads_back_different_is_a_failure_and_the_local_file_stays(
    tmp_path: Path, s3_server: S3Server
) -> None:
    local = await _local_with(tmp_path, {"acc/shot": PNG})
    target = GarblingStore(s3_server.storage(s3_server.new_bucket()))
    report = await migrate(local, target, {"acc/shot": _sha(PNG)}, delete_local=True)
    assert report.failed == ["acc/shot: the copy read back has a different checksum"]
    assert report.deleted_local == 0 and await local.get("acc/shot") == PNG


async def test_the_database_records_each_uploads_key_and_checksum(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = (await start(client, tenant, None))["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/attachments",
        params={"filename": "shot.png"},
        content=PNG,
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 201
    async with app.state.sessionmaker() as db:
        recorded = await recorded_checksums(db)
    assert recorded[f"{tenant.id.hex}/{uuid.UUID(r.json()['id']).hex}"] == _sha(PNG)


def test_the_command_copies_and_reports(tmp_path: Path, s3_server: S3Server) -> None:
    data_dir = tmp_path / "data"
    for key, data in {"acc/one": PNG, "acc/two": b"log line\n"}.items():
        (data_dir / "attachments" / "acc").mkdir(parents=True, exist_ok=True)
        (data_dir / "attachments" / key).write_bytes(data)
    bucket = s3_server.new_bucket()
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESOLUTIONFLOW_DATABASE")}
    env.update(
        RESOLUTIONFLOW_DATA_DIR=str(data_dir),
        RESOLUTIONFLOW_STORAGE_URL=f"s3://{bucket}/prod",
        RESOLUTIONFLOW_S3_ENDPOINT_URL=s3_server.endpoint,
    )
    cli = [str(Path(sys.executable).parent / "resolutionflow"), "storage", "migrate"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*cli, *args], env=env, capture_output=True, text=True, timeout=120)

    r = run()
    assert r.returncode == 0, r.stderr
    assert "copied 2, already there 0, failed 0, local files deleted 0" in r.stdout
    assert _keys(s3_server, bucket) == ["prod/acc/one", "prod/acc/two"]
    assert env["AWS_SECRET_ACCESS_KEY"] not in r.stdout + r.stderr

    r = run("--delete-local")
    assert r.returncode == 0, r.stderr
    assert "copied 0, already there 2, failed 0, local files deleted 2" in r.stdout
    assert not (data_dir / "attachments" / "acc" / "one").exists()

    env["RESOLUTIONFLOW_S3_ENDPOINT_URL"] = "http://127.0.0.1:9"  # nothing listens there
    r = run()
    assert r.returncode == 1 and "is not reachable" in r.stderr
