"""Input crafted to break the storage layer gets a 4xx and changes nothing."""

from __future__ import annotations

import base64
import json
import uuid

from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fixtures.factories import PASSWORD, Factory


async def test_nul_characters_are_refused_not_stored(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    assert_problem(
        await client.post("/api/v1/teams", headers=tenant.admin.headers, json={"name": "a\x00b"}),
        422,
        field="name",
    )
    assert_problem(
        await client.patch("/api/v1/me", headers=tenant.viewer.headers, json={"name": "a\x00b"}),
        422,
        field="name",
    )
    assert_problem(
        await client.get("/api/v1/users", params={"q": "a\x00b"}, headers=tenant.admin.headers),
        422,
    )
    me = (await client.get("/api/v1/me", headers=tenant.viewer.headers)).json()
    assert me["name"] == tenant.viewer.name


async def test_nul_characters_inside_lists_are_refused_too(
    client: AsyncClient, factory: Factory
) -> None:
    # Found by the fuzzer on PostgreSQL: a NUL in one of a step's tags was a 500.
    tenant = await factory.tenant()
    step = {"title": "Clear the spooler", "kind": "action", "tags": ["printing", "a\x00b"]}
    assert_problem(
        await client.post("/api/v1/steps", headers=tenant.engineer.headers, json=step),
        422,
        field="tags",
    )
    listed = await client.get("/api/v1/steps", headers=tenant.engineer.headers)
    assert listed.json()["items"] == []


async def test_control_characters_in_names_are_refused(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    r = await client.patch(
        "/api/v1/account", headers=tenant.admin.headers, json={"name": "Acme\r\nBcc: x@evil"}
    )
    assert_problem(r, 422, field="name")
    account = (await client.get("/api/v1/account", headers=tenant.admin.headers)).json()
    assert account["name"] == tenant.name


async def test_a_nul_in_the_user_agent_still_counts_the_failed_sign_in(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/auth/login",
        json={"email": tenant.engineer.email, "password": "wrong-" + PASSWORD},
        headers={"User-Agent": "evil\x00agent"},
    )
    assert_problem(r, 401)
    events = await client.get(
        "/api/v1/audit-events?action=auth.login_failed", headers=tenant.admin.headers
    )
    failed = [e for e in events.json()["items"] if e["actor_email"] == tenant.engineer.email]
    assert len(failed) == 1 and failed[0]["user_agent"] == "evilagent"


async def test_a_cursor_without_timezone_is_400(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    raw = json.dumps({"created_at": "2020-01-01T00:00:00", "id": str(uuid.uuid4())})
    cursor = base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")
    for path in ("/api/v1/users", "/api/v1/audit-events"):
        r = await client.get(path, params={"cursor": cursor}, headers=tenant.admin.headers)
        assert_problem(r, 400)


async def test_team_names_are_unique_ignoring_case_beyond_ascii(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    assert (
        await client.post("/api/v1/teams", headers=h, json={"name": "ÉQUIPE"})
    ).status_code == 201
    assert_problem(await client.post("/api/v1/teams", headers=h, json={"name": "ÉQUIPE"}), 409)
    assert_problem(await client.post("/api/v1/teams", headers=h, json={"name": "équipe"}), 409)
    names = [t["name"] for t in (await client.get("/api/v1/teams", headers=h)).json()["items"]]
    assert names.count("ÉQUIPE") == 1 and "équipe" not in names


async def test_invite_tokens_with_odd_characters_are_422(client: AsyncClient) -> None:
    r = await client.get("/api/v1/auth/invites/" + "a%00" * 10)
    assert_problem(r, 422)
