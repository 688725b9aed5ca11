"""?format=csv on the overview (headline and series), the flow table, a flow's nodes, the
coverage matrix and the sessions behind a figure (every page, up to a cap): text/csv downloads named after the range, every figure as in the JSON, and
cells that a spreadsheet would run as a formula (=, +, -, @) prefixed with a quote."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.analytics import service
from resolutionflow.analytics.export import cell
from tests.analytics.builder import Builder, Story, day
from tests.analytics.test_flow_paths import GRAPH
from tests.fixtures.factories import Factory, Tenant

RANGE = "from=2026-03-01&to=2026-03-02"
EVIL_TITLE = '=HYPERLINK("http://evil.example","x")'


class World:
    tenant: Tenant
    flow_id: str


@pytest.fixture(scope="module")
async def world(app: FastAPI) -> World:
    build = Builder(app)
    w = World()
    w.tenant = await Factory(app).tenant()
    a, eng = w.tenant.id, w.tenant.engineer.id
    graph: dict[str, Any] = {**GRAPH, "nodes": [dict(n) for n in GRAPH["nodes"]]}
    graph["nodes"][0]["title"] = "-2+3 ping?"
    flow = await build.flow(a, graph, title=EVIL_TITLE, category="+Email")
    w.flow_id = str(flow)
    s1 = Story(flow_id=flow).add("ticket_linked", company="@SUM(A1)").show("q1").wait(40)
    await build.session(a, eng, day("2026-03-01", 60), status="resolved", active_seconds=40,
                        story=s1.answer("q1", "a1").add("resolved"))  # fmt: skip
    await build.session(a, eng, day("2026-03-02", 60), status="abandoned", flow_id=flow)
    return w


async def download(client: AsyncClient, who: Any, path: str) -> tuple[list[list[str]], str]:
    r = await client.get(path, headers=who.headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(r.text))), disposition


async def test_overview_headline_and_series(client: AsyncClient, world: World) -> None:
    admin = world.tenant.admin
    rows, disposition = await download(
        client, admin, f"/api/v1/analytics/overview?{RANGE}&format=csv"
    )
    assert disposition == (
        'attachment; filename="analytics-overview-headline-2026-03-01-to-2026-03-02.csv"'
    )
    assert rows[0] == ["metric", "value", "previous_period"]
    table = {r[0]: r[1:] for r in rows[1:]}
    assert table["sessions"] == ["2", "0"]
    assert table["resolution_rate"] == ["0.5", ""]
    assert table["mttr_seconds"] == ["40.0", ""]
    assert table["outcome_abandoned"] == ["1", ""]
    assert table["outcome_workaround"] == ["0", ""]
    assert table["psa_pushes_sent"] == ["0", ""]
    rows, disposition = await download(
        client, admin, f"/api/v1/analytics/overview?{RANGE}&format=csv&table=series"
    )
    assert "overview-series" in disposition
    assert rows == [
        [
            "date",
            "sessions",
            "resolved",
            "escalated",
            "first_contact_resolved",
            "unresolved",
            "abandoned",
            "workaround",
            "mttr_seconds",
        ],
        ["2026-03-01", "1", "1", "0", "1", "0", "0", "0", "40.0"],
        ["2026-03-02", "1", "0", "0", "0", "0", "1", "0", ""],
    ]


async def test_flow_table_escapes_formulas(client: AsyncClient, world: World) -> None:
    rows, disposition = await download(
        client, world.tenant.admin, f"/api/v1/analytics/flows?{RANGE}&format=csv"
    )
    assert "analytics-flows-2026-03-01-to-2026-03-02.csv" in disposition
    header, row = rows
    assert header[:4] == ["flow_id", "title", "kind", "category"]
    record = dict(zip(header, row, strict=True))
    assert record["title"] == "'" + EVIL_TITLE
    assert record["category"] == "'+Email"
    assert (record["runs"], record["resolved"], record["resolution_rate"]) == ("2", "1", "0.5")
    assert record["quality_score"] == ""  # fewer than 5 runs


async def test_flow_nodes(client: AsyncClient, world: World) -> None:
    rows, _ = await download(
        client, world.tenant.admin, f"/api/v1/analytics/flows/{world.flow_id}?{RANGE}&format=csv"
    )
    assert rows[0][:8] == [
        "node_id", "title", "type", "reached", "answered", "dropped", "still_open",
        "median_seconds",
    ]  # fmt: skip
    assert rows[1][:8] == ["q1", "'-2+3 ping?", "question", "1", "1", "0", "0", "40.0"]
    assert rows[2][:8] == ["a1", "Restart the spooler", "action", "1", "0", "0", "0", ""]
    assert len(rows) == 5


async def test_coverage_matrix(client: AsyncClient, world: World) -> None:
    rows, disposition = await download(
        client,
        world.tenant.admin,
        f"/api/v1/analytics/coverage?{RANGE}&rows=client&cols=outcome&format=csv",
    )
    assert "coverage-client-outcome" in disposition
    assert rows == [
        ["client", "resolved", "workaround", "unresolved", "abandoned", "escalated", "open"],
        ["'@SUM(A1)", "1", "0", "0", "0", "0", "0"],
        ["Unknown", "0", "0", "0", "1", "0", "0"],
    ]


SESSION_COLUMNS = [
    "session_id", "title", "status", "outcome", "escalated", "owner_id", "owner", "flow_id",
    "flow", "category", "client", "active_seconds", "created_at", "ended_at",
]  # fmt: skip


async def test_the_sessions_behind_a_figure_every_page(client: AsyncClient, world: World) -> None:
    admin, eng = world.tenant.admin, world.tenant.engineer
    # `limit` and `cursor` are for the JSON pages: the CSV holds every session, newest first.
    rows, disposition = await download(
        client, admin, f"/api/v1/analytics/sessions?{RANGE}&limit=1&format=csv"
    )
    assert 'filename="analytics-sessions-2026-03-01-to-2026-03-02.csv"' in disposition
    assert rows[0] == SESSION_COLUMNS
    records = [dict(zip(SESSION_COLUMNS, r, strict=True)) for r in rows[1:]]
    assert [(r["status"], r["outcome"]) for r in records] == [
        ("abandoned", "abandoned"),
        ("resolved", "resolved"),
    ]
    resolved = records[1]
    assert resolved["flow"] == "'" + EVIL_TITLE
    assert (resolved["category"], resolved["client"]) == ("'+Email", "'@SUM(A1)")
    assert (resolved["owner_id"], resolved["active_seconds"]) == (str(eng.id), "40")
    assert resolved["escalated"] == "false" and resolved["created_at"].startswith("2026-03-01")
    # The same filters as the list: one outcome.
    rows, _ = await download(
        client, admin, f"/api/v1/analytics/sessions?{RANGE}&outcome=abandoned&format=csv"
    )
    assert [r[2] for r in rows[1:]] == ["abandoned"]


async def test_the_sessions_csv_stops_at_its_cap_and_says_so(
    client: AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    r = await client.get(
        f"/api/v1/analytics/sessions?{RANGE}&format=csv", headers=world.tenant.admin.headers
    )
    assert "x-rows-truncated" not in r.headers
    monkeypatch.setattr(service, "SESSIONS_CSV_MAX", 1)
    r = await client.get(
        f"/api/v1/analytics/sessions?{RANGE}&format=csv", headers=world.tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.headers["x-rows-truncated"] == "true"
    assert len(list(csv.reader(io.StringIO(r.text)))) == 2  # the header and the newest session


async def test_an_engineers_sessions_csv_has_only_theirs(
    app: FastAPI, client: AsyncClient, world: World
) -> None:
    stranger = await Factory(app).user(world.tenant)
    rows, _ = await download(client, stranger, f"/api/v1/analytics/sessions?{RANGE}&format=csv")
    assert rows == [SESSION_COLUMNS]
    r = await client.get(
        f"/api/v1/analytics/sessions?{RANGE}&format=xls", headers=world.tenant.admin.headers
    )
    assert r.status_code == 422
    assert any(e["loc"][-1] == "format" for e in r.json()["errors"])


def test_the_cells_a_spreadsheet_would_run_are_quoted() -> None:
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert cell(text) == "'" + text
    assert cell("Printer = offline") == "Printer = offline"
    assert cell(-1) == -1 and cell(0.5) == 0.5 and cell(None) == "" and cell(True) == "true"
