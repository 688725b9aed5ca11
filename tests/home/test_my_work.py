"""An engineer's Home: their open sessions (one click from resuming), the handoffs waiting for
them or their teams (the escalations domain's `target=me` rule), and the maintenance due for
them. Nobody else's sessions, no other team's handoffs, nothing of another account."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.fixtures.factories import Factory, Person, Tenant
from tests.home.support import home
from tests.maintenance.conftest import TARGETS, launch, make_list, publish_flow


async def _session(client: AsyncClient, who: Person, title: str) -> str:
    r = await client.post("/api/v1/sessions", headers=who.headers, json={"title": title})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _event(client: AsyncClient, who: Person, session_id: str, event: dict[str, Any]) -> None:
    r = await client.post(f"/api/v1/sessions/{session_id}/events", headers=who.headers, json=event)
    assert r.status_code in (200, 201), r.text


async def test_my_active_and_paused_sessions_newest_first_and_nobody_elses(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    me = tenant.engineer
    colleague = await factory.user(tenant, Role.engineer)
    first = await _session(client, me, "Outlook will not start")
    paused = await _session(client, me, "Printer offline")
    done = await _session(client, me, "Password reset")
    await _event(client, me, paused, {"type": "pause"})
    await _event(client, me, done, {"type": "resolve"})
    await _session(client, colleague, "Colleague's session")
    await _session(client, tenant.admin, "The admin's own session")
    await _session(client, other.engineer, "Another account's session")

    sessions = (await home(client, me))["sessions"]
    assert sessions["total"] == 2
    assert [(s["id"], s["status"]) for s in sessions["items"]] == [
        (paused, "paused"),
        (first, "active"),
    ]
    assert sessions["items"][0]["title"] == "Printer offline"

    # The admin's Home lists the admin's own sessions, not the account's.
    admins = (await home(client, tenant.admin))["sessions"]
    assert [s["title"] for s in admins["items"]] == ["The admin's own session"]


async def test_sessions_are_the_newest_ten_with_the_total(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.engineer,))
    made = [await _session(client, tenant.engineer, f"Ticket {n}") for n in range(12)]
    sessions = (await home(client, tenant.engineer))["sessions"]
    assert sessions["total"] == 12
    assert [s["id"] for s in sessions["items"]] == made[::-1][:10]


async def _escalate(client: AsyncClient, by: Person, **target: str) -> str:
    session_id = await _session(client, by, "VPN drops")
    r = await client.post(
        f"/api/v1/sessions/{session_id}/escalate",
        headers=by.headers,
        json={"reason": "Needs the firewall people", **target},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_handoffs_waiting_for_me_or_my_teams_and_no_other_teams(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    me = tenant.engineer
    escalator = await factory.user(tenant, Role.engineer)
    someone = await factory.user(tenant, Role.engineer)
    my_team = await factory.team(tenant, [me])
    their_team = await factory.team(tenant, [someone])

    to_anyone = await _escalate(client, escalator)
    to_my_team = await _escalate(client, escalator, target_team_id=str(my_team))
    await _escalate(client, escalator, target_team_id=str(their_team))
    to_me = await _escalate(client, escalator, target_user_id=str(me.id))
    await _escalate(client, escalator, target_user_id=str(someone.id))
    mine = await _escalate(client, me)  # my own escalation waits for someone else
    claimed = await _escalate(client, escalator)
    r = await client.post(f"/api/v1/handoffs/{claimed}/claim", headers=someone.headers)
    assert r.status_code == 200, r.text
    await _escalate(client, other.engineer)

    waiting = (await home(client, me))["handoffs"]
    assert waiting["total"] == 3
    assert [h["id"] for h in waiting["items"]] == [to_me, to_my_team, to_anyone]
    assert {h["you_may_claim"] for h in waiting["items"]} == {"yes"}
    assert waiting["account_waiting"] is None
    assert waiting["items"][1]["target_name"].startswith("the ")
    assert waiting["items"][2]["reason"] == "Needs the firewall people"

    # A team admin in neither team: the open ones only (the one I escalated too), and how many
    # wait in the whole account.
    admins = (await home(client, tenant.admin))["handoffs"]
    assert [h["id"] for h in admins["items"]] == [mine, to_anyone]
    assert admins["account_waiting"] == 6


async def test_maintenance_due_for_me_my_targets_my_teams_pool_and_my_schedules(
    client: AsyncClient, factory: Factory
) -> None:
    tenant: Tenant = await factory.tenant()
    me, admin = tenant.engineer, tenant.admin
    someone = await factory.user(tenant, Role.engineer)
    my_team = str(await factory.team(tenant, [me]))
    their_team = str(await factory.team(tenant, [someone]))
    flow_id = await publish_flow(client, tenant)
    three = TARGETS

    assigned = await launch(
        client, admin, flow_id=flow_id, targets=three, assignee_user_id=str(me.id), title="Mine"
    )
    pool = await launch(client, admin, flow_id=flow_id, targets=three, team_id=my_team)
    await launch(client, admin, flow_id=flow_id, targets=three, team_id=their_team)
    await launch(client, admin, flow_id=flow_id, targets=three, assignee_user_id=str(someone.id))
    cancelled = await launch(
        client, admin, flow_id=flow_id, targets=three, assignee_user_id=str(me.id)
    )
    r = await client.post(
        f"/api/v1/maintenance/batches/{cancelled['id']}/cancel",
        headers=admin.headers,
        json={"reason": "Wrong targets"},
    )
    assert r.status_code == 200, r.text
    # One of my targets skipped, one pool target taken by me: what is left to do changes.
    item = assigned["items"][0]["id"]
    r = await client.post(
        f"/api/v1/maintenance/batches/{assigned['id']}/items/{item}/skip",
        headers=me.headers,
        json={"reason": "Decommissioned"},
    )
    assert r.status_code == 200, r.text
    taken = pool["items"][0]["id"]
    r = await client.post(
        f"/api/v1/maintenance/batches/{pool['id']}/items/{taken}/claim",
        headers=me.headers,
        json={},
    )
    assert r.status_code == 200, r.text

    target_list = await make_list(client, admin)

    async def schedule(title: str, cron: str, **who: str) -> None:
        r = await client.post(
            "/api/v1/maintenance/schedules",
            headers=admin.headers,
            json={
                "flow_id": flow_id,
                "target_list_id": target_list["id"],
                "cron": cron,
                "timezone": "UTC",
                "title": title,
                **who,
            },
        )
        assert r.status_code == 201, r.text

    await schedule("Daily backup check", "0 9 * * *", assignee_user_id=str(me.id))
    await schedule("Weekly patching", "0 10 * * 1", team_id=my_team)
    await schedule("Their patching", "0 11 * * *", team_id=their_team)

    due = (await home(client, me))["maintenance"]
    batches = {b["id"]: b for b in due["batches"]}
    assert set(batches) == {assigned["id"], pool["id"]} and due["batches_total"] == 2
    assert (batches[assigned["id"]]["assigned_to_you"], batches[assigned["id"]]["total"]) == (2, 3)
    assert batches[assigned["id"]]["title"] == "Mine"
    assert (batches[pool["id"]]["assigned_to_you"], batches[pool["id"]]["open_in_pool"]) == (1, 2)
    # The next 7 days: a daily slot each day, and the weekly one once.
    assert due["upcoming_days"] == 7 and due["upcoming_total"] == 8
    titles = [s["title"] for s in due["upcoming"]]
    assert titles.count("Daily backup check") == 7 and titles.count("Weekly patching") == 1
    assert [s["at"] for s in due["upcoming"]] == sorted(s["at"] for s in due["upcoming"])
    # Batch sessions are worked from their batch, not listed among my open sessions.
    assert (await home(client, me))["sessions"]["total"] == 0

    # The other team's engineer: their own batch and their team's pool and schedule.
    theirs = (await home(client, someone))["maintenance"]
    assert theirs["batches_total"] == 2
    assert {s["title"] for s in theirs["upcoming"]} == {"Their patching"}
