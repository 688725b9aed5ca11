"""The app with attachments on an S3-compatible store: uploads land in the bucket, downloads
come back through the app with today's headers, readiness names storage when the store is
down, and a malformed storage URL stops the start."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from pydantic import ValidationError

from resolutionflow.config import Settings
from resolutionflow.storage import from_settings
from resolutionflow.storage.local import LocalStorage
from resolutionflow.storage.s3 import S3Location, S3Storage
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory
from tests.sessions.flows import start
from tests.storage.conftest import CREDENTIALS, S3Server, free_port

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
PREFIX = "tenants/files"


@pytest.fixture
def on_s3(app: FastAPI, s3_server: S3Server) -> Iterator[tuple[S3Server, str]]:
    """The running app's storage swapped for the S3 store the settings would build."""
    bucket = s3_server.new_bucket()
    settings = Settings(storage_url=f"s3://{bucket}/{PREFIX}", s3_endpoint_url=s3_server.endpoint)
    storage = from_settings(settings)
    assert isinstance(storage, S3Storage)
    before = app.state.storage
    app.state.storage = storage
    try:
        yield s3_server, bucket
    finally:
        app.state.storage = before


@pytest.fixture
def storage_down(app: FastAPI) -> Iterator[None]:
    before = app.state.storage
    # Nothing listens on this port: the store is down.
    app.state.storage = S3Storage(
        S3Location("rf-attachments", "x"), endpoint_url=f"http://127.0.0.1:{free_port()}"
    )
    try:
        yield
    finally:
        app.state.storage = before


async def test_attachments_go_to_the_bucket_and_come_back_with_the_same_headers(
    client: AsyncClient, factory: Factory, on_s3: tuple[S3Server, str]
) -> None:
    server, bucket = on_s3
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    sid = (await start(client, tenant, None))["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/attachments",
        params={"filename": "err.png"},
        content=PNG,
        headers=h,
    )
    assert r.status_code == 201, r.text
    shot = r.json()
    stored = server.client().get_object(
        Bucket=bucket, Key=f"{PREFIX}/{tenant.id.hex}/{shot['id'].replace('-', '')}"
    )
    assert stored["Body"].read() == PNG

    got = await client.get(shot["url"], headers=h)
    assert got.status_code == 200 and got.content == PNG
    assert got.headers["content-type"] == "image/png"
    assert got.headers["content-disposition"] == "inline; filename*=UTF-8''err.png"
    assert got.headers["content-security-policy"] == "default-src 'none'; img-src 'self'; sandbox"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["cache-control"] == "private, no-store"

    r = await client.post(
        f"/api/v1/sessions/{sid}/attachments",
        params={"filename": "setup.log"},
        content=b"<script>alert(1)</script>\n",
        headers=h,
    )
    log = await client.get(r.json()["url"], headers=h)
    assert log.headers["content-type"] == "text/plain; charset=utf-8"
    assert log.headers["content-disposition"].startswith("attachment;")

    gone = await client.delete(shot["url"], headers=h)
    assert gone.status_code == 204
    listed = server.client().list_objects_v2(Bucket=bucket, Prefix=PREFIX)
    assert [o["Key"] for o in listed.get("Contents", [])] == [
        f"{PREFIX}/{tenant.id.hex}/{r.json()['id'].replace('-', '')}"
    ]


async def test_ready_reports_storage(client: AsyncClient, on_s3: tuple[S3Server, str]) -> None:
    r = await client.get("/api/health/ready")
    assert r.status_code == 200
    assert r.json()["storage"] == "ok"


async def test_not_ready_while_the_store_is_down_and_uploads_say_why(
    client: AsyncClient, factory: Factory, storage_down: None, caplog: pytest.LogCaptureFixture
) -> None:
    r = await client.get("/api/health/ready")
    problem = assert_problem(r, 503)
    assert problem["storage"] == "unavailable" and "storage" in problem["detail"]
    # The probe answers anyone: which bucket and why is for the operator's log only.
    assert "rf-attachments" not in r.text and "127.0.0.1" not in r.text
    assert "s3://rf-attachments/x" in caplog.text and "not reachable" in caplog.text
    for secret in CREDENTIALS.values():
        assert secret not in r.text and (secret == "us-east-1" or secret not in caplog.text)

    tenant = await factory.tenant()
    sid = (await start(client, tenant, None))["id"]
    up = await client.post(
        f"/api/v1/sessions/{sid}/attachments",
        params={"filename": "err.png"},
        content=PNG,
        headers=tenant.engineer.headers,
    )
    assert "storage" in assert_problem(up, 503)["detail"]
    detail = await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    assert all(e["type"] != "attachment" for e in detail.json()["timeline"])


async def test_not_ready_when_the_bucket_does_not_exist(
    client: AsyncClient, app: FastAPI, s3_server: S3Server
) -> None:
    before = app.state.storage
    app.state.storage = s3_server.storage("rf-no-such-bucket")
    try:
        assert_problem(await client.get("/api/health/ready"), 503)
    finally:
        app.state.storage = before


def test_settings_choose_the_storage(tmp_path: Path) -> None:
    local = from_settings(Settings(data_dir=tmp_path))
    assert isinstance(local, LocalStorage) and local.root == tmp_path / "attachments"
    s3 = from_settings(
        Settings(storage_url="s3://rf-files/a/b", s3_endpoint_url="http://minio.internal:9000")
    )
    assert isinstance(s3, S3Storage)
    assert s3.location == S3Location("rf-files", "a/b")
    assert s3.describe() == "s3://rf-files/a/b at http://minio.internal:9000"


@pytest.mark.parametrize(
    "url",
    [
        "rf-files/prefix",
        "https://rf-files.s3.amazonaws.com/x",
        "s3://Bad_Bucket/x",
        "s3://key:secret@rf-files/x",
        "s3://rf-files:9000/x",
        "s3://rf-files/a/../b",
        "s3://rf-files/a//b",
        "s3://rf-files/x?region=eu",
    ],
)
def test_a_malformed_storage_url_is_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="RESOLUTIONFLOW_STORAGE_URL") as err:
        Settings(storage_url=url)
    assert "secret" not in str(err.value).replace("s3://key:secret", "")


def test_the_cli_refuses_to_start_with_a_malformed_storage_url(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESOLUTIONFLOW_DATABASE")}
    env.update(
        RESOLUTIONFLOW_DATA_DIR=str(tmp_path / "data"),
        RESOLUTIONFLOW_STORAGE_URL="s3://Bad_Bucket/attachments",
    )
    cli = str(Path(sys.executable).parent / "resolutionflow")
    r = subprocess.run([cli, "serve"], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert "RESOLUTIONFLOW_STORAGE_URL 'Bad_Bucket' is not a bucket name" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "data").exists()  # nothing started, nothing written


def test_the_aws_endpoint_variable_is_used_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", "https://r2.example.net")
    s3 = from_settings(Settings(storage_url="s3://rf-files"))
    assert isinstance(s3, S3Storage) and s3.endpoint_url == "https://r2.example.net"
    monkeypatch.setenv("AWS_ENDPOINT_URL", "https://key:secret@r2.example.net")
    with pytest.raises(ValueError, match="AWS_ENDPOINT_URL: must not carry credentials"):
        from_settings(Settings(storage_url="s3://rf-files"))
