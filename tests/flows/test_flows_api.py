"""The flow library API: create, read, list (filters, sorting, cursor), archive, duplicate,
move, bad input, account isolation and who may do what."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from httpx import AsyncClient
from sqlalchemy import update

from resolutionflow.models import Flow
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Person, Tenant, unique

API = "/api/v1"

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "kind": "troubleshooting",
    "description": "The printer shows offline in Windows.",
    "category": "Printing",
    "tags": ["printer", "network"],
    "start": "q",
    "nodes": [
        {
            "id": "q",
            "type": "question",
            "title": "Does it ping?",
            "body": "Run `ping printer01`.",
            "position": {"x": 10, "y": 20},
        },
        {"id": "c", "type": "checklist", "title": "Checks", "items": ["Cable", "Power"]},
        {"id": "ok", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        {"id": "no", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "c", "label": "No"},
        {"source": "c", "target": "no", "label": ""},
    ],
}

SUMMARY_KEYS = {
    "id",
    "title",
    "kind",
    "description",
    "category",
    "tags",
    "folder_id",
    "owner_id",
    "owner_name",
    "archived",
    "latest_version",
    "draft_revision",
    "has_unpublished_changes",
    "use_count",
    "created_at",
    "updated_at",
}
READ_KEYS = SUMMARY_KEYS | {"draft", "draft_updated_at", "draft_updated_by_name"}


def flow(**top: Any) -> dict[str, Any]:
    data = copy.deepcopy(FLOW)
    data.update(top)
    return data


async def create(client: AsyncClient, who: Person, **top: Any) -> dict[str, Any]:
    r = await client.post(f"{API}/flows", json=flow(**top), headers=who.headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def folder(client: AsyncClient, who: Person, name: str | None = None) -> str:
    r = await client.post(f"{API}/folders", json={"name": name or unique("F")}, headers=who.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def listed(client: AsyncClient, who: Person, **params: Any) -> list[dict[str, Any]]:
    r = await client.get(f"{API}/flows", params={"limit": 200, **params}, headers=who.headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def titles(client: AsyncClient, who: Person, **params: Any) -> list[str]:
    return [f["title"] for f in await listed(client, who, **params)]


def stored_form(sent: dict[str, Any]) -> dict[str, Any]:
    """What the draft should hold: what was sent, minus nulls, with the format's defaults."""
    out = {"description": "", "category": "", "tags": [], **copy.deepcopy(sent)}
    out["nodes"] = [
        {"title": "", "body": "", **{k: v for k, v in n.items() if v is not None}}
        for n in sent["nodes"]
    ]
    return out


# --- create and read -----------------------------------------------------------------------


async def test_create_returns_the_flow_with_its_draft_as_sent(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    sent = flow()
    sent["nodes"][2]["items"] = None  # nulls for unused fields are dropped
    r = await client.post(f"{API}/flows", json=sent, headers=t.engineer.headers)
    assert r.status_code == 201, r.text
    body = r.json()
    assert set(body) >= READ_KEYS
    uuid.UUID(body["id"])
    assert body["title"] == "Printer offline"
    assert body["kind"] == "troubleshooting"
    assert body["category"] == "Printing"
    assert body["tags"] == ["printer", "network"]
    assert body["description"] == FLOW["description"]
    assert body["folder_id"] is None
    assert body["owner_id"] == str(t.engineer.id)
    assert body["owner_name"] == t.engineer.name
    assert body["draft_updated_by_name"] == t.engineer.name
    assert body["archived"] is False
    assert body["latest_version"] is None
    assert body["draft_revision"] == 1
    assert body["use_count"] == 0
    assert body["draft"] == stored_form(flow())
    assert "items" not in body["draft"]["nodes"][2]

    again = await client.get(f"{API}/flows/{body['id']}", headers=t.engineer.headers)
    assert again.status_code == 200
    assert again.json() == body


async def test_create_in_a_folder_given_as_extra_field(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    f = await folder(client, t.engineer)
    created = await create(client, t.engineer, folder_id=f)
    assert created["folder_id"] == f
    assert "folder_id" not in created["draft"]


async def test_create_in_another_accounts_folder_is_not_found(
    client: AsyncClient, factory: Factory
) -> None:
    t, other = await factory.tenant(), await factory.tenant()
    theirs = await folder(client, other.engineer)
    r = await client.post(f"{API}/flows", json=flow(folder_id=theirs), headers=t.engineer.headers)
    assert_problem(r, 404)
    assert await listed(client, t.engineer) == []


async def test_get_an_unknown_flow_is_not_found(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    assert_problem(await client.get(f"{API}/flows/{uuid.uuid4()}", headers=t.viewer.headers), 404)


# --- listing -------------------------------------------------------------------------------


async def test_list_filters_by_kind_category_tag_folder_and_archived(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    f = await folder(client, e)
    await create(
        client, e, title="Alpha", kind="troubleshooting", category="Email", tags=["Outlook"],
        folder_id=f,
    )  # fmt: skip
    await create(client, e, title="Bravo", kind="procedural", category="Printing", tags=["printer"])
    charlie = await create(
        client, e, title="Charlie", kind="maintenance", category="Email", tags=["outlook", "x"]
    )
    r = await client.post(f"{API}/flows/{charlie['id']}/archive", headers=e.headers)
    assert r.status_code == 200, r.text

    assert sorted(await titles(client, e)) == ["Alpha", "Bravo"]
    assert await titles(client, e, kind="procedural") == ["Bravo"]
    assert await titles(client, e, kind="maintenance") == []
    assert await titles(client, e, category="Email") == ["Alpha"]
    assert await titles(client, e, tag="outlook") == ["Alpha"]
    assert await titles(client, e, tag="OUTLOOK") == ["Alpha"]
    assert await titles(client, e, folder_id=f) == ["Alpha"]
    assert await titles(client, e, folder_id="root") == ["Bravo"]
    assert await titles(client, e, archived="true") == ["Charlie"]
    assert await titles(client, e, archived="true", tag="outlook", category="Email") == ["Charlie"]
    assert await titles(client, e, archived="true", folder_id=f) == []


async def test_list_items_are_summaries_without_the_graph(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer)
    [item] = await listed(client, t.viewer)
    assert set(item) >= SUMMARY_KEYS
    assert "draft" not in item
    assert item.get("snippet") is None


async def test_list_sorts_by_last_update_by_default(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    e = t.engineer
    first = await create(client, e, title="First")
    await create(client, e, title="Second")
    await create(client, e, title="Third")
    assert await titles(client, e) == ["Third", "Second", "First"]
    r = await client.put(
        f"{API}/flows/{first['id']}/draft", json=flow(title="First edited"), headers=e.headers
    )
    assert r.status_code == 200, r.text
    assert await titles(client, e) == ["First edited", "Third", "Second"]
    assert await titles(client, e, sort="updated") == ["First edited", "Third", "Second"]


async def test_list_sorts_by_use(client: AsyncClient, factory: Factory, app: Any) -> None:
    t = await factory.tenant()
    e = t.engineer
    uses = {"Rare": 1, "Popular": 40, "Never": 0, "Common": 7}
    for title, count in uses.items():
        created = await create(client, e, title=title)
        async with app.state.sessionmaker() as db:
            await db.execute(
                update(Flow).where(Flow.id == uuid.UUID(created["id"])).values(use_count=count)
            )
            await db.commit()
    items = await listed(client, e, sort="used")
    assert [i["title"] for i in items] == ["Popular", "Common", "Rare", "Never"]
    assert [i["use_count"] for i in items] == [40, 7, 1, 0]


async def test_cursor_pagination_walks_every_flow_once(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    created = {(await create(client, t.engineer, title=f"Flow {i}"))["id"] for i in range(5)}
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        r = await client.get(f"{API}/flows", params=params, headers=t.viewer.headers)
        assert r.status_code == 200, r.text
        page = r.json()
        assert len(page["items"]) <= 2
        seen += [i["id"] for i in page["items"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert pages < 10
    assert pages == 3
    assert len(seen) == len(set(seen)) == 5
    assert set(seen) == created


async def test_cursor_pagination_with_a_tag_filter(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    tagged = {
        (await create(client, t.engineer, title=f"T{i}", tags=["vpn"]))["id"] for i in range(3)
    }
    await create(client, t.engineer, title="Other", tags=["mail"])
    r1 = await client.get(
        f"{API}/flows", params={"limit": 2, "tag": "vpn"}, headers=t.viewer.headers
    )
    page1 = r1.json()
    assert len(page1["items"]) == 2 and page1["next_cursor"]
    r2 = await client.get(
        f"{API}/flows",
        params={"limit": 2, "tag": "vpn", "cursor": page1["next_cursor"]},
        headers=t.viewer.headers,
    )
    page2 = r2.json()
    assert page2["next_cursor"] is None
    assert {i["id"] for i in page1["items"] + page2["items"]} == tagged


async def test_a_garbled_cursor_is_a_bad_request(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    for cursor in ("not-a-cursor", "eyJvIjogLTF9", "%%%"):
        r = await client.get(f"{API}/flows", params={"cursor": cursor}, headers=t.viewer.headers)
        assert_problem(r, 400)


async def test_a_folder_id_that_is_not_a_uuid_is_a_bad_request(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    r = await client.get(f"{API}/flows", params={"folder_id": "nope"}, headers=t.viewer.headers)
    assert_problem(r, 400, field="folder_id")


# --- archive, duplicate, move --------------------------------------------------------------


async def test_archive_hides_from_the_default_list_and_unarchive_brings_it_back(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    created = await create(client, e)
    r = await client.post(f"{API}/flows/{created['id']}/archive", headers=e.headers)
    assert r.status_code == 200, r.text
    assert r.json()["archived"] is True
    assert await listed(client, e) == []
    assert [f["id"] for f in await listed(client, e, archived="true")] == [created["id"]]
    # Still readable by id.
    got = await client.get(f"{API}/flows/{created['id']}", headers=t.viewer.headers)
    assert got.json()["archived"] is True

    r = await client.post(f"{API}/flows/{created['id']}/unarchive", headers=e.headers)
    assert r.status_code == 200 and r.json()["archived"] is False
    assert [f["id"] for f in await listed(client, e)] == [created["id"]]
    assert await listed(client, e, archived="true") == []


async def test_duplicate_makes_an_independent_copy(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    e = t.engineer
    f = await folder(client, e)
    original = await create(client, e, folder_id=f)
    r = await client.post(f"{API}/flows/{original['id']}/duplicate", headers=e.headers)
    assert r.status_code == 201, r.text
    copy_ = r.json()
    assert copy_["id"] != original["id"]
    assert copy_["title"] == "Printer offline (copy)"
    assert copy_["draft"]["title"] == "Printer offline (copy)"
    assert copy_["folder_id"] == f
    assert copy_["draft"]["nodes"] == original["draft"]["nodes"]
    assert copy_["draft"]["edges"] == original["draft"]["edges"]
    assert copy_["latest_version"] is None

    edited = flow(title="Copy edited", nodes=FLOW["nodes"][:1])
    r = await client.put(f"{API}/flows/{copy_['id']}/draft", json=edited, headers=e.headers)
    assert r.status_code == 200, r.text
    again = (await client.get(f"{API}/flows/{original['id']}", headers=e.headers)).json()
    assert again["title"] == "Printer offline"
    assert again["draft"] == original["draft"]
    assert again["draft_revision"] == 1
    assert sorted(await titles(client, e)) == ["Copy edited", "Printer offline"]


async def test_move_into_a_folder_and_back_to_the_root(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer
    created = await create(client, e)
    f = await folder(client, e)
    r = await client.patch(f"{API}/flows/{created['id']}", json={"folder_id": f}, headers=e.headers)
    assert r.status_code == 200, r.text
    assert r.json()["folder_id"] == f
    assert [x["id"] for x in await listed(client, e, folder_id=f)] == [created["id"]]
    assert await listed(client, e, folder_id="root") == []

    r = await client.patch(
        f"{API}/flows/{created['id']}", json={"folder_id": None}, headers=e.headers
    )
    assert r.status_code == 200 and r.json()["folder_id"] is None
    assert [x["id"] for x in await listed(client, e, folder_id="root")] == [created["id"]]


async def test_move_into_another_accounts_folder_is_not_found_and_changes_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    t, other = await factory.tenant(), await factory.tenant()
    created = await create(client, t.engineer)
    theirs = await folder(client, other.engineer)
    r = await client.patch(
        f"{API}/flows/{created['id']}", json={"folder_id": theirs}, headers=t.engineer.headers
    )
    assert_problem(r, 404)
    got = await client.get(f"{API}/flows/{created['id']}", headers=t.engineer.headers)
    assert got.json()["folder_id"] is None
    r = await client.get(f"{API}/folders", headers=other.engineer.headers)
    assert [x["flow_count"] for x in r.json()["items"]] == [0]


# --- bad input -----------------------------------------------------------------------------


def _locs(body: dict[str, Any]) -> list[list[str]]:
    return [[str(p) for p in e["loc"]] for e in body["errors"]]


async def test_bad_bodies_are_422_naming_the_field_and_create_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    e = t.engineer

    def with_node(index: int, **fields: Any) -> dict[str, Any]:
        data = flow()
        data["nodes"][index].update(fields)
        return data

    cases: list[tuple[dict[str, Any], list[str]]] = [
        (with_node(1, type="decision"), ["nodes", "1", "type"]),
        (with_node(0, colour="red"), ["nodes", "0", "colour"]),
        (flow(owner="me"), ["owner"]),
        (flow(title="x" * 201), ["title"]),
        (flow(title="   "), ["title"]),
        (with_node(2, id="bad id!"), ["nodes", "2", "id"]),
        (with_node(2, id="x" * 65), ["nodes", "2", "id"]),
        (flow(edges=[{"source": "q", "target": "no such", "label": ""}]), ["edges", "0", "target"]),
        (with_node(3, outcome="fixed"), ["nodes", "3", "outcome"]),
        (with_node(0, position={"x": "left", "y": 0}), ["nodes", "0", "position", "x"]),
        (flow(kind="urgent"), ["kind"]),
        (flow(format="resolutionflow.flow/2"), ["format"]),
        (with_node(1, body="before\x00after"), ["nodes", "1", "body"]),
        (flow(title="Printer\x00offline"), ["title"]),
        (with_node(1, items=["ok"] * 101), ["nodes", "1", "items"]),
    ]
    for body, loc in cases:
        r = await client.post(f"{API}/flows", json=body, headers=e.headers)
        problem = assert_problem(r, 422)
        assert any(got[-len(loc) :] == loc for got in _locs(problem)), (loc, problem["errors"])
    assert await listed(client, e) == []


async def test_a_non_object_body_or_broken_json_is_refused(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    r = await client.post(f"{API}/flows", json=[FLOW], headers=t.engineer.headers)
    assert_problem(r, 422)
    r = await client.post(
        f"{API}/flows",
        content=b'{"title": "x", ',
        headers={**t.engineer.headers, "Content-Type": "application/json"},
    )
    assert r.status_code in (400, 422), r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert await listed(client, t.engineer) == []


# --- isolation and roles -------------------------------------------------------------------


async def test_another_accounts_flow_is_not_found_on_every_verb(
    client: AsyncClient, factory: Factory
) -> None:
    owner, intruder = await factory.tenant(), await factory.tenant()
    created = await create(client, owner.admin)
    r = await client.post(
        f"{API}/flows/{created['id']}/publish", json={}, headers=owner.admin.headers
    )
    assert r.status_code == 200, r.text
    fid = created["id"]
    calls: list[tuple[str, str, Any]] = [
        ("GET", f"/flows/{fid}", None),
        ("PUT", f"/flows/{fid}/draft", flow(title="Hijacked")),
        ("PATCH", f"/flows/{fid}", {"folder_id": None}),
        ("POST", f"/flows/{fid}/publish", {}),
        ("POST", f"/flows/{fid}/archive", None),
        ("POST", f"/flows/{fid}/unarchive", None),
        ("POST", f"/flows/{fid}/duplicate", None),
        ("POST", f"/flows/{fid}/validate", None),
        ("GET", f"/flows/{fid}/export", None),
        ("GET", f"/flows/{fid}/versions", None),
        ("GET", f"/flows/{fid}/versions/1", None),
        ("GET", f"/flows/{fid}/diff?from=1&to=draft", None),
        ("POST", f"/flows/{fid}/versions/1/restore", None),
    ]
    for method, path, body in calls:
        r = await client.request(method, API + path, json=body, headers=intruder.admin.headers)
        assert_problem(r, 404)
    # Nothing changed for the owner, and the intruder got no copy.
    got = (await client.get(f"{API}/flows/{fid}", headers=owner.admin.headers)).json()
    assert got["title"] == "Printer offline" and got["archived"] is False
    assert got["draft_revision"] == 1 and got["latest_version"] == 1
    assert await listed(client, intruder.admin) == []
    assert await listed(client, intruder.admin, archived="true") == []


async def test_viewer_reads_and_exports_but_cannot_create_or_edit(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    created = await create(client, t.engineer)
    v = t.viewer.headers
    assert_problem(await client.post(f"{API}/flows", json=flow(), headers=v), 403)
    assert_problem(
        await client.put(f"{API}/flows/{created['id']}/draft", json=flow(title="No"), headers=v),
        403,
    )
    assert_problem(await client.post(f"{API}/flows/{created['id']}/duplicate", headers=v), 403)
    assert_problem(await client.post(f"{API}/flows/{created['id']}/archive", headers=v), 403)
    assert (await client.get(f"{API}/flows/{created['id']}", headers=v)).status_code == 200
    assert len(await listed(client, t.viewer)) == 1
    r = await client.get(f"{API}/flows/{created['id']}/export", headers=v)
    assert r.status_code == 200
    assert r.json()["title"] == "Printer offline"
    got = (await client.get(f"{API}/flows/{created['id']}", headers=v)).json()
    assert got["draft_revision"] == 1 and got["archived"] is False


async def _publish(client: AsyncClient, who: Person, flow_id: str) -> Any:
    return await client.post(
        f"{API}/flows/{flow_id}/publish", json={"change_note": "ready"}, headers=who.headers
    )


async def test_engineers_publish_only_when_the_account_allows_it(
    client: AsyncClient, factory: Factory
) -> None:
    t: Tenant = await factory.tenant()
    created = await create(client, t.engineer)
    account = await client.get(f"{API}/account", headers=t.engineer.headers)
    assert account.json()["engineers_can_publish"] is False
    assert_problem(await _publish(client, t.engineer, created["id"]), 403)
    got = (await client.get(f"{API}/flows/{created['id']}", headers=t.engineer.headers)).json()
    assert got["latest_version"] is None

    # Engineers cannot grant it to themselves.
    r = await client.patch(
        f"{API}/account", json={"engineers_can_publish": True}, headers=t.engineer.headers
    )
    assert_problem(r, 403)
    r = await client.patch(
        f"{API}/account", json={"engineers_can_publish": True}, headers=t.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["engineers_can_publish"] is True
    account = await client.get(f"{API}/account", headers=t.viewer.headers)
    assert account.json()["engineers_can_publish"] is True

    r = await _publish(client, t.engineer, created["id"])
    assert r.status_code == 200, r.text
    assert r.json() == {"version": 1}
    assert_problem(await _publish(client, t.viewer, created["id"]), 403)


async def test_team_admins_publish_by_default(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    created = await create(client, t.engineer)
    r = await _publish(client, t.admin, created["id"])
    assert r.status_code == 200, r.text
    assert r.json() == {"version": 1}


async def test_list_limit_must_be_between_1_and_200(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    for limit in (0, -1, 201, "many"):
        r = await client.get(f"{API}/flows", params={"limit": limit}, headers=t.viewer.headers)
        assert_problem(r, 422, field="limit")
    for params in ({"kind": "urgent"}, {"sort": "random"}, {"archived": "maybe"}):
        r = await client.get(f"{API}/flows", params=params, headers=t.viewer.headers)
        assert_problem(r, 422, field=next(iter(params)))


async def test_facets_count_categories_and_tags_of_live_flows(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await create(client, t.engineer, category="Email", tags=["outlook", "office"])
    await create(client, t.engineer, category="Email", tags=["outlook"])
    gone = await create(client, t.engineer, category="Archive", tags=["old"])
    await client.post(f"{API}/flows/{gone['id']}/archive", headers=t.engineer.headers)
    r = await client.get(f"{API}/flows/facets", headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    assert r.json() == {
        "categories": [{"name": "Email", "count": 2}],
        "tags": [{"name": "outlook", "count": 2}, {"name": "office", "count": 1}],
    }
