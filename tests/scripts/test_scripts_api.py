"""Scripts: create, read, search, replace, delete; definitions whose placeholders and
parameters disagree are a 422 naming the problem; who may change a script; another account's
script is a 404; rendering quotes values or names each bad parameter."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select

from resolutionflow.models import AuditEvent, Script
from tests.fixtures.factories import Factory, Tenant
from tests.scripts.conftest import RESTART, make_script


async def test_create_read_search_replace_and_delete(
    client: AsyncClient, tenant: Tenant, app: Any
) -> None:
    created = await make_script(client, tenant.engineer)
    assert created["language"] == "powershell" and created["risk"] == "changes_state"
    assert [p["name"] for p in created["params"]] == ["service", "host"]
    assert created["params"][0]["required"] is True and created["revision"] == 1
    assert created["can_edit"] is True
    url = f"/api/v1/scripts/{created['id']}"
    r = await client.get(url, headers=tenant.viewer.headers)
    assert r.status_code == 200 and r.json()["can_edit"] is False

    await make_script(
        client,
        tenant.engineer,
        title="Flush DNS",
        body="ipconfig /flushdns",
        params=[],
        tags=["dns"],
        description="Clears the resolver cache.",
    )
    r = await client.get("/api/v1/scripts", headers=tenant.viewer.headers, params={"q": "servic"})
    assert [i["title"] for i in r.json()["items"]] == ["Restart a service"]
    r = await client.get("/api/v1/scripts", headers=tenant.viewer.headers, params={"q": "dns"})
    assert [i["title"] for i in r.json()["items"]] == ["Flush DNS"]
    r = await client.get("/api/v1/scripts", headers=tenant.viewer.headers)
    assert len(r.json()["items"]) == 2

    changed = {**RESTART, "title": "Restart a Windows service", "revision": 1}
    r = await client.put(url, headers=tenant.engineer.headers, json=changed)
    assert r.status_code == 200, r.text
    assert r.json()["revision"] == 2 and r.json()["title"] == "Restart a Windows service"
    r = await client.put(url, headers=tenant.engineer.headers, json=changed)
    assert r.status_code == 409

    r = await client.delete(url, headers=tenant.engineer.headers)
    assert r.status_code == 204
    assert (await client.get(url, headers=tenant.engineer.headers)).status_code == 404
    async with app.state.sessionmaker() as db:
        left = await db.scalar(
            select(func.count()).select_from(Script).where(Script.account_id == tenant.id)
        )
        actions = set(
            await db.scalars(select(AuditEvent.action).where(AuditEvent.account_id == tenant.id))
        )
    assert left == 1
    assert {"script.created", "script.updated", "script.deleted"} <= actions


@pytest.mark.parametrize(
    ("change", "loc", "words"),
    [
        ({"body": "ping {{host}} {{count}}"}, ["body", "body"], "{{count}} is not a declared"),
        (
            {"body": "ping {{host}}", "params": [{"name": "host"}, {"name": "unused"}]},
            ["body", "params", 1, "name"],
            "unused is declared but",
        ),
        (
            {"body": "ping {{host}}", "params": [{"name": "host", "type": "int", "default": "x"}]},
            ["body", "params", 0, "default"],
            "whole number",
        ),
        (
            {"language": "cmd", "body": "echo {{v}}", "params": [{"name": "v", "default": "%x%"}]},
            ["body", "params", 0, "default"],
            "cmd cannot quote",
        ),
        (
            {"body": "x {{v}}", "params": [{"name": "v", "type": "secret", "default": "hunter2"}]},
            ["body", "params", 0],
            "cannot have a default",
        ),
        (
            {"body": "x {{v}}", "params": [{"name": "v", "type": "choice"}]},
            ["body", "params", 0],
            "needs choices",
        ),
        (
            {"body": "x {{v}}", "params": [{"name": "v", "pattern": "(unclosed"}]},
            ["body", "params", 0, "pattern"],
            "not a valid regular expression",
        ),
        (
            {"body": "x", "params": [{"name": "not-an-identifier"}]},
            ["body", "params", 0, "name"],
            "",
        ),
        ({"language": "perl"}, ["body", "language"], ""),
        ({"risk": "spicy"}, ["body", "risk"], ""),
    ],
)
async def test_bad_definitions_are_a_422_naming_the_problem_and_store_nothing(
    client: AsyncClient,
    tenant: Tenant,
    app: Any,
    change: dict[str, Any],
    loc: list[Any],
    words: str,
) -> None:
    r = await client.post(
        "/api/v1/scripts", headers=tenant.engineer.headers, json={**RESTART, **change}
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    errors = r.json()["errors"]
    hit = [e for e in errors if e["loc"][: len(loc)] == [str(x) for x in loc]]
    assert hit, errors
    assert words in " ".join(e["msg"] for e in hit)
    if "hunter2" in str(change):
        assert "hunter2" not in r.text
    async with app.state.sessionmaker() as db:
        assert not await db.scalar(
            select(func.count()).select_from(Script).where(Script.account_id == tenant.id)
        )


async def test_who_may_change_a_script(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    other_engineer = await factory.user(tenant)
    r = await client.post("/api/v1/scripts", headers=tenant.viewer.headers, json=RESTART)
    assert r.status_code == 403
    created = await make_script(client, tenant.engineer)
    url = f"/api/v1/scripts/{created['id']}"
    r = await client.put(url, headers=other_engineer.headers, json=RESTART)
    assert r.status_code == 403
    assert (await client.delete(url, headers=other_engineer.headers)).status_code == 403
    r = await client.put(url, headers=tenant.admin.headers, json=RESTART)
    assert r.status_code == 200

    stranger = await factory.tenant()
    for method in ("get", "delete"):
        r = await getattr(client, method)(url, headers=stranger.super_admin.headers)
        assert r.status_code == 404
    r = await client.post(f"{url}/render", headers=stranger.engineer.headers, json={})
    assert r.status_code == 404
    r = await client.get("/api/v1/scripts", headers=stranger.engineer.headers)
    assert r.json()["items"] == []


async def test_render_quotes_values_and_uses_defaults(client: AsyncClient, tenant: Tenant) -> None:
    created = await make_script(client, tenant.engineer)
    r = await client.post(
        f"/api/v1/scripts/{created['id']}/render",
        headers=tenant.viewer.headers,
        json={"values": {"service": "'; Remove-Item -Recurse C:\\ #"}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["script"] == (
        "Restart-Service -Name '''; Remove-Item -Recurse C:\\ #' -ComputerName 'localhost'"
    )


async def test_render_names_each_bad_parameter(client: AsyncClient, tenant: Tenant) -> None:
    created = await make_script(
        client,
        tenant.engineer,
        language="cmd",
        body="ping -n {{count}} {{host}} & echo {{label}} {{mode}}",
        params=[
            {"name": "count", "type": "int", "required": True},
            {"name": "host", "type": "hostname", "required": True},
            {"name": "label", "type": "string"},
            {"name": "mode", "type": "choice", "choices": ["fast", "slow"], "default": "fast"},
        ],
    )
    r = await client.post(
        f"/api/v1/scripts/{created['id']}/render",
        headers=tenant.engineer.headers,
        json={"values": {"count": "3 & del *", "host": "x;y", "label": "%PATH%", "extra": "1"}},
    )
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    locs = {tuple(e["loc"]): e["msg"] for e in r.json()["errors"]}
    assert set(locs) == {
        ("body", "values", "count"),
        ("body", "values", "host"),
        ("body", "values", "label"),
        ("body", "values", "extra"),
    }
    assert "whole number" in locs[("body", "values", "count")]
    assert "cmd cannot quote a percent sign" in locs[("body", "values", "label")]

    r = await client.post(
        f"/api/v1/scripts/{created['id']}/render",
        headers=tenant.engineer.headers,
        json={"values": {"count": 3, "host": "srv01", "label": "a & b | c ^ d"}},
    )
    assert r.status_code == 200, r.text
    assert r.json()["script"] == 'ping -n 3 "srv01" & echo "a & b | c ^ d" "fast"'

    r = await client.post(
        f"/api/v1/scripts/{created['id']}/render", headers=tenant.engineer.headers, json={}
    )
    assert r.status_code == 422
    assert {tuple(e["loc"]) for e in r.json()["errors"]} == {
        ("body", "values", "count"),
        ("body", "values", "host"),
    }
