"""Review findings in the PSA integration (settings, ticket context, members, the outbox and the
providers): each test failed before its fix."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import delete, select

from resolutionflow.config import get_settings
from resolutionflow.models.psa import PsaConnection
from resolutionflow.providers.psa import connectwise as cw_module
from resolutionflow.providers.psa.autotask import Autotask
from resolutionflow.providers.psa.base import PsaError
from resolutionflow.providers.psa.connectwise import ConnectWise
from resolutionflow.providers.psa.halopsa import HaloPSA
from resolutionflow.providers.psa.http import RetryPolicy
from resolutionflow.psa import connections
from resolutionflow.psa.outbox import Outbox
from tests.auth.support import assert_problem
from tests.fakes import halopsa as halo_fake
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant
from tests.psa.conftest import connect, start, timeline

URL = "/api/v1/integrations/psa"
# Digits to str.isdigit(), not to int(): "²" is a superscript two.
NOT_ASCII_DIGITS = "²"


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


@pytest.fixture
def outbox(app: FastAPI) -> Outbox:
    """The app's outbox; no worker runs under the test client, so tests drive `run_due()`."""
    box: Outbox = app.state.psa_outbox
    return box


@pytest.fixture(scope="module")
def halo_server() -> Iterator[halo_fake.FakeHaloPSA]:
    with halo_fake.FakeHaloPSA() as server:
        yield server


def _events(entries: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in entries if e["type"] == kind]


# --- bad input is a 4xx (or a plain failure on the timeline), never a 500 ----------------------


async def test_a_ticket_number_in_unicode_digits_is_not_a_500(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    # "²".isdigit() is True but int("²") raises ValueError: it escaped as a 500 from linking,
    # searching, and (after the session was already stored) from starting a session.
    await connect(client, tenant, cw)
    h = tenant.engineer.headers
    session = await start(client, tenant, "1001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/ticket",
        headers=h,
        json={"ticket_id": NOT_ASCII_DIGITS},
    )
    assert_problem(r, 422)
    r = await client.get("/api/v1/psa/tickets", headers=h, params={"q": NOT_ASCII_DIGITS})
    assert r.status_code == 200, r.text
    started = await start(client, tenant, NOT_ASCII_DIGITS)
    [failed] = _events(await timeline(client, tenant, started["id"]), "ticket_link_failed")
    assert "not found" in failed["payload"]["reason"]


@pytest.mark.parametrize("provider", ["autotask", "halopsa"])
async def test_other_providers_refuse_unicode_digits_as_a_psa_error(provider: str) -> None:
    client: Autotask | HaloPSA = (
        Autotask({"zone_url": "http://127.0.0.1:9/atservicesrest"})
        if provider == "autotask"
        else HaloPSA({"base_url": "http://127.0.0.1:9"})
    )
    try:
        with pytest.raises(PsaError):
            # Both refused "²" with a ValueError before any request was made.
            if isinstance(client, Autotask):
                await client._ticket_number(NOT_ASCII_DIGITS)
            else:
                client._ticket_number(NOT_ASCII_DIGITS)
    finally:
        await client.aclose()


async def test_a_malformed_url_is_a_422_not_a_500(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    # urlsplit raises ValueError for a broken IPv6 literal; the checks called it unguarded.
    h = tenant.admin.headers
    for bad in ("https://[abc/apis/3.0", "https://cw.example.com:99999999/apis/3.0"):
        r = await client.put(
            URL, headers=h, json={"provider": "connectwise", **cw.credentials(), "base_url": bad}
        )
        assert_problem(r, 422)
        assert r.json()["errors"][0]["loc"] == ["body", "base_url"]
    r = await client.post(f"{URL}/discover", headers=h, json={"site": "[abc", "company_id": "acme"})
    assert_problem(r, 422)


# --- no transaction waits on the PSA ---------------------------------------------------------


async def test_discover_does_not_hold_the_database_while_the_site_answers(
    client: AsyncClient, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sign-in check opened a transaction (on SQLite: the write lock) that stayed open
    # while ConnectWise's companyinfo answered: every other writer waited on it.
    started, release = asyncio.Event(), asyncio.Event()

    async def slow_discover(site: str, company_id: str) -> dict[str, Any]:
        started.set()
        await release.wait()
        return {"base_url": "https://api-na.example.com/v1/apis/3.0", "codebase": "v1/"}

    monkeypatch.setattr(cw_module, "discover", slow_discover)
    sid = (
        await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "x"})
    ).json()["id"]
    found = asyncio.create_task(
        client.post(
            f"{URL}/discover",
            headers=tenant.admin.headers,
            json={"site": "na.example.com", "company_id": "acme"},
        )
    )
    await started.wait()
    try:
        note = await asyncio.wait_for(
            client.post(
                f"/api/v1/sessions/{sid}/events",
                headers=tenant.engineer.headers,
                json={"type": "note", "text": "meanwhile"},
            ),
            timeout=5,
        )
    finally:
        release.set()
    assert note.status_code == 201, note.text
    assert (await found).status_code == 200


async def test_a_slow_psa_does_not_hold_up_starting_a_session(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The session is stored before its ticket is fetched, but the start waited for as long as
    # the PSA took (every call with its own timeout and retries): minutes, or forever.
    await connect(client, tenant, cw)
    monkeypatch.setattr(get_settings(), "psa_timeout_s", 0.3)
    never = asyncio.Event()

    async def hang(self: ConnectWise, ticket_id: str) -> Any:
        await never.wait()

    monkeypatch.setattr(ConnectWise, "get_ticket", hang)
    session = await asyncio.wait_for(start(client, tenant, "1001"), timeout=10)
    [failed] = _events(await timeline(client, tenant, session["id"]), "ticket_link_failed")
    assert "did not answer" in failed["payload"]["reason"]


async def test_linking_a_ticket_while_the_session_moves_on_is_not_a_conflict(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `link` read the session, committed, waited on the PSA, then appended from the copy read
    # before: a note added meanwhile took the same sequence number, and the link was a 409.
    await connect(client, tenant, cw)
    h = tenant.engineer.headers
    sid = (await client.post("/api/v1/sessions", headers=h, json={"title": "x"})).json()["id"]
    real = ConnectWise.get_ticket

    async def while_a_note_is_added(self: ConnectWise, ticket_id: str) -> Any:
        r = await client.post(
            f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "note", "text": "meanwhile"}
        )
        assert r.status_code == 201, r.text
        return await real(self, ticket_id)

    monkeypatch.setattr(ConnectWise, "get_ticket", while_a_note_is_added)
    r = await client.post(
        f"/api/v1/sessions/{sid}/psa/ticket", headers=h, json={"ticket_id": "1001"}
    )
    assert r.status_code == 200, r.text
    entries = await timeline(client, tenant, sid)
    assert [e["seq"] for e in entries] == sorted({e["seq"] for e in entries})
    assert _events(entries, "note") and _events(entries, "ticket_linked")


# --- ticket context ----------------------------------------------------------------------------


async def test_a_ticket_typed_with_a_hash_keeps_its_context_after_the_start(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    # The start linked ticket "1001" but left the session at "#1001"; `latest` then found the
    # context for another ticket and dropped it: no PSA card in the runner, no board for the
    # automatic status change. (The same for an Autotask ticket number T2026....)
    await connect(client, tenant, cw)
    session = await start(client, tenant, "#1001")
    r = await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    assert r.json()["ticket"] is not None
    assert r.json()["ticket"]["summary"] == "Outlook will not start after update"


# --- members -----------------------------------------------------------------------------------


async def test_members_load_after_an_auto_mapped_member_is_replaced(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    # The stale auto link was deleted and a new one for the same user added in one flush; the
    # unit of work inserts before it deletes, so the members tab answered 409 from then on.
    await connect(client, tenant, cw)
    email = tenant.engineer.email
    cw.add_member(
        id=7001, identifier="jold", firstName="Jo", primaryEmail=email, inactiveFlag=False
    )
    r = await client.get(f"{URL}/members", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    for member in cw._members:
        if member["id"] == 7001:
            member["inactiveFlag"] = True  # left; re-created with the same email
    cw.add_member(
        id=7002, identifier="jnew", firstName="Jo", primaryEmail=email, inactiveFlag=False
    )
    r = await client.get(f"{URL}/members", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    mine = next(x for x in r.json()["links"] if x["user_id"] == str(tenant.engineer.id))
    assert mine["member_identifier"] == "jnew" and mine["source"] == "auto"


# --- the outbox ----------------------------------------------------------------------------------


async def test_a_push_is_not_sent_to_another_psa_after_the_connection_switched(
    client: AsyncClient,
    tenant: Tenant,
    cw: FakeConnectWise,
    halo_server: halo_fake.FakeHaloPSA,
    outbox: Outbox,
) -> None:
    # The outbox used the connection as it is now: a ConnectWise note for ticket 1001 went to
    # HaloPSA's ticket 1001, another ticket (and perhaps another customer).
    halo_server.reset()
    await connect(client, tenant, cw)
    session = await start(client, tenant, "1001")
    r = await client.post(
        f"/api/v1/sessions/{session['id']}/psa/push",
        headers=tenant.engineer.headers,
        json={"note_type": "internal"},
    )
    assert r.status_code == 202, r.text
    r = await client.put(
        URL,
        headers=tenant.admin.headers,
        json={
            "provider": "halopsa",
            "base_url": halo_server.url,
            "client_id": halo_fake.CLIENT_ID,
            "client_secret": halo_fake.CLIENT_SECRET,
        },
    )
    assert r.status_code == 200, r.text
    await outbox.run_due()
    assert not [n for n in halo_server.notes(1001) if "[ResolutionFlow RF-" in str(n.get("note"))]
    view = (
        await client.get(f"/api/v1/sessions/{session['id']}/psa", headers=tenant.engineer.headers)
    ).json()
    assert view["pushes"][0]["state"] == "failed"
    assert "ConnectWise" in view["pushes"][0]["last_error"]


# --- secrets -------------------------------------------------------------------------------------


async def test_a_saved_secret_is_not_sent_to_a_new_address(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    # A blank secret kept the saved one whatever the base URL: pointing the form at another
    # host (even only testing it, which is not audited) sent the private key there.
    await connect(client, tenant, cw)
    h = tenant.admin.headers
    elsewhere = {
        "provider": "connectwise",
        **cw.credentials(),
        "base_url": "https://collector.example.net/v2025_1/apis/3.0",
        "private_key": "",
    }
    for r in (
        await client.put(URL, headers=h, json=elsewhere),
        await client.post(f"{URL}/test", headers=h, json=elsewhere),
    ):
        assert_problem(r, 422)
        assert ["body", "private_key"] in [e["loc"] for e in r.json()["errors"]]
    # Another path on the same host keeps it (a ConnectWise upgrade moves the codebase).
    same_host = {**elsewhere, "base_url": cw.url + "/v2025_2/apis/3.0"}
    r = await client.put(URL, headers=h, json=same_host)
    assert r.status_code == 200, r.text
    assert r.json()["secrets_set"] == ["private_key"]


async def test_a_psa_error_never_holds_a_key_in_its_text(cw: FakeConnectWise) -> None:
    # The client scrubbed `message` but str(error) still read the unscrubbed args, although
    # PsaError promises a str() that is safe to log.
    provider = ConnectWise(cw.credentials(), policy=RetryPolicy(max_retries=0))
    cw.fail_next(400, message=f"Bad request signed with {cw.private_key}")
    try:
        with pytest.raises(PsaError) as caught:
            await provider.get_ticket("1001")
    finally:
        await provider.aclose()
    assert cw.private_key not in caught.value.message
    assert cw.private_key not in str(caught.value)


async def test_testing_saved_settings_survives_their_removal_meanwhile(
    client: AsyncClient,
    tenant: Tenant,
    cw: FakeConnectWise,
    app: FastAPI,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The result was written onto the copy read before the PSA call: a connection removed
    # meanwhile made that UPDATE match no row (StaleDataError, a 500).
    await connect(client, tenant, cw)
    real = connections.run_test

    async def removed_meanwhile(provider: Any) -> Any:
        result = await real(provider)
        async with app.state.sessionmaker() as db:
            await db.execute(delete(PsaConnection).where(PsaConnection.account_id == tenant.id))
            await db.commit()
        return result

    monkeypatch.setattr(connections, "run_test", removed_meanwhile)
    r = await client.post(f"{URL}/test", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["ok"] is True
    async with app.state.sessionmaker() as db:
        left = await db.scalar(
            select(PsaConnection.id).where(PsaConnection.account_id == tenant.id)
        )
    assert left is None  # and the removal stands
