"""A database connection the server dropped (a restart, a failover) costs the request in flight
a clear 503, not a 500; the pool then starts afresh and the next request succeeds. The pool
does not ping before each checkout (that was a round trip per checkout), so this is the path
that matters."""

from __future__ import annotations

import os

import asyncpg
import pytest
from httpx import AsyncClient
from sqlalchemy.engine import make_url

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory

pytestmark = pytest.mark.skipif(
    not os.environ.get("RF_TEST_DATABASE_URL"), reason="needs a PostgreSQL server to drop us"
)


async def _drop_app_connections() -> int:
    owner = make_url(os.environ["RESOLUTIONFLOW_DATABASE_OWNER_URL"])
    app_role = make_url(os.environ["RESOLUTIONFLOW_DATABASE_URL"]).username
    conn = await asyncpg.connect(
        host=owner.host, port=owner.port, user=owner.username, database=owner.database
    )
    try:
        return len(
            await conn.fetch(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE usename = $1 AND datname = current_database()",
                app_role,
            )
        )
    finally:
        await conn.close()


async def test_a_dropped_connection_is_a_503_and_the_next_request_works(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    assert (await client.get("/api/v1/me", headers=tenant.engineer.headers)).status_code == 200
    assert await _drop_app_connections() > 0

    statuses = []
    for _ in range(3):
        r = await client.get("/api/v1/me", headers=tenant.engineer.headers)
        statuses.append(r.status_code)
        if r.status_code == 503:
            body = assert_problem(r, 503)
            assert "nothing was saved" in body["detail"]
            assert r.headers["retry-after"] == "1"
    # The request that met the dead connection fails cleanly; the pool started afresh.
    assert statuses == [503, 200, 200]
