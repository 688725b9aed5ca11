"""The ticket queue (mine, my team's boards) with search, filters and pages, and the form's
choices; a PSA without these calls is a clear 501 naming it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from httpx import AsyncClient

from tests.fakes import halopsa as halo_fake
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect

URL = "/api/v1/psa/tickets/queue"


def _ids(r) -> list[str]:  # type: ignore[no-untyped-def]
    assert r.status_code == 200, r.text
    return [t["id"] for t in r.json()["items"]]


async def test_team_boards_search_and_filters(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    h = tenant.engineer.headers
    # Open tickets only (1004 is closed), newest first.
    assert _ids(await client.get(URL + "?view=team", headers=h)) == ["1005", "1003", "1002", "1001"]
    assert _ids(await client.get(URL + "?view=team&company_id=251", headers=h)) == ["1002"]
    assert _ids(await client.get(URL + "?view=team&priority_id=1", headers=h)) == ["1005"]
    assert _ids(await client.get(URL + "?view=team&status=New", headers=h)) == ["1003", "1001"]
    assert _ids(await client.get(URL + "?view=team&board_id=2", headers=h)) == []
    assert _ids(await client.get(URL + "?view=team&q=printer", headers=h)) == ["1003"]
    assert _ids(await client.get(URL + "?view=team&q=globex", headers=h)) == ["1002"]
    assert _ids(await client.get(URL + "?view=team&q=%231002", headers=h)) == ["1002"]
    first = await client.get(URL + "?view=team&page_size=3", headers=h)
    assert _ids(first) == ["1005", "1003", "1002"] and first.json()["has_more"] is True
    second = await client.get(URL + "?view=team&page_size=3&page=2", headers=h)
    assert _ids(second) == ["1001"] and second.json()["has_more"] is False
    row = first.json()["items"][0]
    assert (row["company"], row["board"], row["priority"]) == (
        "Acme Corporation", "Help Desk", "Priority 1 - Critical"
    )  # fmt: skip
    r = await client.get(URL + "?view=team&board_id=abc", headers=h)
    assert r.status_code == 422


async def test_my_tickets_are_those_of_my_psa_member(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    h = tenant.engineer.headers
    r = await client.get(URL + "?view=mine", headers=h)
    assert r.status_code == 422 and "not linked" in r.json()["detail"]
    r = await client.put(
        f"/api/v1/integrations/psa/members/{tenant.engineer.id}",
        headers=tenant.admin.headers,
        json={"member_id": "152"},
    )
    assert r.status_code == 200, r.text
    mine = cw.add_ticket(
        summary="Erin's ticket",
        closedFlag=False,
        board={"id": 1, "name": "Help Desk"},
        owner={"id": 152, "identifier": "eengineer", "name": "Erin Engineer"},
    )
    cw.add_ticket(
        summary="Someone else's",
        closedFlag=False,
        owner={"id": 153, "identifier": "ssuper", "name": "Sam Super"},
    )
    r = await client.get(URL, headers=h)
    assert _ids(r) == [str(mine)]
    assert r.json()["view"] == "mine" and r.json()["items"][0]["owner"] == "Erin Engineer"


async def test_the_forms_choices(client: AsyncClient, tenant: Tenant, cw: FakeConnectWise) -> None:
    await connect(client, tenant, cw)
    r = await client.get("/api/v1/psa/tickets/options", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    o = r.json()
    assert [b["name"] for b in o["boards"]] == ["Escalations", "Help Desk"]  # not the inactive
    assert next(p["name"] for p in o["priorities"]) == "Priority 1 - Critical"
    assert {c["name"] for c in o["companies"]} == {"Acme Corporation", "Globex Ltd"}
    assert {c["name"] for c in o["contacts"]} == {"Jane Doe", "Hank Scorpio"}
    r = await client.get("/api/v1/psa/tickets/options?board_id=1", headers=tenant.engineer.headers)
    assert [t["name"] for t in r.json()["types"]] == ["Incident", "Problem", "Service Request"]
    assert "New" in [s["name"] for s in r.json()["statuses"]]
    r = await client.get("/api/v1/psa/tickets/options", headers=tenant.viewer.headers)
    assert r.status_code == 403


@pytest.fixture(scope="module")
def halo_server() -> Iterator[halo_fake.FakeHaloPSA]:
    with halo_fake.FakeHaloPSA() as server:
        yield server


async def test_a_psa_without_a_ticket_desk_is_named_in_a_501(
    client: AsyncClient, tenant: Tenant, halo_server: halo_fake.FakeHaloPSA
) -> None:
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={
            "provider": "halopsa",
            "base_url": halo_server.url,
            "client_id": halo_fake.CLIENT_ID,
            "client_secret": halo_fake.CLIENT_SECRET,
        },
    )
    assert r.status_code == 200, r.text
    for method, url, body in (
        ("GET", URL + "?view=team", None),
        ("POST", "/api/v1/psa/tickets", {"summary": "x"}),
        ("POST", "/api/v1/psa/tickets/triage", {"text": "printer"}),
    ):
        r = await client.request(method, url, headers=tenant.engineer.headers, json=body)
        assert r.status_code == 501, r.text
        assert "HaloPSA" in r.json()["detail"]
        assert r.headers["content-type"].startswith("application/problem+json")


async def test_the_desk_says_whether_tickets_can_be_worked_here(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    url = "/api/v1/psa/tickets/desk"
    r = await client.get(url, headers=tenant.engineer.headers)
    assert r.json() == {
        "connected": False, "provider": None, "provider_label": None, "tickets": False
    }  # fmt: skip
    await connect(client, tenant, cw)
    r = await client.get(url, headers=tenant.engineer.headers)
    assert r.json() == {
        "connected": True, "provider": "connectwise", "provider_label": "ConnectWise PSA",
        "tickets": True,
    }  # fmt: skip
    assert cw.api_requests() == []  # nothing was asked of the PSA
    assert (await client.get(url, headers=tenant.viewer.headers)).status_code == 403
