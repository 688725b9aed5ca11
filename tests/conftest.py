"""Test setup. The database is built by running the migrations, on SQLite by default or on the
PostgreSQL server named by RF_TEST_DATABASE_URL (which `make test` starts)."""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

# Settings are read from the environment once; set them before the app is imported.
_DATA_DIR = Path(tempfile.mkdtemp(prefix="rf-test-"))
os.environ.update(
    {
        "RESOLUTIONFLOW_ENVIRONMENT": "test",
        "RESOLUTIONFLOW_DATA_DIR": str(_DATA_DIR),
        "RESOLUTIONFLOW_SECRET_KEY": secrets.token_urlsafe(32),
        # Cheap hashing keeps the suite fast; production defaults are tested in test_passwords.
        "RESOLUTIONFLOW_ARGON2_TIME_COST": "1",
        "RESOLUTIONFLOW_ARGON2_MEMORY_COST": "1024",
        "RESOLUTIONFLOW_LOG_LEVEL": "INFO",
        # Model retries back off for milliseconds, not seconds (the policy is tested apart).
        "RESOLUTIONFLOW_LLM_BACKOFF_BASE_S": "0.01",
        "RESOLUTIONFLOW_LLM_TIMEOUT_S": "5",
        "RESOLUTIONFLOW_PSA_BACKOFF_BASE_S": "0.01",
        "RESOLUTIONFLOW_PSA_TIMEOUT_S": "3",
        "RESOLUTIONFLOW_PSA_OUTBOX_BACKOFF_S": "0.05",
        # The vendor stand-ins listen on loopback, which the outbound policy refuses unless the
        # installation allows it (tests/outbound proves the refusal without this allowlist).
        "RESOLUTIONFLOW_OUTBOUND_ALLOW": "127.0.0.0/8,::1",
    }
)
for _name in ("SMTP_HOST", "LLM_PROVIDER", "LLM_API_KEY", "LLM_BASE_URL", "ENCRYPTION_KEYS"):
    os.environ.pop(f"RESOLUTIONFLOW_{_name}", None)

import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

# Property tests explore the same examples on every run: a failure found once is found again,
# and CI never fails on a lucky draw that a developer's run did not make.
hypothesis_settings.register_profile("resolutionflow", derandomize=True, deadline=None)
hypothesis_settings.load_profile("resolutionflow")
from fastapi import FastAPI  # noqa: E402
from httpx import ASGITransport, AsyncClient  # noqa: E402

from resolutionflow.config import get_settings  # noqa: E402
from tests.fakes.connectwise import FakeConnectWise  # noqa: E402
from tests.fixtures.database import create_test_database, drop_test_database  # noqa: E402
from tests.fixtures.factories import Factory  # noqa: E402


@pytest.fixture(scope="session")
def database_url() -> Iterator[str]:
    database = create_test_database(os.environ.get("RF_TEST_DATABASE_URL"), _DATA_DIR)
    os.environ.update(database.environment())
    get_settings.cache_clear()
    try:
        yield database.url
    finally:
        drop_test_database(database)


@pytest.fixture(scope="session")
async def app(database_url: str) -> AsyncIterator[FastAPI]:
    from resolutionflow.app import create_app

    application = create_app(get_settings())
    yield application
    await application.state.engine.dispose()


def _random_ip() -> str:
    # Each client gets its own address so per-address sign-in throttling never leaks across tests.
    return "10.{}.{}.{}".format(*secrets.token_bytes(3))


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[AsyncClient]:
    transport = ASGITransport(app=app, client=(_random_ip(), 40000))
    async with AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def factory(app: FastAPI) -> Factory:
    return Factory(app)


# Local servers speaking the Anthropic and OpenAI wire formats, for tests that drive the app's
# AI paths through the real SDKs (started on first use, one per session, wiped per test).
from tests.providers.llm.conftest import (  # noqa: E402, F401 - fixtures, registered by import
    _anthropic_server,
    _openai_server,
    fake_anthropic,
    fake_openai,
)


@pytest.fixture(scope="session")
def _cw_server() -> Iterator[FakeConnectWise]:
    # 60 extra members: more than two default pages, so paging is exercised.
    with FakeConnectWise(extra_members=60) as server:
        yield server


@pytest.fixture
def cw(_cw_server: FakeConnectWise) -> FakeConnectWise:
    """The ConnectWise stand-in, back to its seed data with no faults."""
    _cw_server.reset()
    return _cw_server
