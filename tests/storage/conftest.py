"""An S3-compatible server for the storage tests, started once per test session.

No S3 server package (MinIO, SeaweedFS, Garage) is available on this machine, so moto's server
mode stands in: a separate process on a free loopback port that speaks the real S3 wire
protocol (signed REST requests, XML errors) to the real boto3 client the app uses. It is
stopped by its own pid at the end of the session.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
import pytest

from resolutionflow.storage.s3 import S3Location, S3Storage

MOTO_SERVER = str(Path(sys.executable).parent / "moto_server")
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "rf-test-access-key",
    "AWS_SECRET_ACCESS_KEY": "rf-test-secret-key-never-logged",
    "AWS_REGION": "us-east-1",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class S3Server:
    endpoint: str

    def client(self) -> Any:
        return boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1")

    def new_bucket(self) -> str:
        name = f"rf-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def storage(self, bucket: str, prefix: str = "rf") -> S3Storage:
        return S3Storage(S3Location(bucket, prefix), endpoint_url=self.endpoint)


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    saved = {k: os.environ.get(k) for k in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    port = free_port()
    proc = subprocess.Popen(
        [MOTO_SERVER, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:  # wait until it accepts connections (start-up, not a timing assertion)
            if proc.poll() is not None:
                raise RuntimeError("moto_server exited during start-up")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield S3Server(f"http://127.0.0.1:{port}")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
