"""The Autotask provider, its real HTTP client, against a local Autotask stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest

from resolutionflow.providers.psa.autotask import Autotask
from resolutionflow.providers.psa.base import Member, NoteDraft, PsaError, TimeEntry
from resolutionflow.providers.psa.http import RetryPolicy
from resolutionflow.providers.psa.registry import provider_for
from tests.fakes.autotask import (
    ADMIN_ID,
    API_RESOURCE_ID,
    ENGINEER_ID,
    INTEGRATION_CODE,
    SECRET,
    USERNAME,
    FakeAutotask,
)
from tests.providers.llm.conftest import SleepRecorder
from tests.providers.psa.conftest import signed_in

ENGINEER = Member(
    id=str(ENGINEER_ID), identifier=str(ENGINEER_ID), name="Erin Engineer", email=None
)


@pytest.fixture(scope="module")
def _at_server() -> Iterator[FakeAutotask]:
    with FakeAutotask() as server:
        yield server


@pytest.fixture
def at(_at_server: FakeAutotask) -> FakeAutotask:
    _at_server.reset()
    return _at_server


def config_for(at: FakeAutotask, **overrides: str) -> dict[str, str]:
    return {
        "username": USERNAME,
        "secret": SECRET,
        "integration_code": INTEGRATION_CODE,
        "discovery_url": at.url,
        **overrides,
    }


def connect(
    at: FakeAutotask, waits: SleepRecorder, **overrides: str
) -> AbstractAsyncContextManager[Autotask]:
    return signed_in(Autotask, config_for(at, **overrides), waits)


@pytest.fixture
async def autotask(at: FakeAutotask, waits: SleepRecorder) -> AsyncIterator[Autotask]:
    async with connect(at, waits) as client:
        yield client


def posts(at: FakeAutotask) -> list[dict[str, Any]]:
    return [r for r in at.requests if r["method"] == "POST" and r["path"].endswith("/Notes")]


class TestConnection:
    async def test_discovers_the_zone_then_signs_in_with_the_three_headers(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        version = await autotask.test()

        assert version == "Autotask REST v1.0 (Stand-in Zone)"
        zone, info = at.requests
        assert zone["path"] == "/atservicesrest/v1.0/zoneInformation"
        assert zone["query"] == {"user": USERNAME}
        assert "secret" not in zone["headers"]  # the lookup needs no credentials
        assert info["path"] == "/atservicesrest/V1.0/Companies/entityInformation"
        assert info["headers"]["apiintegrationcode"] == INTEGRATION_CODE
        assert info["headers"]["username"] == USERNAME
        assert info["headers"]["secret"] == SECRET

    async def test_zone_is_discovered_once(self, autotask: Autotask, at: FakeAutotask) -> None:
        await autotask.test()
        await autotask.get_ticket("5001")

        assert sum("zoneInformation" in r["path"] for r in at.requests) == 1

    async def test_a_configured_zone_url_skips_discovery(
        self, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        async with connect(at, waits, zone_url=f"{at.url}/atservicesrest/v1.0/") as client:
            assert await client.test() == "Autotask REST v1.0"

        assert [r["path"] for r in at.requests] == [
            "/atservicesrest/V1.0/Companies/entityInformation"
        ]

    async def test_an_unknown_api_user_is_a_credentials_error_without_retries(
        self, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        async with connect(at, waits, username="nobody@contoso.example") as client:
            with pytest.raises(PsaError) as caught:
                await client.test()

        assert caught.value.kind == "credentials"
        assert "does not know the API user 'nobody@contoso.example'" in str(caught.value)
        assert len(at.requests) == 1
        assert waits.delays == []

    async def test_a_wrong_secret_is_a_credentials_error_that_hides_the_secret(
        self, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        async with connect(at, waits, secret="wrong-secret-0123456789XYZ") as client:
            with pytest.raises(PsaError) as caught:
                await client.test()

        assert caught.value.kind == "credentials"
        assert caught.value.status == 401
        assert "wrong-secret-0123456789XYZ" not in str(caught.value)
        assert len(at.api_requests) == 1  # a 401 is never retried
        assert waits.delays == []

    async def test_an_unreachable_zone_lookup_is_reported_as_unreachable(
        self, waits: SleepRecorder
    ) -> None:
        client = Autotask(
            {
                "username": USERNAME,
                "secret": SECRET,
                "integration_code": INTEGRATION_CODE,
                "discovery_url": "http://127.0.0.1:9",
            },
            timeout_s=2.0,
            policy=RetryPolicy(max_retries=1, backoff_base_s=0.01),
            sleep=waits,
        )
        try:
            with pytest.raises(PsaError) as caught:
                await client.test()
        finally:
            await client.aclose()

        assert caught.value.kind == "unreachable"

    async def test_the_registry_builds_it(self, at: FakeAutotask) -> None:
        client = provider_for("autotask", config_for(at))
        try:
            assert isinstance(client, Autotask)
            assert await client.test()
        finally:
            await client.aclose()


class TestTickets:
    async def test_a_ticket_comes_with_company_contact_labels_and_its_configuration(
        self, autotask: Autotask
    ) -> None:
        ticket = await autotask.get_ticket("5001")

        assert ticket.id == "5001"
        assert ticket.summary == "Outlook keeps asking for password"
        assert ticket.company == "Contoso Dental"
        assert ticket.status == "New"
        assert ticket.priority == "Medium"
        assert ticket.board == "Level I Support"
        assert ticket.contact_name == "Dana Whitfield"
        assert ticket.contact_email == "dana@contoso-dental.example"
        [ci] = ticket.configurations
        assert (ci.id, ci.name, ci.type) == ("301", "CD-FRONTDESK-01", "Workstation")
        assert (ci.serial, ci.ip_address, ci.os) == ("5CG1234XYZ", "10.0.0.21", "Windows 11 Pro")
        assert ticket.url is not None and ticket.url.endswith("ticketId=5001")

    async def test_a_ticket_number_finds_the_ticket(self, autotask: Autotask) -> None:
        ticket = await autotask.get_ticket("T20261121.0002")

        assert ticket.id == "5002"
        assert ticket.status == "In Progress"
        assert ticket.contact_name is None
        assert ticket.configurations == []

    async def test_an_unknown_ticket_is_not_found(self, autotask: Autotask) -> None:
        for wanted in ("999999", "T20990101.0001", "../Companies/101"):
            with pytest.raises(PsaError) as caught:
                await autotask.get_ticket(wanted)
            assert caught.value.kind == "not_found"

    async def test_a_sparse_ticket_parses_without_labels_or_links(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        at.tickets[5004] = {
            "id": 5004,
            "title": "   ",
            "status": 42,  # a status the picklist does not know
            "priority": None,
            "companyID": 999,
            "contactID": "not-a-number",
            "configurationItemID": 123456,
            "queueID": {"odd": "shape"},
        }

        ticket = await autotask.get_ticket("5004")

        assert ticket.id == "5004"
        assert ticket.summary == "(no title)"
        assert ticket.status == "42"
        assert ticket.priority is None
        assert ticket.board is None
        assert ticket.company is None
        assert ticket.contact_name is None and ticket.contact_email is None
        assert ticket.configurations == []

    async def test_without_picklist_access_statuses_show_their_numbers(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        at.picklists["Tickets"] = {}

        ticket = await autotask.get_ticket("5001")

        assert (ticket.status, ticket.priority, ticket.board) == ("1", "2", "29682833")

    async def test_search_lists_open_tickets_newest_first_with_company_names(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        found = await autotask.search_tickets("")

        assert [t.id for t in found] == ["5002", "5001"]  # 5003 is Complete
        assert [t.company for t in found] == ["Fabrikam Legal", "Contoso Dental"]
        assert found[0].status == "In Progress"
        query = next(r for r in at.requests if r["path"].endswith("/Tickets/query"))
        assert {"op": "noteq", "field": "status", "value": 5} in query["json"]["filter"]

    async def test_search_matches_title_id_or_ticket_number(self, autotask: Autotask) -> None:
        assert [t.id for t in await autotask.search_tickets("vpn")] == ["5002"]
        assert [t.id for t in await autotask.search_tickets("5001")] == ["5001"]
        assert [t.id for t in await autotask.search_tickets("T20261121.0002")] == ["5002"]
        assert await autotask.search_tickets("printer") == []  # closed

    async def test_search_follows_next_page_urls(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        at.page_size = 1

        found = await autotask.search_tickets("", limit=10)

        assert [t.id for t in found] == ["5002", "5001"]
        assert any(r["path"].endswith("/Tickets/query/next") for r in at.requests)


class TestMembers:
    async def test_active_resources_with_their_first_email(self, autotask: Autotask) -> None:
        members = {m.id: m for m in await autotask.list_members()}

        assert members[str(ENGINEER_ID)].email == "engineer@acme.example"
        assert members[str(ENGINEER_ID)].name == "Erin Engineer"
        assert members[str(ENGINEER_ID)].identifier == str(ENGINEER_ID)
        assert members[str(ADMIN_ID)].email == "admin@acme.example"  # from email2
        emails = {m.email for m in members.values()}
        assert {"engineer@demo.resolutionflow.test", "admin@demo.resolutionflow.test"} <= emails
        assert "former@acme.example" not in emails  # inactive
        assert all(m.active for m in members.values())

    async def test_members_are_read_across_pages(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        at.page_size = 2

        members = await autotask.list_members()

        assert len(members) == 5
        assert sum(r["path"].endswith("/Resources/query/next") for r in at.requests) == 2


class TestNotes:
    async def test_an_internal_note_is_internal_only_and_attributed(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        note_id = await autotask.post_note(
            "5001", NoteDraft("Reset the Outlook profile.", "internal", member=ENGINEER)
        )

        [post] = posts(at)
        assert post["headers"]["impersonationresourceid"] == str(ENGINEER_ID)
        assert post["json"] == {
            "ticketID": 5001,
            "title": "ResolutionFlow internal note",
            "description": "Reset the Outlook profile.",
            "noteType": 1,
            "publish": 2,
        }
        [stored] = [n for n in at.notes(5001) if str(n["id"]) == note_id]
        assert stored["creatorResourceID"] == ENGINEER_ID
        assert stored["impersonatorCreatorResourceID"] == API_RESOURCE_ID

    @pytest.mark.parametrize("note_type", ["discussion", "resolution"])
    async def test_customer_facing_notes_go_to_all_autotask_users(
        self, autotask: Autotask, at: FakeAutotask, note_type: Any
    ) -> None:
        await autotask.post_note("5001", NoteDraft("Fixed: profile rebuilt.", note_type))

        [post] = posts(at)
        assert post["json"]["publish"] == 1
        assert post["json"]["title"]
        assert "impersonationresourceid" not in post["headers"]  # the API user wrote it

    async def test_publish_values_come_from_the_instance_picklist(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        at.picklists["TicketNotes"]["publish"] = {1: "All Autotask Users", 7: "Internal Only"}
        at.picklists["TicketNotes"]["noteType"] = {1: "Task Summary", 13: "Resolution"}

        await autotask.post_note("5001", NoteDraft("Internal.", "internal"))
        await autotask.post_note("5001", NoteDraft("Resolved.", "resolution"))

        first, second = posts(at)
        assert (first["json"]["publish"], first["json"]["noteType"]) == (7, 1)
        assert (second["json"]["publish"], second["json"]["noteType"]) == (1, 13)

    async def test_list_notes_finds_the_posted_note(self, autotask: Autotask) -> None:
        note_id = await autotask.post_note("5001", NoteDraft("Line one\nLine two", "discussion"))

        notes = await autotask.list_notes("5001")

        assert [n.text for n in notes if n.id == note_id] == ["Line one\nLine two"]
        assert any(n.text == "Customer called in." for n in notes)

    async def test_a_rejected_impersonation_is_invalid_and_not_retried(
        self, autotask: Autotask, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        ghost = Member(id="1", identifier="1", name="Ghost")

        with pytest.raises(PsaError) as caught:
            await autotask.post_note("5001", NoteDraft("x", "internal", member=ghost))

        assert caught.value.kind == "invalid"
        assert "ImpersonationResourceId" in str(caught.value)
        assert len(posts(at)) == 1
        assert waits.delays == []

    async def test_a_server_error_on_post_is_not_retried(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        await autotask.post_note("5001", NoteDraft("warm the picklists", "internal"))
        stored = len(at.notes(5001))
        at.fail_next(503)

        with pytest.raises(PsaError) as caught:
            await autotask.post_note("5001", NoteDraft("x", "discussion"))

        # It may have been stored: the outbox reads the notes before trying again.
        assert caught.value.kind == "server"
        assert len(posts(at)) == 2
        assert len(at.notes(5001)) == stored

    async def test_notify_customer_sends_nothing_extra(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        await autotask.post_note("5001", NoteDraft("x", "discussion", notify_customer=True))

        [post] = posts(at)
        assert set(post["json"]) == {"ticketID", "title", "description", "noteType", "publish"}

    async def test_a_note_too_long_for_autotask_is_refused_before_sending(
        self, autotask: Autotask, at: FakeAutotask
    ) -> None:
        with pytest.raises(PsaError) as caught:
            await autotask.post_note("5001", NoteDraft("x" * 32001, "internal"))

        assert caught.value.kind == "invalid"
        assert posts(at) == []


class TestRetries:
    async def test_429_waits_for_retry_after_then_succeeds(
        self, autotask: Autotask, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        await autotask.test()
        at.fail_next(429, retry_after=2)

        ticket = await autotask.get_ticket("5001")

        assert ticket.summary == "Outlook keeps asking for password"
        assert waits.delays == [2.0]

    async def test_429_on_a_note_is_retried_and_stored_once(
        self, autotask: Autotask, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        await autotask.test()
        await autotask.post_note("5001", NoteDraft("warm the picklists", "internal"))
        at.fail_next(429, retry_after=1)

        await autotask.post_note("5001", NoteDraft("Once.", "internal"))

        assert [n["description"] for n in at.notes(5001)].count("Once.") == 1
        assert waits.delays == [1.0]

    async def test_a_down_server_is_a_server_error_after_the_retries(
        self, autotask: Autotask, at: FakeAutotask, waits: SleepRecorder
    ) -> None:
        await autotask.test()
        at.down = True

        with pytest.raises(PsaError) as caught:
            await autotask.get_ticket("5001")

        assert caught.value.kind == "server"
        assert caught.value.retryable
        assert len(waits.delays) == 3


class TestUnsupported:
    async def test_status_and_time_entries_are_unsupported(self, autotask: Autotask) -> None:
        assert not Autotask.supports_status and not Autotask.supports_time_entries
        with pytest.raises(PsaError) as caught:
            await autotask.set_status("5001", "Complete")
        assert caught.value.kind == "unsupported"
        with pytest.raises(PsaError) as caught:
            await autotask.add_time_entry("5001", TimeEntry(minutes=15, notes="x"))
        assert caught.value.kind == "unsupported"
