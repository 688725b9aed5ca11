"""Each role gets exactly its sections of Home (the others are null): engineers their work,
team admins that and the account's health and queues, viewers the newest published flows."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Tenant
from tests.home.support import SECTIONS, home
from tests.test_tenancy import SMALL_FLOW

ENGINEER = {"sessions", "handoffs", "maintenance", "my_week"}
ADMIN = ENGINEER | {"team_health", "proposals", "step_flags", "failed_pushes", "failed_jobs"}
EXPECTED = {
    "viewer": {"flows"},
    "engineer": ENGINEER,
    "team_admin": ADMIN,
    "super_admin": ADMIN,
}


@pytest.mark.parametrize("role", list(EXPECTED))
async def test_each_role_gets_exactly_its_sections(
    client: AsyncClient, factory: Factory, role: str
) -> None:
    tenant = await factory.tenant()
    body = await home(client, tenant[role])
    assert body["role"] == role
    present = {k for k in SECTIONS if body[k] is not None}
    assert present == EXPECTED[role]
    # What a role gets is there even when empty: "nothing to do" is not "not for you".
    lists = present - {"my_week", "team_health", "maintenance"}
    if role == "super_admin":
        lists.discard("failed_jobs")  # the operator's are every account's (tests elsewhere)
    for name in lists:
        assert body[name]["items"] == [] and body[name]["total"] == 0, name
    if "handoffs" in present:
        waiting = body["handoffs"]["account_waiting"]
        assert (waiting is None) == (role == "engineer")


async def test_home_needs_a_sign_in(client: AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/home"), 401)


async def test_viewers_see_the_newest_published_flows_of_their_account_only(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()

    async def flow(owner: Tenant, title: str, publish: bool = True, archive: bool = False) -> str:
        headers = owner.admin.headers
        r = await client.post("/api/v1/flows", headers=headers, json={**SMALL_FLOW, "title": title})
        assert r.status_code == 201, r.text
        flow_id = str(r.json()["id"])
        if publish:
            r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=headers, json={})
            assert r.status_code == 200, r.text
        if archive:
            r = await client.post(f"/api/v1/flows/{flow_id}/archive", headers=headers, json={})
            assert r.status_code == 200, r.text
        return flow_id

    first = await flow(tenant, "Printer offline")
    second = await flow(tenant, "VPN drops")
    await flow(tenant, "Only a draft", publish=False)
    await flow(tenant, "Retired", archive=True)
    await flow(other, "Someone else's flow")

    flows = (await home(client, tenant.viewer))["flows"]
    assert flows["total"] == 2
    assert [f["id"] for f in flows["items"]] == [second, first]
    top = flows["items"][0]
    assert (top["title"], top["kind"], top["version"]) == ("VPN drops", "troubleshooting", 1)
