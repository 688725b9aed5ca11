"""The ConnectWise stand-in (shared with the provider tests) and a tenant connected to it."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.psa.outbox import Outbox
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant


async def connect(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, **extra: Any
) -> dict[str, Any]:
    """Saves ConnectWise settings pointing at the stand-in, through the real API."""
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={"provider": "connectwise", **cw.credentials(), **extra},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def start(
    client: AsyncClient, tenant: Tenant, ticket_id: str = "1001", title: str = "Outlook"
) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": title, "ticket_id": ticket_id},
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


@pytest.fixture
def outbox(app: FastAPI) -> Outbox:
    """The app's outbox; no worker runs under the test client, so tests drive `run_due()`."""
    box: Outbox = app.state.psa_outbox
    return box


async def timeline(client: AsyncClient, tenant: Tenant, session_id: str) -> list[dict[str, Any]]:
    r = await client.get(f"/api/v1/sessions/{session_id}", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    return list(r.json()["timeline"])


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


@pytest.fixture
async def other_tenant(factory: Factory) -> Tenant:
    return await factory.tenant()
