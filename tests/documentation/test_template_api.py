"""The account's note template and personal-data redaction settings, through the API."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory
from tests.sessions.flows import send, start

DEFAULT_KEYS = ["summary", "context", "steps", "notes", "resolution", "follow_ups", "time"]


async def test_the_default_template_lists_every_section(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    r = await client.get("/api/v1/account/note-template", headers=tenant.viewer.headers)
    assert r.status_code == 200
    body = r.json()
    assert [s["key"] for s in body["sections"]] == DEFAULT_KEYS
    assert all(s["enabled"] for s in body["sections"])
    assert body["sections"][0]["heading"] == "Problem summary"


def _custom() -> dict[str, Any]:
    sections = [
        {"key": k, "heading": k.replace("_", " ").title(), "enabled": True}
        for k in reversed(DEFAULT_KEYS)
    ]
    sections[0]["enabled"] = False  # no time section
    return {"sections": sections, "header": "Acme service desk", "footer": "-- Acme MSP"}


async def test_a_saved_template_shapes_every_note(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    r = await client.put(
        "/api/v1/account/note-template", json=_custom(), headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    session = await start(client, tenant, None)
    await send(client, tenant, session["id"], type="note", text="Rebooted the switch.")
    note = (
        await client.get(
            f"/api/v1/sessions/{session['id']}/documentation", headers=tenant.engineer.headers
        )
    ).text
    assert "Acme service desk" in note and note.rstrip().endswith("-- Acme MSP")
    assert "## Time" not in note
    assert note.index("## Notes") < note.index("## Summary")
    again = await client.get("/api/v1/account/note-template", headers=tenant.engineer.headers)
    assert again.json()["header"] == "Acme service desk"


async def test_preview_renders_an_unsaved_template(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/account/note-template/preview", json=_custom(), headers=tenant.admin.headers
    )
    assert r.status_code == 200
    assert "Acme service desk" in r.json()["markdown"]
    stored = await client.get("/api/v1/account/note-template", headers=tenant.admin.headers)
    assert stored.json()["header"] == ""


async def test_bad_templates_are_refused_and_nothing_changes(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    missing = _custom()
    missing["sections"] = missing["sections"][:-1]
    assert_problem(await client.put("/api/v1/account/note-template", json=missing, headers=h), 422)
    repeated = _custom()
    repeated["sections"][1]["key"] = repeated["sections"][2]["key"]
    assert_problem(await client.put("/api/v1/account/note-template", json=repeated, headers=h), 422)
    blank = _custom()
    blank["sections"][1]["heading"] = "  "
    assert_problem(await client.put("/api/v1/account/note-template", json=blank, headers=h), 422)
    r = await client.get("/api/v1/account/note-template", headers=h)
    assert r.json()["header"] == ""
    assert_problem(
        await client.put(
            "/api/v1/account/note-template", json=_custom(), headers=tenant.engineer.headers
        ),
        403,
    )


async def test_personal_data_is_redacted_only_when_the_account_asks(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    text = "Call dana@contoso.com on +44 20 7946 0958 from 10.20.30.40"
    before = await client.post(
        "/api/v1/redaction/preview", json={"text": text}, headers=tenant.engineer.headers
    )
    assert before.json()["redacted"] == text
    r = await client.patch(
        "/api/v1/account",
        headers=tenant.admin.headers,
        json={"redact_emails": True, "redact_ip_addresses": True},
    )
    assert r.status_code == 200 and r.json()["redact_emails"] is True
    after = (
        await client.post(
            "/api/v1/redaction/preview", json={"text": text}, headers=tenant.engineer.headers
        )
    ).json()
    assert "dana@contoso.com" not in after["redacted"] and "10.20.30.40" not in after["redacted"]
    assert {f["kind"] for f in after["findings"]} == {"email", "ip_address"}


async def test_team_scope_lists_teammates_sessions_for_team_admins(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    outsider = await factory.user(tenant, Role.engineer)
    await factory.team(tenant, [tenant.admin, tenant.engineer])
    mine = await start(client, tenant, None)  # the engineer's, a teammate of the admin
    r = await client.post(
        "/api/v1/sessions", json={"title": "Outsider's"}, headers=outsider.headers
    )
    assert r.status_code == 201
    team = await client.get("/api/v1/sessions?scope=team", headers=tenant.admin.headers)
    assert [s["id"] for s in team.json()["items"]] == [mine["id"]]
    every = await client.get("/api/v1/sessions?scope=all", headers=tenant.admin.headers)
    assert len(every.json()["items"]) == 2
