"""Autotask and HaloPSA behind the same interface, end to end through the API: saved settings,
connection test, ticket context at session start, and a push delivered by the outbox."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.psa.outbox import Outbox
from tests.fakes import autotask as at_fake
from tests.fakes import halopsa as halo_fake
from tests.fixtures.factories import Tenant
from tests.psa.conftest import start, timeline


@pytest.fixture(scope="module")
def at_server() -> Iterator[at_fake.FakeAutotask]:
    with at_fake.FakeAutotask() as server:
        yield server


@pytest.fixture(scope="module")
def halo_server() -> Iterator[halo_fake.FakeHaloPSA]:
    with halo_fake.FakeHaloPSA() as server:
        yield server


async def _save(client: AsyncClient, tenant: Tenant, body: dict[str, Any]) -> None:
    r = await client.put("/api/v1/integrations/psa", headers=tenant.admin.headers, json=body)
    assert r.status_code == 200, r.text
    assert r.json()["secrets_set"]
    r = await client.post("/api/v1/integrations/psa/test", headers=tenant.admin.headers)
    assert r.json()["ok"] is True, r.text


async def test_autotask_ticket_context_and_an_internal_note(
    client: AsyncClient, tenant: Tenant, at_server: at_fake.FakeAutotask, outbox: Outbox
) -> None:
    at_server.reset()
    await _save(
        client,
        tenant,
        {
            "provider": "autotask",
            "username": at_fake.USERNAME,
            "secret": at_fake.SECRET,
            "integration_code": at_fake.INTEGRATION_CODE,
            "zone_url": at_server.url + "/atservicesrest/",
        },
    )
    session = await start(client, tenant, "5001")
    linked = next(
        e for e in await timeline(client, tenant, session["id"]) if e["type"] == "ticket_linked"
    )
    assert linked["payload"]["summary"] == "Outlook keeps asking for password"
    assert linked["payload"]["provider"] == "autotask"

    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push",
        headers=tenant.engineer.headers,
        json={"note_type": "internal", "time_entry": True, "status": "Complete"},
    )
    assert r.status_code == 202, r.text
    # Autotask here takes notes only: no time entry or status change is attempted.
    assert r.json()["time_minutes"] is None and r.json()["target_status"] is None
    await outbox.run_due()
    [note] = [
        n for n in at_server.notes(5001) if "[ResolutionFlow RF-" in str(n.get("description"))
    ]
    assert note["publish"] == 2  # Internal Only
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    assert view["pushes"][0]["state"] == "sent" and view["supports_status"] is False


async def test_halopsa_ticket_context_and_a_private_note(
    client: AsyncClient, tenant: Tenant, halo_server: halo_fake.FakeHaloPSA, outbox: Outbox
) -> None:
    halo_server.reset()
    await _save(
        client,
        tenant,
        {
            "provider": "halopsa",
            "base_url": halo_server.url,
            "client_id": halo_fake.CLIENT_ID,
            "client_secret": halo_fake.CLIENT_SECRET,
        },
    )
    session = await start(client, tenant, "1001")
    linked = next(
        e for e in await timeline(client, tenant, session["id"]) if e["type"] == "ticket_linked"
    )
    assert linked["payload"]["company"] == "Contoso Dental"
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push",
        headers=tenant.engineer.headers,
        json={"note_type": "internal"},
    )
    assert r.status_code == 202, r.text
    await outbox.run_due()
    [note] = [n for n in halo_server.notes(1001) if "[ResolutionFlow RF-" in str(n.get("note"))]
    assert note["hiddenfromuser"] is True and note["sendemail"] is False
    # Fields of another provider are refused, not silently stored.
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={"provider": "halopsa", "base_url": halo_server.url, "company_id": "acme"},
    )
    assert r.status_code == 422
