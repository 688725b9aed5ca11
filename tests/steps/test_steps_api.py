"""Steps: create, read, replace, delete; bad input is a 422 naming the field; who may change a
step; another account's step is a 404; search with filters."""

from __future__ import annotations

from httpx import AsyncClient
from sqlalchemy import func, select

from resolutionflow.models import Step
from tests.fixtures.factories import Factory, Tenant
from tests.steps.conftest import make_step


async def test_create_read_replace_and_delete(client: AsyncClient, tenant: Tenant, app) -> None:  # type: ignore[no-untyped-def]
    created = await make_step(
        client,
        tenant.engineer,
        title="Is {{user_name}} on the VPN?",
        body="Ask {{ user_name }} to open the client.",
        kind="question",
        answers=["Yes", "No"],
        tags=["vpn", "VPN", "remote"],
        category="Network",
    )
    assert created["kind"] == "question" and created["answers"] == ["Yes", "No"]
    assert created["tags"] == ["vpn", "remote"]
    assert created["variables"] == ["user_name"]
    assert created["rating_avg"] is None and created["rating_count"] == 0
    assert created["verified_uses"] == 0 and created["revision"] == 1 and created["can_edit"]
    url = f"/api/v1/steps/{created['id']}"
    r = await client.get(url, headers=tenant.viewer.headers)
    assert r.status_code == 200 and r.json()["title"] == created["title"]
    assert r.json()["can_edit"] is False

    r = await client.put(
        url,
        headers=tenant.engineer.headers,
        json={"title": "Check the VPN client", "kind": "check", "revision": 1},
    )
    assert r.status_code == 200, r.text
    assert r.json()["revision"] == 2 and r.json()["answers"] == []
    r = await client.put(
        url, headers=tenant.engineer.headers, json={"title": "x", "kind": "check", "revision": 1}
    )
    assert r.status_code == 409

    r = await client.delete(url, headers=tenant.engineer.headers)
    assert r.status_code == 204
    assert (await client.get(url, headers=tenant.engineer.headers)).status_code == 404
    async with app.state.sessionmaker() as db:
        assert (
            await db.scalar(
                select(func.count()).select_from(Step).where(Step.account_id == tenant.id)
            )
            == 0
        )


async def test_bad_input_names_the_field_and_stores_nothing(
    client: AsyncClient,
    tenant: Tenant,
    app,  # type: ignore[no-untyped-def]
) -> None:
    cases = [
        ({"title": "", "kind": "action"}, "title"),
        ({"title": "Ask", "kind": "question", "answers": ["Yes"]}, "answers"),
        ({"title": "Ask", "kind": "question", "answers": ["Yes", "yes"]}, "answers"),
        ({"title": "Do", "kind": "action", "answers": ["Yes", "No"]}, "answers"),
        ({"title": "Run", "kind": "script_ref"}, "script_ref"),
        ({"title": "Do", "kind": "dance"}, "kind"),
        ({"title": "Do", "kind": "action", "tags": ["x" * 51]}, "tags"),
    ]
    for body, field in cases:
        r = await client.post("/api/v1/steps", headers=tenant.engineer.headers, json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        assert any(field in e["loc"] for e in r.json()["errors"]), (field, r.json())
    step = await make_step(client, tenant.engineer)
    r = await client.put(
        f"/api/v1/steps/{step['id']}/rating", headers=tenant.engineer.headers, json={"stars": 6}
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"][-1] == "stars"
    r = await client.post(
        f"/api/v1/steps/{step['id']}/flags", headers=tenant.engineer.headers, json={"reason": " "}
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"][-1] == "reason"
    async with app.state.sessionmaker() as db:
        assert (
            await db.scalar(
                select(func.count()).select_from(Step).where(Step.account_id == tenant.id)
            )
            == 1
        )


async def test_who_may_change_a_step(client: AsyncClient, tenant: Tenant, factory: Factory) -> None:
    other = await factory.user(tenant)
    team_admin = await factory.user(tenant, role=tenant.admin.role)
    team = await factory.team(tenant, [tenant.engineer, team_admin])
    step = await make_step(client, tenant.engineer, team_id=str(team))
    assert step["team_id"] == str(team) and step["team_name"]
    url = f"/api/v1/steps/{step['id']}"
    body = {"title": "Renamed", "kind": "action", "team_id": str(team)}
    assert (await client.put(url, headers=other.headers, json=body)).status_code == 403
    assert (await client.delete(url, headers=other.headers)).status_code == 403
    # A team admin of another team may not; one of the owner team may.
    assert (await client.put(url, headers=tenant.admin.headers, json=body)).status_code == 403
    r = await client.put(url, headers=team_admin.headers, json=body)
    assert r.status_code == 200 and r.json()["can_edit"]
    assert (await client.put(url, headers=tenant.super_admin.headers, json=body)).status_code == 200
    # An engineer cannot hand a step to a team they are not in.
    team2 = await factory.team(tenant)
    r = await client.post(
        "/api/v1/steps",
        headers=other.headers,
        json={"title": "X", "kind": "action", "team_id": str(team2)},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "team_id"]


async def test_another_accounts_step_is_not_found(
    client: AsyncClient, tenant: Tenant, factory: Factory
) -> None:
    step = await make_step(client, tenant.engineer)
    intruder = await factory.tenant()
    url = f"/api/v1/steps/{step['id']}"
    for method, path, body in [
        ("GET", url, None),
        ("PUT", url, {"title": "Mine", "kind": "action"}),
        ("DELETE", url, None),
        ("PUT", url + "/rating", {"stars": 1}),
        ("POST", url + "/flags", {"reason": "spam"}),
        ("GET", url + "/ratings", None),
    ]:
        r = await client.request(method, path, headers=intruder.admin.headers, json=body)
        assert r.status_code == 404, (method, path, r.text)
    r = await client.get("/api/v1/steps", headers=intruder.admin.headers)
    assert r.json()["items"] == []


async def test_search_with_filters(client: AsyncClient, tenant: Tenant) -> None:
    a = await make_step(
        client,
        tenant.engineer,
        title="Clear the Outlook profile",
        body="Control Panel > Mail > Show Profiles",
        tags=["outlook"],
        category="Email",
    )
    b = await make_step(
        client,
        tenant.engineer,
        title="Does Outlook start in safe mode?",
        kind="question",
        answers=["Yes", "No"],
        tags=["outlook", "safe-mode"],
        category="Email",
    )
    c = await make_step(
        client,
        tenant.engineer,
        title="Restart the print spooler",
        tags=["printer"],
        category="Printing",
    )
    h = tenant.viewer.headers

    async def ids(query: str) -> list[str]:
        r = await client.get("/api/v1/steps" + query, headers=h)
        assert r.status_code == 200, r.text
        return [x["id"] for x in r.json()["items"]]

    assert set(await ids("?q=outlook")) == {a["id"], b["id"]}
    assert await ids("?q=outl%20profil") == [a["id"]]
    assert await ids("?q=show%20profiles") == [a["id"]]  # the body is searched too
    assert await ids("?q=outlook&kind=question") == [b["id"]]
    assert await ids("?tag=SAFE-MODE") == [b["id"]]
    assert await ids("?category=Printing") == [c["id"]]
    assert await ids("?q=nothing-like-this") == []
    r = await client.get("/api/v1/steps?q=outlook", headers=h)
    assert "<mark>Outlook</mark>" in r.json()["items"][0]["snippet"]
    page = await client.get("/api/v1/steps?limit=2&sort=title", headers=h)
    assert len(page.json()["items"]) == 2 and page.json()["next_cursor"]
    rest = await client.get(
        f"/api/v1/steps?limit=2&sort=title&cursor={page.json()['next_cursor']}", headers=h
    )
    assert len(rest.json()["items"]) == 1
    facets = (await client.get("/api/v1/steps/facets", headers=h)).json()
    assert facets == {
        "tags": ["outlook", "printer", "safe-mode"],
        "categories": ["Email", "Printing"],
    }
