"""A "this step is wrong" flag waits in the review queue beside the open proposals, counted in
the nav, until the owner team's admin closes it; another account's flags never show."""

from __future__ import annotations

from httpx import AsyncClient

from tests.fixtures.factories import Factory
from tests.steps.conftest import make_step


async def test_a_flag_on_a_step_appears_in_the_review_queue_until_closed(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    step = await make_step(client, tenant.engineer)
    theirs = await make_step(client, other.engineer)
    r = await client.post(
        f"/api/v1/steps/{step['id']}/flags",
        headers=tenant.engineer.headers,
        json={"reason": "The cmdkey switch is /delete, not /remove"},
    )
    assert r.status_code == 201, r.text
    flag_id = r.json()["id"]
    await client.post(
        f"/api/v1/steps/{theirs['id']}/flags",
        headers=other.engineer.headers,
        json={"reason": "Another account's flag"},
    )

    queue = await client.get("/api/v1/proposals?status=open", headers=tenant.admin.headers)
    assert queue.status_code == 200, queue.text
    [shown] = queue.json()["step_flags"]
    assert (shown["id"], shown["step_title"]) == (flag_id, step["title"])
    assert shown["reason"] == "The cmdkey switch is /delete, not /remove"
    assert shown["may_close"] is True
    # An engineer sees it too, and may not close it.
    as_engineer = await client.get("/api/v1/proposals", headers=tenant.engineer.headers)
    assert [f["may_close"] for f in as_engineer.json()["step_flags"]] == [False]
    counts = await client.get("/api/v1/proposals/counts", headers=tenant.engineer.headers)
    assert counts.json()["step_flags"] == 1
    # Only with the open proposals.
    rejected = await client.get("/api/v1/proposals?status=rejected", headers=tenant.admin.headers)
    assert rejected.json()["step_flags"] == []

    r = await client.post(
        f"/api/v1/steps/flags/{flag_id}/resolve", headers=tenant.admin.headers, json={}
    )
    assert r.status_code == 200, r.text
    queue = await client.get("/api/v1/proposals", headers=tenant.admin.headers)
    assert queue.json()["step_flags"] == []
    counts = await client.get("/api/v1/proposals/counts", headers=tenant.admin.headers)
    assert counts.json()["step_flags"] == 0
