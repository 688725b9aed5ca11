"""A team admin's Home lists what waits for the account: open proposals and step flags, PSA
pushes that failed for good, and failed or dead jobs; each the newest ten with the total, and
never another account's."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient

from tests.fixtures.factories import Factory, Tenant, unique
from tests.home.support import failed_job, failed_push, home, open_proposal, past_session


async def _flagged_step(client: AsyncClient, tenant: Tenant, reason: str) -> str:
    r = await client.post(
        "/api/v1/steps",
        headers=tenant.admin.headers,
        json={"title": unique("Clear the credential"), "body": "cmdkey /list", "kind": "action"},
    )
    assert r.status_code == 201, r.text
    step_id = str(r.json()["id"])
    r = await client.post(
        f"/api/v1/steps/{step_id}/flags", headers=tenant.engineer.headers, json={"reason": reason}
    )
    assert r.status_code == 201, r.text
    return step_id


async def test_open_proposals_flags_failed_pushes_and_jobs_of_my_account_only(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    for n in range(12):
        await open_proposal(app, tenant.id, f"Proposal {n}")
    await open_proposal(app, other.id, "Another account's proposal")
    step_id = await _flagged_step(client, tenant, "The path moved in Windows 11")
    await _flagged_step(client, other, "Someone else's flag")
    session_id = await past_session(
        app, tenant.engineer, tenant.id, days_ago=1, status="resolved", active_seconds=60
    )
    push_id = await failed_push(app, session_id, tenant.id)
    theirs = await past_session(
        app, other.engineer, other.id, days_ago=1, status="resolved", active_seconds=60
    )
    await failed_push(app, theirs, other.id)
    dead = await failed_job(app, tenant.id, "dead")
    failing = await failed_job(app, tenant.id, "failed")
    await failed_job(app, tenant.id, "succeeded")
    other_job = await failed_job(app, other.id, "dead")

    body = await home(client, tenant.admin)
    proposals = body["proposals"]
    assert proposals["total"] == 12 and len(proposals["items"]) == 10
    assert all(p["title"].startswith("Proposal ") for p in proposals["items"])
    assert proposals["items"][0]["can_review"] is True

    flags = body["step_flags"]
    assert flags["total"] == 1
    [flag] = flags["items"]
    assert (flag["step_id"], flag["reason"]) == (step_id, "The path moved in Windows 11")

    pushes = body["failed_pushes"]
    assert pushes["total"] == 1
    [push] = pushes["items"]
    assert (push["id"], push["session_id"]) == (str(push_id), str(session_id))
    assert push["last_error"] == "The ticket is closed" and push["session_title"] == "Past resolved"

    jobs = body["failed_jobs"]
    assert jobs["total"] == 2
    assert {j["id"] for j in jobs["items"]} == {str(dead), str(failing)}
    assert {j["state"] for j in jobs["items"]} == {"dead", "failed"}

    # The installation's operator sees every account's failed jobs, as on the Jobs page.
    operator = (await home(client, tenant.super_admin))["failed_jobs"]
    assert operator["total"] >= 3
    # The other account's admin sees only theirs.
    body = await home(client, other.admin)
    assert [p["title"] for p in body["proposals"]["items"]] == ["Another account's proposal"]
    assert [f["reason"] for f in body["step_flags"]["items"]] == ["Someone else's flag"]
    assert [p["session_id"] for p in body["failed_pushes"]["items"]] == [str(theirs)]
    assert [j["id"] for j in body["failed_jobs"]["items"]] == [str(other_job)]
