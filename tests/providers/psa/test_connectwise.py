"""The ConnectWise provider, its real HTTP client, against a local ConnectWise stand-in."""

from __future__ import annotations

import base64
import socket
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest

from resolutionflow.providers.psa.base import Member, NoteDraft, NoteType, PsaError, TimeEntry
from resolutionflow.providers.psa.connectwise import ConnectWise, api_base_url, discover
from resolutionflow.providers.psa.http import RetryPolicy
from resolutionflow.providers.psa.registry import provider_for
from tests.fakes.connectwise import CLIENT_ID, VERSION, FakeConnectWise
from tests.providers.llm.conftest import SleepRecorder

ACCEPT = "application/vnd.connectwise.com+json; version=2025.8"
BASIC = "Basic " + base64.b64encode(b"acme+pubkey123:privkey456").decode()
FLAGS = ("detailDescriptionFlag", "internalAnalysisFlag", "resolutionFlag")


@asynccontextmanager
async def connect(
    cw: FakeConnectWise, waits: SleepRecorder, **overrides: Any
) -> AsyncIterator[ConnectWise]:
    timeout_s = overrides.pop("timeout_s", 5.0)
    config: Mapping[str, str] = {**cw.credentials(), **overrides}
    client = ConnectWise(
        config, timeout_s=timeout_s, policy=RetryPolicy(backoff_base_s=0.01), sleep=waits
    )
    try:
        yield client
    finally:
        await client.aclose()


def calls(
    cw: FakeConnectWise, method: str | None = None, path: str | None = None
) -> list[dict[str, Any]]:
    return [
        r
        for r in cw.api_requests()
        if (method is None or r["method"] == method) and (path is None or r["path"] == path)
    ]


def erin() -> Member:
    return Member(
        id="152", identifier="eengineer", name="Erin Engineer", email="engineer@acme.example"
    )


# --- signing in ------------------------------------------------------------------------------


async def test_every_call_sends_basic_auth_client_id_and_pinned_version(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    await provider.test()
    await provider.get_ticket("1001")
    await provider.search_tickets("outlook")
    await provider.post_note("1001", NoteDraft("Checked the add-ins.", "internal"))

    sent = cw.api_requests()
    assert len(sent) >= 6
    for request in sent:
        assert request["headers"]["authorization"] == BASIC
        assert request["headers"]["clientid"] == CLIENT_ID
        assert request["headers"]["accept"] == ACCEPT
    assert calls(cw, "POST")[0]["headers"]["content-type"] == "application/json"


async def test_test_returns_the_psa_version(provider: ConnectWise, cw: FakeConnectWise) -> None:
    assert await provider.test() == VERSION
    assert [r["path"] for r in cw.api_requests()] == ["/system/info"]


def test_registry_builds_connectwise(cw: FakeConnectWise) -> None:
    client = provider_for("connectwise", cw.credentials())
    assert isinstance(client, ConnectWise)
    assert [f.name for f in ConnectWise.fields] == [
        "base_url",
        "company_id",
        "public_key",
        "private_key",
        "client_id",
    ]
    assert {f.name: f.kind for f in ConnectWise.fields}["private_key"] == "secret"


async def test_bad_private_key_is_a_credentials_error_that_never_shows_the_key(
    cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    secret = "wrong-private-KEY-9f8e7d"
    async with connect(cw, waits, private_key=secret) as client:
        with pytest.raises(PsaError) as caught:
            await client.test()

    error = caught.value
    assert error.kind == "credentials"
    assert error.status == 401
    assert "ConnectWise refused the API keys" in str(error)
    assert "Check the keys" in str(error)
    token = base64.b64encode(f"acme+pubkey123:{secret}".encode()).decode()
    assert secret not in str(error)
    assert token not in str(error)
    assert len(cw.api_requests()) == 1  # never retried
    assert waits.delays == []


async def test_missing_client_id_is_refused(cw: FakeConnectWise, waits: SleepRecorder) -> None:
    async with connect(cw, waits, client_id="") as client:
        with pytest.raises(PsaError) as caught:
            await client.test()
    assert caught.value.kind == "credentials"


async def test_forbidden_names_what_was_denied_and_advises(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    cw.fail_next(403, message="You do not have permission to view Service Tickets (Inquire).")

    with pytest.raises(PsaError) as caught:
        await provider.get_ticket("1001")

    error = caught.value
    assert error.kind == "permission"
    assert "lacks permission: You do not have permission to view Service Tickets" in str(error)
    assert "Ask your PSA administrator" in str(error)
    assert len(cw.api_requests()) == 1


@pytest.mark.parametrize("base", ["/v2019_4/apis/3.0", ""])
async def test_a_base_url_outside_the_codebase_is_wrong_codebase(
    cw: FakeConnectWise, waits: SleepRecorder, base: str
) -> None:
    async with connect(cw, waits, base_url=cw.url + base) as client:
        with pytest.raises(PsaError) as caught:
            await client.test()
    assert caught.value.kind == "wrong_codebase"
    assert "discover" in str(caught.value)


async def test_a_closed_port_is_unreachable(cw: FakeConnectWise, waits: SleepRecorder) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with connect(cw, waits, base_url=f"http://127.0.0.1:{port}/v2025_1/apis/3.0") as client:
        with pytest.raises(PsaError) as caught:
            await client.test()
    assert caught.value.kind == "unreachable"
    assert caught.value.retryable
    assert len(waits.delays) == 3  # the connection never opened: retried, then given up


# --- discovery ------------------------------------------------------------------------------


async def test_discover_finds_the_codebase_and_api_base(
    cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    found = await discover(cw.url, "ACME")

    assert found == {
        "base_url": cw.base_url,
        "codebase": "v2025_1/",
        "company_name": "Demo MSP",
        "is_cloud": False,
        "site_url": f"127.0.0.1:{cw.port}",
    }
    sent = cw.requests[0]
    assert sent["path"] == "/login/companyinfo/ACME"
    assert "authorization" not in sent["headers"]
    async with connect(cw, waits, base_url=found["base_url"]) as client:
        assert await client.test() == VERSION


async def test_discover_an_unknown_company_is_not_found(cw: FakeConnectWise) -> None:
    with pytest.raises(PsaError) as caught:
        await discover(cw.url, "nobody")
    assert caught.value.kind == "not_found"
    assert "ConnectWise does not know company 'nobody'" in str(caught.value)


def test_cloud_sites_use_the_api_host_and_on_premises_the_site() -> None:
    cloud = api_base_url(
        "https", "na.myconnectwise.net", "v2025_1/", is_cloud=True, site_url="na.myconnectwise.net"
    )
    assert cloud == "https://api-na.myconnectwise.net/v2025_1/apis/3.0"
    premises = api_base_url(
        "https", "cw.msp.test", "v4_6_release/", is_cloud=False, site_url="cw.msp.test"
    )
    assert premises == "https://cw.msp.test/v4_6_release/apis/3.0"


# --- tickets ---------------------------------------------------------------------------------


async def test_get_ticket_reads_contact_and_configurations(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    ticket = await provider.get_ticket("1001")

    assert ticket.id == "1001"
    assert ticket.summary == "Outlook will not start after update"
    assert (ticket.company, ticket.status, ticket.board) == ("Acme Corporation", "New", "Help Desk")
    assert ticket.priority == "Priority 2 - High"
    assert (ticket.contact_name, ticket.contact_email) == ("Jane Doe", "jane.doe@acme-corp.test")
    laptop, firewall = ticket.configurations
    assert (laptop.id, laptop.name, laptop.type) == ("501", "ACME-LT-0042", "Laptop")
    assert (laptop.serial, laptop.ip_address, laptop.os) == (
        "5CG1234XYZ",
        "10.0.4.42",
        "Windows 11 Pro",
    )
    assert (firewall.name, firewall.type, firewall.os) == (
        "ACME-FW-01",
        "Firewall",
        "FortiOS 7.4.3",
    )
    assert ticket.url is not None and "service_recid=1001" in ticket.url
    paths = [r["path"] for r in cw.api_requests()]
    assert paths[:2] == ["/service/tickets/1001", "/service/tickets/1001/configurations"]
    assert sorted(paths[2:]) == ["/company/configurations/501", "/company/configurations/502"]


@pytest.mark.parametrize("ticket_id", ["abc", "10 01", "", "1001; drop"])
async def test_a_ticket_id_that_is_not_a_number_is_not_found_without_a_call(
    provider: ConnectWise, cw: FakeConnectWise, ticket_id: str
) -> None:
    with pytest.raises(PsaError) as caught:
        await provider.get_ticket(ticket_id)
    assert caught.value.kind == "not_found"
    assert cw.api_requests() == []


async def test_a_missing_ticket_is_not_found(provider: ConnectWise, cw: FakeConnectWise) -> None:
    with pytest.raises(PsaError) as caught:
        await provider.get_ticket("99999")
    assert caught.value.kind == "not_found"
    assert len(cw.api_requests()) == 1


async def test_messy_tickets_parse_without_crashing(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    bare = cw.add_ticket(summary="Bare ticket")
    odd = cw.add_ticket(
        summary=4711,
        status={"id": 77, "name": "Escalated to Vendor"},  # not one of the board's usual statuses
        company="Acme as a plain string",
        board=[],
        priority=None,
        contact={"id": 9},
        contactEmailAddress="   ",
    )

    plain = await provider.get_ticket(str(bare))
    assert (plain.summary, plain.board, plain.status, plain.priority) == (
        "Bare ticket",
        None,
        None,
        None,
    )
    assert (plain.contact_name, plain.contact_email, plain.configurations) == (None, None, [])
    weird = await provider.get_ticket(str(odd))
    assert (weird.summary, weird.status, weird.company) == (
        "4711",
        "Escalated to Vendor",
        "Acme as a plain string",
    )
    assert (weird.board, weird.priority, weird.contact_name, weird.contact_email) == (
        None,
        None,
        None,
        None,
    )


async def test_search_by_number_and_by_text_leaves_closed_tickets_out(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    by_number = await provider.search_tickets("1002")
    assert [t.id for t in by_number] == ["1002"]
    assert by_number[0].company == "Globex Ltd"
    conditions = calls(cw, "GET", "/service/tickets")[0]["query"]["conditions"]
    assert conditions == "closedFlag = false and (id = 1002)"

    assert [t.id for t in await provider.search_tickets("printer")] == ["1003"]
    assert await provider.search_tickets("#1004") == []  # closed
    assert await provider.search_tickets("password reset") == []  # closed
    assert [t.id for t in await provider.search_tickets("")] == ["1005", "1003", "1002", "1001"]
    assert [t.id for t in await provider.search_tickets("", limit=2)] == ["1005", "1003"]


async def test_search_text_with_quotes_is_escaped(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    ticket = cw.add_ticket(summary='Error "0x80070005" in C:\\Temp', closedFlag=False)

    found = await provider.search_tickets('"0x80070005" in C:\\Temp')

    assert [t.id for t in found] == [str(ticket)]
    conditions = calls(cw, "GET", "/service/tickets")[0]["query"]["conditions"]
    assert conditions.endswith('summary contains "\\"0x80070005\\" in C:\\\\Temp"')


async def test_an_unparseable_condition_is_reported_as_invalid(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    with pytest.raises(PsaError) as caught:
        await provider.paged("/service/tickets", {"conditions": "summary contains"})
    assert caught.value.kind == "invalid"
    assert "conditions are not valid" in str(caught.value)
    assert len(cw.api_requests()) == 1


# --- members and paging ----------------------------------------------------------------------


async def test_the_stand_in_links_drop_the_conditions(cw: FakeConnectWise) -> None:
    # Why the client re-sends its query: following ConnectWise's next link loses the filter.
    async with httpx.AsyncClient(headers={"Authorization": BASIC, "clientId": CLIENT_ID}) as http:
        first = await http.get(
            cw.base_url + "/system/members", params={"conditions": "inactiveFlag = false"}
        )
    next_url = first.links["next"]["url"]
    assert "page=2" in next_url and "pageSize=25" in next_url
    assert "conditions" not in next_url


async def test_list_members_pages_through_all_and_keeps_the_conditions(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    provider.page_size = 25

    members = await provider.list_members()

    # 4 active seeded members + 60 extra of which 6 are inactive.
    assert len(members) == 4 + 54
    assert len({m.id for m in members}) == len(members)
    assert all(m.active for m in members)
    assert "oleft" not in {m.identifier for m in members}
    pages = calls(cw, "GET", "/system/members")
    assert [r["query"]["page"] for r in pages] == ["1", "2", "3"]
    for request in pages:
        assert request["query"]["conditions"] == "inactiveFlag = false"
        assert request["query"]["pageSize"] == "25"


async def test_members_parse_permissively(provider: ConnectWise, cw: FakeConnectWise) -> None:
    cw.add_member(
        id="777",
        identifier="strid",
        lastName="Only",
        officeEmail="only@msp.test",
        inactiveFlag=False,
    )
    cw.add_member(identifier="no-first-name", firstName=None, inactiveFlag=False)
    cw.add_member(identifier=None, firstName="No identifier", inactiveFlag=False)

    by_identifier = {m.identifier: m for m in await provider.list_members()}

    api = by_identifier["rfapi"]  # licenseClass "A", no lastName, no email
    assert (api.id, api.name, api.email) == ("150", "ResolutionFlow", None)
    assert by_identifier["eengineer"].email == "engineer@acme.example"
    assert by_identifier["eengineer"].name == "Erin Engineer"
    assert by_identifier["aadmin"].email == "admin@acme.example"  # primary before office
    assert by_identifier["ssuper"].email == "super@acme.example"  # office when no primary
    assert (by_identifier["strid"].id, by_identifier["strid"].name) == ("777", "Only")
    assert by_identifier["no-first-name"].name == "no-first-name"
    assert "No identifier" not in {m.name for m in by_identifier.values()}


# --- retries ---------------------------------------------------------------------------------


async def test_429_waits_as_long_as_retry_after_then_succeeds(
    provider: ConnectWise, cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    cw.fail_next(429, retry_after=2)

    assert await provider.test() == VERSION

    assert waits.delays == [2.0]
    assert len(cw.api_requests()) == 2


async def test_503_twice_then_success_on_a_get(
    provider: ConnectWise, cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    cw.fail_next(503, count=2)

    ticket = await provider.get_ticket("1002")

    assert ticket.summary == "VPN disconnects every 10 minutes"
    assert len(waits.delays) == 2
    assert len(calls(cw, "GET", "/service/tickets/1002")) == 3


async def test_a_psa_that_stays_down_is_a_server_error(
    provider: ConnectWise, cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    cw.down = True
    with pytest.raises(PsaError) as caught:
        await provider.test()
    assert caught.value.kind == "server"
    assert caught.value.retryable
    assert len(cw.api_requests()) == 4  # one try and three retries


@pytest.mark.parametrize(
    ("status", "kind"), [(400, "invalid"), (401, "credentials"), (403, "permission")]
)
async def test_client_errors_are_never_retried(
    provider: ConnectWise, cw: FakeConnectWise, waits: SleepRecorder, status: int, kind: str
) -> None:
    cw.fail_next(status, count=3)

    with pytest.raises(PsaError) as caught:
        await provider.test()

    assert caught.value.kind == kind
    assert caught.value.status == status
    assert len(cw.api_requests()) == 1
    assert waits.delays == []


async def test_a_note_post_is_not_retried_after_a_503(
    provider: ConnectWise, cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    cw.fail_next(503, method="POST")

    with pytest.raises(PsaError) as caught:
        await provider.post_note("1001", NoteDraft("Rebooted.", "internal"))

    assert caught.value.kind == "server"
    assert len(calls(cw, "POST")) == 1
    assert len(cw.notes(1001)) == 1  # only the seeded one


async def test_a_note_post_is_retried_after_a_429(
    provider: ConnectWise, cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    cw.fail_next(429, retry_after=1, method="POST")

    note_id = await provider.post_note("1001", NoteDraft("Rebooted.", "internal"))

    assert len(calls(cw, "POST")) == 2
    assert waits.delays == [1.0]
    stored = cw.notes(1001)
    assert [n["text"] for n in stored].count("Rebooted.") == 1
    assert str(stored[-1]["id"]) == note_id


async def test_a_timeout_after_the_note_was_stored_is_not_retried(
    cw: FakeConnectWise, waits: SleepRecorder
) -> None:
    cw.store_then_stall(5)
    async with connect(cw, waits, timeout_s=0.5) as client:
        with pytest.raises(PsaError) as caught:
            await client.post_note("1001", NoteDraft("Cleared the cache.", "internal"))
        assert caught.value.kind == "unreachable"
        assert len(calls(cw, "POST")) == 1
        # The outbox reads the notes before posting again: the note is there.
        assert "Cleared the cache." in [n.text for n in await client.list_notes("1001")]


async def test_a_redirected_post_is_reported_and_not_followed(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    cw.redirect_posts = True

    with pytest.raises(PsaError) as caught:
        await provider.post_note("1001", NoteDraft("Rebooted.", "internal"))

    assert caught.value.kind == "redirected"
    assert caught.value.status == 302
    assert len(cw.requests) == 1
    assert not any("/elsewhere" in r["path"] for r in cw.requests)


# --- notes, status, time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("note_type", "flag"),
    [
        ("internal", "internalAnalysisFlag"),
        ("discussion", "detailDescriptionFlag"),
        ("resolution", "resolutionFlag"),
    ],
)
async def test_each_note_type_sets_exactly_its_flag_and_does_not_notify(
    provider: ConnectWise, cw: FakeConnectWise, note_type: NoteType, flag: str
) -> None:
    note_id = await provider.post_note("1003", NoteDraft("Power-cycled the printer.", note_type))

    sent = calls(cw, "POST", "/service/tickets/1003/notes")[0]["json"]
    assert sent == {"text": "Power-cycled the printer.", flag: True, "processNotifications": False}
    stored = cw.notes(1003)[-1]
    assert str(stored["id"]) == note_id
    assert {f: stored[f] for f in FLAGS} == {f: f == flag for f in FLAGS}
    assert stored["processNotifications"] is False
    assert stored["member"]["identifier"] == "rfapi"  # the API member, none was named


async def test_notify_customer_asks_connectwise_to_email(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    await provider.post_note("1001", NoteDraft("Fixed.", "resolution", notify_customer=True))
    assert cw.notes(1001)[-1]["processNotifications"] is True


async def test_a_note_is_written_as_the_mapped_member(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    await provider.post_note("1001", NoteDraft("Rebuilt the profile.", "internal", member=erin()))

    token, note = calls(cw, "POST")
    assert token["path"] == "/system/members/eengineer/tokens"
    assert token["headers"]["x-cw-usertype"] == "member"
    # The note goes in with the member's temporary keys, not the API member's.
    assert note["headers"]["authorization"] != token["headers"]["authorization"]
    assert note["json"]["member"] == {"identifier": "eengineer"}
    stored = cw.notes(1001)[-1]
    assert stored["createdBy"] == "eengineer"
    assert stored["member"] == {"id": 152, "identifier": "eengineer", "name": "Erin Engineer"}


async def test_without_the_permission_to_act_as_members_the_api_member_writes_it(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    cw.impersonation_allowed = False
    await provider.post_note("1001", NoteDraft("Rebuilt the profile.", "internal", member=erin()))
    stored = cw.notes(1001)[-1]
    assert stored["createdBy"] == "rfapi"
    assert stored["member"]["identifier"] == "eengineer"  # still named on the note


async def test_a_note_for_an_unknown_member_is_invalid(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    ghost = Member(id="1", identifier="ghost", name="Ghost")
    with pytest.raises(PsaError) as caught:
        await provider.post_note("1001", NoteDraft("Hi.", "internal", member=ghost))
    assert caught.value.kind == "invalid"
    assert "ghost" in str(caught.value)
    assert len(cw.notes(1001)) == 1


async def test_list_notes_returns_every_note(provider: ConnectWise, cw: FakeConnectWise) -> None:
    posted = await provider.post_note("1001", NoteDraft("Second note.", "discussion"))

    notes = await provider.list_notes("1001")

    assert [(n.id, n.text) for n in notes] == [
        ("9001", "Outlook crashes right after the splash screen since Tuesday's update."),
        (posted, "Second note."),
    ]


async def test_set_status_returns_the_status_connectwise_kept(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    assert await provider.set_status("1001", "In Progress") == "In Progress"
    assert cw.ticket(1001)["status"]["name"] == "In Progress"
    patch = calls(cw, "PATCH", "/service/tickets/1001")[0]["json"]
    assert patch == [{"op": "replace", "path": "status", "value": {"name": "In Progress"}}]

    cw.refused_statuses.add("Closed")
    assert await provider.set_status("1003", "Closed") == "New"  # silently refused
    assert cw.ticket(1003)["status"]["name"] == "New"


async def test_set_status_to_a_status_the_board_lacks_is_invalid(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    with pytest.raises(PsaError) as caught:
        await provider.set_status("1001", "Teleported")
    assert caught.value.kind == "invalid"
    assert cw.ticket(1001)["status"]["name"] == "New"


async def test_add_time_entry_charges_the_ticket(
    provider: ConnectWise, cw: FakeConnectWise
) -> None:
    before = datetime.now().astimezone()

    entry_id = await provider.add_time_entry("1001", TimeEntry(90, "Rebuilt profile.", erin()))

    sent = calls(cw, "POST", "/time/entries")[0]["json"]
    assert sent["chargeToId"] == 1001
    assert sent["chargeToType"] == "ServiceTicket"
    assert sent["actualHours"] == 1.5
    assert sent["notes"] == "Rebuilt profile."
    assert sent["member"] == {"identifier": "eengineer"}
    assert sent["timeStart"].endswith("Z") and sent["timeEnd"].endswith("Z")
    start = datetime.fromisoformat(sent["timeStart"])
    end = datetime.fromisoformat(sent["timeEnd"])
    assert end - start == timedelta(minutes=90)
    assert before - timedelta(seconds=1) <= end <= datetime.now().astimezone()
    assert [str(e["id"]) for e in cw.time_entries] == [entry_id]
    assert cw.time_entries[0]["member"]["identifier"] == "eengineer"
