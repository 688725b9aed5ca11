"""Helpers for step library tests: steps made through the API."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Person, Tenant


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


async def make_step(client: AsyncClient, person: Person, **fields: Any) -> dict[str, Any]:
    body = {"title": "Clear the cached credential", "body": "Run `cmdkey /list`.", "kind": "action"}
    body.update(fields)
    r = await client.post("/api/v1/steps", headers=person.headers, json=body)
    assert r.status_code == 201, r.text
    return dict(r.json())
