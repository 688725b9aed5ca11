"""The notification stream re-checks the sign-in on every wake-up: deactivation or a revoked API
token cuts it at once, with `event: end` saying why; the server caps its lifetime."""

from __future__ import annotations

import pytest
from httpx import AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.models import Role
from tests.fixtures.factories import Factory, Person
from tests.sessions.test_stream_access import OPEN_FOR_S, ended, open_stream, sse_events

URL = f"/api/v1/notifications/stream?max_seconds={OPEN_FOR_S}"


@pytest.fixture(autouse=True)
def _fast_rechecks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "sse_poll_interval_s", 0.1)


async def _escalate(client: AsyncClient, engineer: Person, title: str) -> None:
    sid = (
        await client.post("/api/v1/sessions", headers=engineer.headers, json={"title": title})
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/escalate",
        headers=engineer.headers,
        json={"reason": "Need a senior", "priority": "high"},
    )
    assert r.status_code == 201, r.text


async def test_a_deactivated_persons_bell_stops_at_once(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    senior = await factory.user(tenant, Role.team_admin)
    task = await open_stream(client, URL, senior)
    r = await client.patch(
        f"/api/v1/users/{senior.id}", headers=tenant.admin.headers, json={"is_active": False}
    )
    assert r.status_code == 200, r.text
    # Escalations keep coming for the others; the deactivated person hears none of them.
    await _escalate(client, tenant.engineer, "After the deactivation")

    response, end = await ended(task)
    assert end["reason"] == "unauthorized"
    unread = [e["data"] for e in sse_events(response.text) if e["event"] == "unread"]
    assert unread == ['{"unread": 0}']
    again = await client.get(URL.replace(str(OPEN_FOR_S), "0"), headers=senior.headers)
    assert again.status_code == 401


async def test_revoking_the_api_token_cuts_its_stream(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    created = await client.post(
        "/api/v1/me/tokens", headers=tenant.admin.headers, json={"name": "wallboard"}
    )
    assert created.status_code == 201, created.text
    wallboard = Person(
        tenant.admin.id,
        tenant.admin.email,
        tenant.admin.name,
        tenant.admin.role,
        tenant.id,
        created.json()["token"],
    )
    task = await open_stream(client, URL, wallboard)
    r = await client.delete(
        f"/api/v1/me/tokens/{created.json()['id']}", headers=tenant.admin.headers
    )
    assert r.status_code == 204
    _, end = await ended(task)
    assert end["reason"] == "unauthorized"


async def test_the_server_caps_the_bells_lifetime(
    client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "sse_max_stream_s", 1.0)
    tenant = await factory.tenant()
    task = await open_stream(client, "/api/v1/notifications/stream?max_seconds=3600", tenant.admin)
    await _escalate(client, tenant.engineer, "While listening")
    response, end = await ended(task)
    assert end["reason"] == "expired"
    unread = [e["data"] for e in sse_events(response.text) if e["event"] == "unread"]
    assert unread == ['{"unread": 0}', '{"unread": 1}']
