"""Ratings (one per user per step, editable, with a review) move the step's average and its rank
in suggestions; flags are listed as open until a team admin of the owner team closes them."""

from __future__ import annotations

from httpx import AsyncClient

from tests.fixtures.factories import Factory, Tenant
from tests.steps.conftest import make_step


async def test_a_rating_changes_the_average_and_the_rank_in_suggestions(
    client: AsyncClient, tenant: Tenant, factory: Factory
) -> None:
    # Two steps that fit "outlook crashes on start" equally well.
    first = await make_step(
        client, tenant.engineer, title="Outlook crashes on start: disable add-ins", body="A"
    )
    second = await make_step(
        client, tenant.engineer, title="Outlook crashes on start: repair the profile", body="B"
    )
    url = "/api/v1/steps/suggestions?q=outlook%20crashes%20on%20start"
    before = (await client.get(url, headers=tenant.viewer.headers)).json()["items"]
    assert [i["step"]["id"] for i in before] == [first["id"], second["id"]]
    assert before[0]["relevance"] == before[1]["relevance"]

    other = await factory.user(tenant)
    for person, stars in ((tenant.engineer, 5), (other, 4)):
        r = await client.put(
            f"/api/v1/steps/{second['id']}/rating",
            headers=person.headers,
            json={"stars": stars, "review": "Fixed it for me"},
        )
        assert r.status_code == 200, r.text
    assert r.json()["rating_avg"] == 4.5 and r.json()["rating_count"] == 2
    assert r.json()["my_rating"]["stars"] == 4

    after = (await client.get(url, headers=tenant.viewer.headers)).json()["items"]
    assert [i["step"]["id"] for i in after] == [second["id"], first["id"]]
    assert after[0]["score"] > after[0]["relevance"] and after[0]["quality"] > 0

    # Rating again edits the same rating: still two, the average follows.
    r = await client.put(
        f"/api/v1/steps/{second['id']}/rating", headers=other.headers, json={"stars": 1}
    )
    assert r.json()["rating_count"] == 2 and r.json()["rating_avg"] == 3.0
    ratings = (
        await client.get(f"/api/v1/steps/{second['id']}/ratings", headers=tenant.viewer.headers)
    ).json()["items"]
    assert sorted((x["stars"], x["review"]) for x in ratings) == [(1, ""), (5, "Fixed it for me")]
    listed = (await client.get("/api/v1/steps?q=repair", headers=tenant.viewer.headers)).json()
    assert listed["items"][0]["rating_avg"] == 3.0 and listed["items"][0]["rating_count"] == 2

    # A viewer may read ratings but not rate.
    r = await client.put(
        f"/api/v1/steps/{second['id']}/rating", headers=tenant.viewer.headers, json={"stars": 5}
    )
    assert r.status_code == 403


async def test_a_flag_on_a_step_is_listed_as_open(
    client: AsyncClient, tenant: Tenant, factory: Factory
) -> None:
    team_admin = await factory.user(tenant, role=tenant.admin.role)
    team = await factory.team(tenant, [team_admin])
    step = await make_step(client, tenant.admin, title="Reset the modem", team_id=str(team))
    r = await client.post(
        f"/api/v1/steps/{step['id']}/flags",
        headers=tenant.engineer.headers,
        json={"reason": "The modem has no reset button any more"},
    )
    assert r.status_code == 201, r.text
    flag = r.json()
    assert flag["status"] == "open" and flag["step_title"] == "Reset the modem"
    assert flag["reporter_id"] == str(tenant.engineer.id) and flag["may_close"] is False

    r = await client.get("/api/v1/steps/flags?status=open", headers=team_admin.headers)
    items = r.json()["items"]
    assert [(i["id"], i["reason"], i["may_close"]) for i in items] == [
        (flag["id"], "The modem has no reset button any more", True)
    ]
    got = (await client.get(f"/api/v1/steps/{step['id']}", headers=tenant.viewer.headers)).json()
    assert got["open_flags"] == 1

    # Not a team admin of the owner team: refused; the owner team's admin resolves it.
    close = f"/api/v1/steps/flags/{flag['id']}/resolve"
    assert (await client.post(close, headers=tenant.admin.headers, json={})).status_code == 403
    assert (await client.post(close, headers=tenant.engineer.headers, json={})).status_code == 403
    r = await client.post(close, headers=team_admin.headers, json={"note": "Rewritten"})
    assert r.status_code == 200 and r.json()["status"] == "resolved" and r.json()["closed_at"]
    r = await client.post(
        f"/api/v1/steps/flags/{flag['id']}/dismiss", headers=team_admin.headers, json={}
    )
    assert r.status_code == 409
    open_now = await client.get("/api/v1/steps/flags?status=open", headers=team_admin.headers)
    assert open_now.json()["items"] == []
    resolved = await client.get(
        f"/api/v1/steps/flags?status=resolved&step_id={step['id']}", headers=tenant.viewer.headers
    )
    assert [i["note"] for i in resolved.json()["items"]] == ["Rewritten"]
