"""Fuzzing the API with schemathesis: cases generated from /api/openapi.json, sent to a real
server as each role (and signed out), checked for zero 5xx and for responses that match what
the OpenAPI document declares (status codes, content types, bodies).

Bounded and repeatable: a few examples per operation in schemathesis' deterministic mode, and
the server runs on the database of this pass (SQLite, or the PostgreSQL server `make test`
starts), each with data of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import DEMO_PASSWORD
from tests.sessions.test_durability import _free_port

BIN = Path(sys.executable).parent
EXAMPLES = os.environ.get("RF_FUZZ_EXAMPLES", "4")
ROLES = {
    "signed out": None,
    "viewer": "viewer@acme.example",
    "engineer": "engineer@acme.example",
    "team admin": "admin@acme.example",
    "super admin": "super@acme.example",
}
# Bodies schemathesis cannot produce (a zip or a raw file) are left to their own tests.
SKIP = r"^/api/v1/(flows/import-library|flows/from-article|knowledge/documents|sessions/\{session_id\}/attachments)$"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    data_dir = tempfile.mkdtemp(prefix="rf-fuzz-")
    env = {**os.environ, "RESOLUTIONFLOW_DATA_DIR": data_dir, "RESOLUTIONFLOW_LOG_LEVEL": "WARNING"}
    pg_server = os.environ.get("RF_TEST_DATABASE_URL")
    if pg_server:
        # A database of its own on the test server, so fuzzed writes never meet other tests.
        from tests.fixtures.database import create_test_database, drop_test_database

        database = create_test_database(pg_server, Path(data_dir))
        env.update(database.environment())
    else:
        env.pop("RESOLUTIONFLOW_DATABASE_URL", None)
        env.pop("RESOLUTIONFLOW_DATABASE_OWNER_URL", None)
        database = None
    port = _free_port()
    log = open(Path(data_dir) / "server.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(BIN / "resolutionflow"), "serve", "--demo", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        else:
            raise RuntimeError(f"fuzz server did not start; see {data_dir}/server.log")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()
        if database is not None:
            drop_test_database(database)


@pytest.mark.parametrize("role", list(ROLES))
def test_fuzzed_requests_get_no_5xx_and_match_the_schema(server: str, role: str) -> None:
    headers: list[str] = []
    email = ROLES[role]
    if email is not None:
        r = httpx.post(
            f"{server}/api/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}
        )
        assert r.status_code == 200, r.text
        headers = ["-H", f"Authorization: Bearer {r.json()['access_token']}"]
    report = Path(tempfile.mkdtemp(prefix="rf-fuzz-report-"))
    run = subprocess.run(
        [
            str(BIN / "schemathesis"), "run", f"{server}/api/openapi.json", *headers,
            "--max-examples", EXAMPLES, "--generation-deterministic",
            "--phases", "fuzzing", "--workers", "2",
            "--checks", "not_a_server_error,status_code_conformance,"
            "content_type_conformance,response_schema_conformance",
            "--exclude-path-regex", SKIP,
            "--suppress-health-check", "all",
            "--request-timeout", "30",
            "--report-dir", str(report),
        ],
        capture_output=True, text=True, timeout=900, cwd=report,
    )  # fmt: skip
    failures = run.stdout.partition("FAILURES")[2].partition("SUMMARY")[0]
    assert run.returncode == 0, (failures or run.stdout)[-8000:] + run.stderr[-2000:]
