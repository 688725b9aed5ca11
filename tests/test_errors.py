"""Unexpected failures: a problem+json 500 with a request id, never a trace."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from resolutionflow.app import create_app
from resolutionflow.config import get_settings
from tests.fixtures.factories import Factory


@pytest.fixture
async def broken_client(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[AsyncClient]:
    async def explodes(*args: object) -> None:
        raise RuntimeError("secret internals: password=hunter2hunter2")

    # A bug deep in a service, as a real one would surface.
    monkeypatch.setattr("resolutionflow.teams.service.list_teams", explodes)
    app: FastAPI = create_app(get_settings())
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client
    await app.state.engine.dispose()


async def test_unexpected_error_is_problem_json_with_request_id(
    broken_client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    tenant = await Factory(broken_client._transport.app).tenant()  # type: ignore[attr-defined]
    r = await broken_client.get("/api/v1/teams", headers=tenant.viewer.headers)
    assert r.status_code == 500
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == 500 and body["title"] == "Internal server error"
    assert len(body["request_id"]) == 32
    assert "Traceback" not in r.text and "hunter2" not in r.text and "RuntimeError" not in r.text
    assert r.headers["x-request-id"] == body["request_id"]


async def test_every_response_carries_a_request_id(client: AsyncClient) -> None:
    r = await client.get("/api/health")
    assert len(r.headers["x-request-id"]) == 32
    r = await client.get("/api/v1/me")
    assert r.status_code == 401
    assert r.json()["request_id"] == r.headers["x-request-id"]


async def test_the_500_log_line_names_the_request_id(
    broken_client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    tenant = await Factory(broken_client._transport.app).tenant()  # type: ignore[attr-defined]
    r = await broken_client.get("/api/v1/teams", headers=tenant.viewer.headers)
    errors = [rec for rec in caplog.records if rec.getMessage() == "unhandled error"]
    assert errors and getattr(errors[-1], "request_id", None) == r.json()["request_id"]


async def test_an_exhausted_connection_pool_is_a_503_to_retry_not_a_500() -> None:
    from fastapi import FastAPI
    from httpx import ASGITransport
    from httpx import AsyncClient as Client
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    from resolutionflow.errors import install_error_handlers

    probe = FastAPI()
    install_error_handlers(probe)

    @probe.get("/busy")
    async def busy() -> None:
        raise PoolTimeout("QueuePool limit of size 10 overflow 10 reached")

    async with Client(transport=ASGITransport(app=probe), base_url="http://t") as c:
        r = await c.get("/busy")
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.headers["retry-after"] == "2"
    assert "QueuePool" not in r.text
