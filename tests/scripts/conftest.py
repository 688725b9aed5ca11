"""Helpers for script library tests: scripts made through the API."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Person, Tenant


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


RESTART = {
    "title": "Restart a service",
    "language": "powershell",
    "body": "Restart-Service -Name {{service}} -ComputerName {{host}}",
    "params": [
        {"name": "service", "type": "string", "required": True, "help": "Service name"},
        {"name": "host", "type": "hostname", "default": "localhost"},
    ],
    "description": "Restarts a Windows service on a machine.",
    "tags": ["windows", "services"],
    "risk": "changes_state",
}


async def make_script(client: AsyncClient, person: Person, **fields: Any) -> dict[str, Any]:
    body = {**RESTART, **fields}
    r = await client.post("/api/v1/scripts", headers=person.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())
