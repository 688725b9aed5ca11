"""Rendering onto a session: "ran script X with parameters …" on the timeline and in the note,
secrets masked; a secret value is never stored (no table holds it), never logged and never in
the documentation; only someone who may work on the session records on it."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import inspect, text

from tests.fixtures.factories import Factory, Tenant
from tests.scripts.conftest import make_script

SECRET = "Sup3r-S3cret-Hunter2-xq7"
RESET = {
    "title": "Reset a local password",
    "language": "bash",
    "body": "echo {{password}} | passwd --stdin {{user}}",
    "params": [
        {"name": "user", "type": "string", "required": True},
        {"name": "password", "type": "secret", "required": True},
    ],
    "risk": "changes_state",
}


async def _session(client: AsyncClient, tenant: Tenant) -> str:
    r = await client.post(
        "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Locked out"}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _all_text(app: Any) -> str:
    """Every row of every table, as text."""
    async with app.state.sessionmaker() as db:
        conn = await db.connection()
        names = await conn.run_sync(lambda c: inspect(c).get_table_names())
        chunks = []
        for name in names:
            query = text(f'SELECT * FROM "{name}"')  # noqa: S608 (names from the inspector)
            rows = (await db.execute(query)).all()
            chunks.extend(repr(tuple(row)) for row in rows)
    return "\n".join(chunks)


async def test_the_run_is_on_the_timeline_and_in_the_note_and_the_secret_nowhere(
    client: AsyncClient, tenant: Tenant, app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    script = await make_script(client, tenant.engineer, **RESET)
    sid = await _session(client, tenant)
    r = await client.post(
        f"/api/v1/scripts/{script['id']}/render",
        headers=tenant.engineer.headers,
        json={"values": {"user": "jdoe", "password": SECRET}, "session_id": sid},
    )
    assert r.status_code == 200, r.text
    # The engineer gets the real script to run...
    assert r.json()["script"] == f"echo '{SECRET}' | passwd --stdin 'jdoe'"

    detail = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    last = detail["timeline"][-1]
    assert last["type"] == "script_ran" and last["seq"] == r.json()["recorded_seq"]
    assert last["payload"]["script_id"] == script["id"]
    assert last["payload"]["params"] == {"user": "jdoe", "password": "••••"}
    assert last["payload"]["script_title"] == "Reset a local password"

    note = await client.get(
        f"/api/v1/sessions/{sid}/documentation", headers=tenant.engineer.headers
    )
    assert note.status_code == 200
    assert "Ran script “Reset a local password” with parameters user=jdoe, password=••••" in (
        note.text
    )
    # ...and nothing else ever holds the secret.
    assert SECRET not in note.text
    assert SECRET not in str(detail)
    assert SECRET not in caplog.text
    stored = await _all_text(app)
    assert "jdoe" in stored, "the dump does reach the timeline's rows"
    assert SECRET not in stored


async def test_a_bad_value_records_nothing(client: AsyncClient, tenant: Tenant) -> None:
    script = await make_script(client, tenant.engineer, **RESET)
    sid = await _session(client, tenant)
    before = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    r = await client.post(
        f"/api/v1/scripts/{script['id']}/render",
        headers=tenant.engineer.headers,
        json={"values": {"user": "jdoe"}, "session_id": sid},
    )
    assert r.status_code == 422
    assert [e["loc"] for e in r.json()["errors"]] == [["body", "values", "password"]]
    after = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    assert len(after["timeline"]) == len(before["timeline"])


async def test_only_who_may_work_on_the_session_records_on_it(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    script = await make_script(client, tenant.engineer, **RESET)
    sid = await _session(client, tenant)
    body = {"values": {"user": "jdoe", "password": SECRET}, "session_id": sid}
    url = f"/api/v1/scripts/{script['id']}/render"
    for person in (colleague, tenant.viewer):
        r = await client.post(url, headers=person.headers, json=body)
        assert r.status_code in (403, 404), r.text
    stranger = await factory.tenant()
    r = await client.post(url, headers=stranger.engineer.headers, json=body)
    assert r.status_code == 404
    detail = (await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)).json()
    assert all(e["type"] != "script_ran" for e in detail["timeline"])
