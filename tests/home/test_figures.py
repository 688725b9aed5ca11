"""Home's figures are computed from the sessions and escalations themselves: an engineer's last
7 days, and team health (the last 7 days against the 7 before) for the account and each team.
Every number below is worked out by hand from the sessions the test makes; another account's
sessions and escalations, and sessions older than 14 days, never count."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient

from resolutionflow.models import Role
from tests.fixtures.factories import Factory
from tests.home.support import home, past_handoff, past_session


def _row(health: dict[str, Any], team_id: object) -> dict[str, Any]:
    return next(r for r in health["rows"] if r["team_id"] == (str(team_id) if team_id else None))


async def test_my_week_and_team_health_are_counted_from_known_sessions(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    erin = tenant.engineer
    fay = await factory.user(tenant, Role.engineer)
    gil = await factory.user(tenant, Role.engineer)  # in no team
    team_a = await factory.team(tenant, [erin, fay])
    team_b = await factory.team(tenant, [fay])
    acct = tenant.id

    async def started(who: Any, days: float, status: str, seconds: int) -> Any:
        return await past_session(
            app, who, acct, days_ago=days, status=status, active_seconds=seconds
        )

    # This week (the last 7 days).
    e1 = await started(erin, 1, "resolved", 600)
    await started(erin, 2, "resolved", 1200)
    await started(erin, 3, "resolved", 300)
    await started(erin, 2, "active", 50)
    await started(erin, 6.9, "abandoned", 10)
    await started(fay, 1, "resolved", 900)
    f2 = await started(fay, 5, "escalated", 100)
    g1 = await started(gil, 2, "resolved", 60)
    # Last week (8 to 14 days ago).
    await started(erin, 8, "resolved", 400)
    await started(erin, 10, "unresolved", 20)
    f3 = await started(fay, 13, "resolved", 1000)
    await started(fay, 9, "resolved", 2000)
    # Too old for either week.
    await started(erin, 15, "resolved", 99)
    # Escalations: two by team A this week (one by Fay, who is in B too), one by Gil; one last
    # week by Fay.
    await past_handoff(app, e1, acct, erin, days_ago=2)
    await past_handoff(app, f2, acct, fay, days_ago=5)
    await past_handoff(app, g1, acct, gil, days_ago=1)
    await past_handoff(app, f3, acct, fay, days_ago=9)

    # Another account, busy in both weeks: none of it counts here.
    other = await factory.tenant()
    for days in (1, 2, 8, 9):
        sid = await past_session(
            app, other.engineer, other.id, days_ago=days, status="resolved", active_seconds=5
        )
        await past_handoff(app, sid, other.id, other.engineer, days_ago=days)

    mine = (await home(client, erin))["my_week"]
    assert {k: mine[k] for k in ("sessions", "resolved", "resolution_rate")} == {
        "sessions": 5,
        "resolved": 3,
        "resolution_rate": 0.6,
    }
    assert mine["median_active_seconds"] == 600  # of 300, 600, 1200

    health = (await home(client, tenant.admin))["team_health"]
    assert health["teams_total"] == 2
    assert [r["scope"] for r in health["rows"]] == ["account", "team", "team"]

    def figures(sessions: int, resolved: int, rate: float | None, median: float | None, esc: int):
        return {
            "sessions": sessions,
            "resolved": resolved,
            "resolution_rate": rate,
            "median_active_seconds": median,
            "escalations": esc,
        }

    account = _row(health, None)
    assert account["name"] == "Whole account"
    assert account["this_week"] == figures(8, 5, 0.625, 600, 3)  # 60, 300, 600, 900, 1200
    assert account["last_week"] == figures(4, 3, 0.75, 1000, 1)  # 400, 1000, 2000

    a = _row(health, team_a)
    assert a["this_week"] == figures(7, 4, 0.571, 750, 2)  # 300, 600, 900, 1200
    assert a["last_week"] == figures(4, 3, 0.75, 1000, 1)
    b = _row(health, team_b)
    assert b["this_week"] == figures(2, 1, 0.5, 900, 1)
    assert b["last_week"] == figures(2, 2, 1.0, 1500, 1)  # 1000, 2000

    # Nobody's figures: a week without sessions has no rate and no median, not zeros.
    quiet = (await home(client, gil))["my_week"]
    assert quiet["sessions"] == 1 and quiet["median_active_seconds"] == 60
    idle = (await home(client, tenant.super_admin))["my_week"]
    assert (idle["sessions"], idle["resolved"]) == (0, 0)
    assert idle["resolution_rate"] is None and idle["median_active_seconds"] is None


async def test_an_account_without_teams_gets_the_account_as_a_whole(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await past_session(
        app, tenant.engineer, tenant.id, days_ago=1, status="resolved", active_seconds=120
    )
    await past_session(app, None, tenant.id, days_ago=3, status="abandoned", active_seconds=7)
    health = (await home(client, tenant.admin))["team_health"]
    assert health["teams_total"] == 0
    [account] = health["rows"]
    assert account["scope"] == "account" and account["team_id"] is None
    assert account["this_week"] == {
        "sessions": 2,
        "resolved": 1,
        "resolution_rate": 0.5,
        "median_active_seconds": 120,
        "escalations": 0,
    }
    assert account["last_week"]["sessions"] == 0
    assert account["last_week"]["resolution_rate"] is None
