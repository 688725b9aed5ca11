"""GET /api/v1/analytics/coverage: category (the flow's, else FlowPilot's triage, else
"Uncategorised") or client (the linked ticket's company, else the maintenance target's client,
else "Unknown") against outcome or category; every cell, their order, the query each cell
carries and the sessions it lists through GET /api/v1/analytics/sessions."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from tests.analytics.builder import Builder, Story, day
from tests.analytics.test_flow_paths import GRAPH
from tests.fixtures.factories import Factory, Tenant

RANGE = "from=2026-03-01&to=2026-03-02"


class World:
    tenant: Tenant
    other: Tenant
    ids: dict[str, str]


@pytest.fixture(scope="module")
async def world(app: FastAPI) -> World:
    factory, build = Factory(app), Builder(app)
    w = World()
    w.tenant, w.other = await factory.tenant(), await factory.tenant()
    a, eng = w.tenant.id, w.tenant.engineer.id
    email = await build.flow(a, GRAPH, category="Email")
    network = await build.flow(a, GRAPH, category="Network")

    async def add(name: str, status: str, story: Story, **kw: Any) -> None:
        built = await build.session(a, eng, day("2026-03-01", len(ids) * 60), status=status,
                                    story=story, **kw)  # fmt: skip
        ids[name] = str(built.id)

    ids: dict[str, str] = {}
    await add("s1", "resolved", Story(flow_id=email).add("ticket_linked", company="Contoso"))
    await add("s2", "abandoned", Story(flow_id=email).add("ticket_linked", company="Contoso")
              .add("ticket_linked", company="Fabrikam"))  # fmt: skip
    maintenance = Story(flow_id=network)
    maintenance.entries[0][2]["client"] = "Northwind"
    await add("s3", "resolved", maintenance)
    await add("s4", "escalated", Story(), mode="pilot", handoff="unclaimed",
              pilot={"tier": "exploring", "triage": {"category": "Printing"}})  # fmt: skip
    await add("s5", "active", Story())
    await add("s6", "resolved", Story(flow_id=network))
    await add("s7", "resolved", Story(flow_id=network), outcome="workaround")
    # Outside the range, and another account's: never counted.
    await build.session(a, eng, day("2026-03-03"), status="resolved", flow_id=email)
    theirs = await build.flow(w.other.id, GRAPH, category="Email")
    await build.session(w.other.id, w.other.engineer.id, day("2026-03-01"), status="resolved",
                        story=Story(flow_id=theirs).add("ticket_linked", company="Contoso"))  # fmt: skip
    w.ids = ids
    return w


async def get(client: AsyncClient, who: Any, query: str, status: int = 200) -> Any:
    r = await client.get(f"/api/v1/analytics/coverage?{query}", headers=who.headers)
    assert r.status_code == status, r.text
    return r.json()


def cells(body: dict[str, Any]) -> list[tuple[str, str, int]]:
    return [(c["row"], c["col"], c["count"]) for c in body["cells"]]


async def test_category_by_outcome(client: AsyncClient, world: World) -> None:
    body = await get(client, world.tenant.admin, RANGE)
    assert (body["rows_by"], body["cols_by"], body["total"]) == ("category", "outcome", 7)
    assert body["rows"] == ["Network", "Email", "Printing", "Uncategorised"]
    assert body["cols"] == [
        "resolved",
        "workaround",
        "unresolved",
        "abandoned",
        "escalated",
        "open",
    ]
    assert cells(body) == [
        ("Network", "resolved", 2),
        ("Network", "workaround", 1),
        ("Email", "resolved", 1),
        ("Email", "abandoned", 1),
        ("Printing", "escalated", 1),
        ("Uncategorised", "open", 1),
    ]


async def test_client_by_category(client: AsyncClient, world: World) -> None:
    body = await get(client, world.tenant.admin, f"{RANGE}&rows=client&cols=category")
    assert body["rows"] == ["Unknown", "Contoso", "Fabrikam", "Northwind"]
    assert body["cols"] == ["Network", "Email", "Printing", "Uncategorised"]
    assert sorted(cells(body)) == [
        ("Contoso", "Email", 1),
        ("Fabrikam", "Email", 1),
        ("Northwind", "Network", 1),
        ("Unknown", "Network", 2),
        ("Unknown", "Printing", 1),
        ("Unknown", "Uncategorised", 1),
    ]


async def test_each_cell_lists_its_sessions(client: AsyncClient, world: World) -> None:
    admin = world.tenant.admin
    body = await get(client, admin, f"{RANGE}&rows=client&cols=outcome")
    expected = {
        ("Contoso", "resolved"): {"s1"},
        ("Fabrikam", "abandoned"): {"s2"},
        ("Northwind", "resolved"): {"s3"},
        ("Unknown", "escalated"): {"s4"},
        ("Unknown", "open"): {"s5"},
        ("Unknown", "resolved"): {"s6"},
        ("Unknown", "workaround"): {"s7"},
    }
    assert {(c["row"], c["col"]) for c in body["cells"]} == set(expected)
    for c in body["cells"]:
        query = parse_qs(c["sessions_query"])
        assert query["from"] == ["2026-03-01"] and query["to"] == ["2026-03-02"]
        r = await client.get(
            f"/api/v1/analytics/sessions?{c['sessions_query']}", headers=admin.headers
        )
        assert r.status_code == 200, r.text
        got = {item["id"] for item in r.json()["items"]}
        assert got == {world.ids[n] for n in expected[(c["row"], c["col"])]}, c
        assert len(got) == c["count"]


async def test_the_sessions_list_shows_what_each_session_counted_as(
    client: AsyncClient, world: World
) -> None:
    r = await client.get(
        f"/api/v1/analytics/sessions?{RANGE}&category=Printing",
        headers=world.tenant.admin.headers,
    )
    (row,) = r.json()["items"]
    assert row["id"] == world.ids["s4"]
    assert (row["category"], row["client"], row["outcome"], row["escalated"]) == (
        "Printing",
        "Unknown",
        "escalated",
        True,
    )
    r = await client.get(
        f"/api/v1/analytics/sessions?{RANGE}&limit=4", headers=world.tenant.admin.headers
    )
    page = r.json()
    # Newest first, and a cursor to the rest.
    assert [i["id"] for i in page["items"]] == [world.ids[n] for n in ("s7", "s6", "s5", "s4")]
    r = await client.get(
        f"/api/v1/analytics/sessions?{RANGE}&limit=4&cursor={page['next_cursor']}",
        headers=world.tenant.admin.headers,
    )
    assert [i["id"] for i in r.json()["items"]] == [world.ids[n] for n in ("s3", "s2", "s1")]
    assert r.json()["next_cursor"] is None


async def test_engineers_see_their_own_sessions_only(
    app: FastAPI, client: AsyncClient, world: World
) -> None:
    stranger = await Factory(app).user(world.tenant)
    body = await get(client, stranger, RANGE)
    assert body["total"] == 0 and body["cells"] == [] and body["rows"] == []
    assert body["filters"]["user_id"] == str(stranger.id)
    r = await client.get(f"/api/v1/analytics/sessions?{RANGE}", headers=stranger.headers)
    assert r.json()["items"] == []
    mine = await get(client, world.tenant.engineer, RANGE)
    assert mine["total"] == 7


async def test_another_account_has_only_its_own(client: AsyncClient, world: World) -> None:
    body = await get(client, world.other.admin, f"{RANGE}&rows=client")
    assert cells(body) == [("Contoso", "resolved", 1)]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("rows=flow", "rows"),
        ("rows=category&cols=category", "cols"),
        ("cols=client", "cols"),
        ("from=2026-03-02&to=2026-03-01", "from"),
    ],
)
async def test_bad_rows_and_columns_name_the_field(
    client: AsyncClient, world: World, query: str, field: str
) -> None:
    body = await get(client, world.tenant.admin, query, status=422)
    assert any(e["loc"][-1] == field for e in body["errors"]), body


async def test_a_maintenance_batch_counts_its_targets_client_and_steps(
    app: FastAPI, client: AsyncClient
) -> None:
    tenant = await Factory(app).tenant()
    admin = tenant.admin.headers
    flow = {
        "format": "resolutionflow.flow/1",
        "title": "Patch",
        "kind": "maintenance",
        "category": "Patching",
        "start": "a",
        "nodes": [
            {"id": "a", "type": "action", "title": "Patch {{target.label}}"},
            {"id": "r", "type": "resolution", "title": "Patched", "outcome": "resolved"},
        ],
        "edges": [{"source": "a", "target": "r", "label": ""}],
    }
    r = await client.post("/api/v1/flows", headers=admin, json=flow)
    flow_id = r.json()["id"]
    await client.post(f"/api/v1/flows/{flow_id}/publish", headers=admin, json={})
    r = await client.post(
        "/api/v1/maintenance/batches",
        headers=admin,
        json={"flow_id": flow_id, "targets": [{"label": "SRV-01", "client": "Fabrikam"}]},
    )
    assert r.status_code == 201, r.text
    # The batch wrote the first steps in bulk; the first answer folds the whole timeline.
    sid = r.json()["items"][0]["session_id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=admin,
        json={"type": "answer", "node_id": "a", "answer": ""},
    )
    assert r.status_code in (200, 201), r.text
    body = await get(client, tenant.admin, "rows=client&cols=category")
    assert cells(body) == [("Fabrikam", "Patching", 1)]
    r = await client.get(f"/api/v1/analytics/flows/{flow_id}", headers=admin)
    nodes = {n["node_id"]: (n["reached"], n["answered"]) for n in r.json()["nodes"]}
    assert nodes == {"a": (1, 1), "r": (1, 0)}
