"""Liveness and readiness probes."""

from httpx import AsyncClient


async def test_health_says_ok(client: AsyncClient) -> None:
    r = await client.get("/api/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


async def test_ready_checks_database_and_migrations(client: AsyncClient) -> None:
    r = await client.get("/api/health/ready")
    assert r.status_code == 200
    assert r.json() == {
        "status": "ok",
        "database": "ok",
        "migrations": "current",
        "storage": "ok",
    }
