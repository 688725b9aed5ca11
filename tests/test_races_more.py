"""More races with one correct outcome: throttling, duplicate creation, idempotent membership."""

from __future__ import annotations

import asyncio
import json
import logging

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.logging import JsonFormatter
from tests.fixtures.factories import PASSWORD, Factory, unique


def _client_from(app: FastAPI, ip: str) -> AsyncClient:
    return AsyncClient(transport=ASGITransport(app=app, client=(ip, 1234)), base_url="http://t")


async def test_parallel_wrong_passwords_from_one_address_stop_at_the_free_failures(
    app: FastAPI, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A wait long enough that no serialised attempt outlives it, however slow the machine.
    monkeypatch.setattr(get_settings(), "login_delay_base_s", 60)
    tenant = await factory.tenant()
    free = get_settings().login_free_failures

    async def attempt(n: int) -> int:
        async with _client_from(app, "172.16.9.9") as c:
            r = await c.post(
                "/api/v1/auth/login",
                json={"email": tenant.viewer.email, "password": f"guess-{n}-{PASSWORD}"},
            )
            return r.status_code

    statuses = await asyncio.gather(*(attempt(n) for n in range(12)))
    assert sorted(set(statuses)) == [401, 429]
    assert statuses.count(401) == free, statuses


async def test_parallel_spraying_from_one_address_stops_at_its_cap(
    app: FastAPI, factory: Factory
) -> None:
    cap = get_settings().login_max_failures_per_ip

    async def attempt(n: int) -> int:
        async with _client_from(app, "172.16.9.10") as c:
            r = await c.post(
                "/api/v1/auth/login",
                json={"email": f"{unique('spray')}@example.com", "password": f"guess-{n}"},
            )
            return r.status_code

    statuses = await asyncio.gather(*(attempt(n) for n in range(cap + 5)))
    assert statuses.count(401) == cap, statuses
    assert statuses.count(429) == 5, statuses


async def test_parallel_creation_of_one_email_gives_one_user_and_409s(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    email = f"{unique('twin')}@example.com"
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    logging.getLogger().addHandler(handler)
    try:
        results = await asyncio.gather(
            *(
                client.post(
                    "/api/v1/users",
                    headers=tenant.admin.headers,
                    json={
                        "email": email,
                        "name": "Twin",
                        "role": "viewer",
                        "password": "twin-passphrase-long",
                    },
                )
                for _ in range(4)
            )
        )
    finally:
        logging.getLogger().removeHandler(handler)
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201, 409, 409, 409], [r.text for r in results]
    for r in results:
        if r.status_code == 409:
            assert r.headers["content-type"].startswith("application/problem+json")
    users = await client.get(f"/api/v1/users?q={email}", headers=tenant.admin.headers)
    assert len(users.json()["items"]) == 1
    # Database errors never carry bound values (here: the password hash) into the logs.
    assert "$argon2" not in "\n".join(lines)
    assert all(json.loads(line) for line in lines)


async def test_parallel_membership_puts_all_succeed_once(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    team_id = await factory.team(tenant)
    path = f"/api/v1/teams/{team_id}/members/{tenant.engineer.id}"
    results = await asyncio.gather(
        *(client.put(path, headers=tenant.admin.headers) for _ in range(4))
    )
    assert [r.status_code for r in results] == [204] * 4, [r.text for r in results]
    team = await client.get(f"/api/v1/teams/{team_id}", headers=tenant.admin.headers)
    assert [m["id"] for m in team.json()["members"]] == [str(tenant.engineer.id)]
