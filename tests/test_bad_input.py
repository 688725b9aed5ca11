"""Garbage in gets a clear 4xx problem+json and changes nothing."""

from __future__ import annotations

from httpx import AsyncClient

from tests.fixtures.factories import Factory


def _is_problem(r, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"].startswith("https://")
    assert "Traceback" not in r.text
    return body


async def _user_count(client: AsyncClient, headers: dict[str, str]) -> int:
    r = await client.get("/api/v1/users?include_inactive=true&limit=200", headers=headers)
    return len(r.json()["items"])


async def test_malformed_json_is_400_and_creates_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    before = await _user_count(client, tenant.admin.headers)
    r = await client.post(
        "/api/v1/users",
        content=b'{"email": "a@b.c", "name":',
        headers={**tenant.admin.headers, "content-type": "application/json"},
    )
    _is_problem(r, 400)
    assert await _user_count(client, tenant.admin.headers) == before


async def test_wrong_types_name_each_field(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    before = await _user_count(client, tenant.admin.headers)
    r = await client.post(
        "/api/v1/users",
        headers=tenant.admin.headers,
        json={"email": 42, "name": ["x"], "role": "wizard"},
    )
    body = _is_problem(r, 422)
    fields = {tuple(e["loc"])[-1] for e in body["errors"]}
    assert {"email", "name", "role"} <= fields
    assert await _user_count(client, tenant.admin.headers) == before


async def test_unknown_fields_on_writes_are_refused(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/teams", headers=tenant.admin.headers, json={"name": "Ops", "colour": "red"}
    )
    body = _is_problem(r, 422)
    assert any(e["loc"][-1] == "colour" for e in body["errors"])
    teams = (await client.get("/api/v1/teams", headers=tenant.admin.headers)).json()["items"]
    assert all(t["name"] != "Ops" for t in teams)


async def test_oversize_body_is_413(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    huge = "x" * 1_100_000
    r = await client.post(
        "/api/v1/teams", headers=tenant.admin.headers, json={"name": "Big", "description": huge}
    )
    _is_problem(r, 413)
    teams = (await client.get("/api/v1/teams", headers=tenant.admin.headers)).json()["items"]
    assert all(t["name"] != "Big" for t in teams)


async def test_oversize_body_without_content_length_is_413(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()

    async def chunks():  # type: ignore[no-untyped-def]
        for _ in range(40):
            yield b"x" * 65536

    r = await client.post(
        "/api/v1/teams",
        content=chunks(),
        headers={**tenant.admin.headers, "content-type": "application/json"},
    )
    _is_problem(r, 413)


async def test_bad_ids_are_422_not_500(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    for path in ("/api/v1/users/not-a-uuid", "/api/v1/teams/123", "/api/v1/users/%00"):
        body = _is_problem(await client.get(path, headers=tenant.admin.headers), 422)
        assert body["errors"][0]["loc"][0] == "path"


async def test_bad_query_parameters_are_422(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    for query in ("limit=0", "limit=abc", "limit=100000", "role=wizard"):
        _is_problem(await client.get(f"/api/v1/users?{query}", headers=tenant.admin.headers), 422)
    _is_problem(
        await client.get("/api/v1/users?cursor=!!garbage!!", headers=tenant.admin.headers), 400
    )


async def test_wrong_method_is_405_and_unknown_path_404(client: AsyncClient) -> None:
    _is_problem(await client.delete("/api/health"), 405)
    _is_problem(await client.get("/api/v1/no-such-thing"), 404)
    _is_problem(await client.post("/api/v1/no-such-thing", json={}), 404)


async def test_non_json_content_type_is_refused(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/teams",
        content=b"name=Ops",
        headers={**tenant.admin.headers, "content-type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code in (400, 415, 422)
    assert r.headers["content-type"].startswith("application/problem+json")


async def test_numbers_past_the_databases_integers_are_a_422_not_a_500(
    client: AsyncClient, factory: Factory
) -> None:
    """Found by the fuzzer on PostgreSQL: a version or sequence number past 32 bits reached the
    query and the database refused it (a 500)."""
    import uuid

    tenant = await factory.tenant()
    h = tenant.admin.headers
    flow_id, session_id = uuid.uuid4(), uuid.uuid4()
    for url in (
        f"/api/v1/flows/{flow_id}/export?version=15270263621",
        f"/api/v1/sessions/{session_id}/stream?after=99999999999&max_seconds=0",
    ):
        r = await client.get(url, headers=h)
        assert r.status_code == 422, (url, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
