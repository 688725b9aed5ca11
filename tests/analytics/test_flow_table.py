"""GET /api/v1/analytics/flows: every live flow's runs, rates, median time, ratings (of the
library steps its nodes came from), staleness and quality score with the formula; worst first,
flows without a score (fewer than 5 runs) last."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from tests.analytics.builder import Builder, day
from tests.analytics.test_flow_paths import GRAPH
from tests.fixtures.factories import Factory

RANGE = "from=2026-03-01&to=2026-03-07"


async def test_the_table_and_its_quality_scores(app: FastAPI, client: AsyncClient) -> None:
    factory, build = Factory(app), Builder(app)
    tenant = await factory.tenant()
    a, eng = tenant.id, tenant.engineer.id
    stale = datetime.now(UTC) - timedelta(days=73, hours=1)
    flow_a = await build.flow(a, GRAPH, title="Aging flow", category="Email", edited=stale)
    flow_b = await build.flow(a, GRAPH, title="Good flow")
    flow_c = await build.flow(a, GRAPH, title="Unused flow")
    flow_d = await build.flow(a, GRAPH, title="Rarely used flow")
    archived = await build.flow(a, GRAPH, title="Archived flow")
    await build.archive(archived)
    await build.rate(a, flow_a, "q1", {tenant.admin.id: 3, eng: 5})

    async def runs(flow: Any, *statuses: tuple[Any, ...]) -> None:
        for i, (status, secs, handoff, *outcome) in enumerate(statuses):
            await build.session(a, eng, day("2026-03-02", i * 60), status=status,
                                active_seconds=secs, flow_id=flow, handoff=handoff,
                                outcome=outcome[0] if outcome else None)  # fmt: skip

    # The 300-second run ended with a workaround: it counts as resolved (rate, median) and
    # in `workaround`.
    await runs(flow_a, ("resolved", 100, None), ("resolved", 300, None, "workaround"),
               ("resolved", 200, None),
               ("abandoned", 0, None), ("unresolved", 0, "claimed"))  # fmt: skip
    await runs(flow_b, *[("resolved", 60, None)] * 5)
    await runs(flow_d, ("resolved", 10, None), ("abandoned", 0, None))
    await runs(archived, *[("abandoned", 0, None)] * 5)
    # A run outside the range.
    await build.session(a, eng, day("2026-03-08"), status="abandoned", flow_id=flow_b)

    r = await client.get(f"/api/v1/analytics/flows?{RANGE}", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [i["title"] for i in body["items"]] == [
        "Aging flow",
        "Good flow",
        "Rarely used flow",
        "Unused flow",
    ]
    first = body["items"][0]
    assert first["flow_id"] == str(flow_a)
    assert {k: first[k] for k in KEYS} == {
        "category": "Email",
        "version": 1,
        "runs": 5,
        "resolved": 3,
        "workaround": 1,
        "resolution_rate": 0.6,
        "median_active_seconds": 200.0,
        "abandoned": 1,
        "abandonment_rate": 0.2,
        "escalated": 1,
        "escalation_rate": 0.2,
        "rating": {"average": 4.0, "count": 2},
        "staleness_days": 73,
    }
    # 100 * (0.4*0.6 + 0.2*0.8 + 0.2*0.8 + 0.1*0.75 + 0.1*0.8) / 1.0
    assert first["quality"] == {
        "score": 71.5,
        "success": 0.6,
        "abandonment": 0.8,
        "escalation": 0.8,
        "rating": 0.75,
        "staleness": 0.8,
    }
    good = body["items"][1]
    # No rating: its weight is left out, 100 * 0.9 / 0.9.
    assert good["quality"]["score"] == 100.0 and good["quality"]["rating"] is None
    assert good["rating"] is None and good["median_active_seconds"] == 60.0
    rare, unused = body["items"][2], body["items"][3]
    assert (rare["runs"], rare["quality"]["score"], rare["quality"]["success"]) == (2, None, None)
    assert unused["flow_id"] == str(flow_c)
    assert (unused["runs"], unused["resolution_rate"], unused["quality"]["score"]) == (
        0,
        None,
        None,
    )
    assert body["formula"]["weights"] == {
        "success": 0.4,
        "abandonment": 0.2,
        "escalation": 0.2,
        "rating": 0.1,
        "staleness": 0.1,
    }
    assert (body["formula"]["min_runs"], body["formula"]["stale_after_days"]) == (5, 365)
    assert "0.4 * success" in body["formula"]["text"]

    # An engineer's table counts their own runs only.
    other = await factory.user(tenant)
    r = await client.get(f"/api/v1/analytics/flows?{RANGE}", headers=other.headers)
    assert all(i["runs"] == 0 for i in r.json()["items"])
    # Viewers are refused; another account sees none of these flows.
    r = await client.get("/api/v1/analytics/flows", headers=tenant.viewer.headers)
    assert r.status_code == 403
    stranger = await factory.tenant()
    r = await client.get(f"/api/v1/analytics/flows?{RANGE}", headers=stranger.admin.headers)
    assert r.json()["items"] == []


KEYS = (
    "category",
    "version",
    "runs",
    "resolved",
    "workaround",
    "resolution_rate",
    "median_active_seconds",
    "abandoned",
    "abandonment_rate",
    "escalated",
    "escalation_rate",
    "rating",
    "staleness_days",
)
