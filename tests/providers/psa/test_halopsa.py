"""The HaloPSA provider, its real HTTP client, against a local HaloPSA stand-in."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest

from resolutionflow.providers.psa.base import Member, NoteDraft, PsaError, TimeEntry
from resolutionflow.providers.psa.halopsa import HaloPSA
from resolutionflow.providers.psa.registry import provider_for
from tests.fakes.halopsa import (
    ADMIN_ID,
    API_AGENT_ID,
    CLIENT_ID,
    CLIENT_SECRET,
    ENGINEER_ID,
    FakeHaloPSA,
)
from tests.providers.llm.conftest import SleepRecorder
from tests.providers.psa.conftest import signed_in

ENGINEER = Member(id=str(ENGINEER_ID), identifier=str(ENGINEER_ID), name="Erin Engineer")


@pytest.fixture(scope="module")
def _halo_server() -> Iterator[FakeHaloPSA]:
    with FakeHaloPSA() as server:
        yield server


@pytest.fixture
def halo(_halo_server: FakeHaloPSA) -> FakeHaloPSA:
    _halo_server.reset()
    return _halo_server


def config_for(halo: FakeHaloPSA, **overrides: str) -> dict[str, str]:
    return {
        "base_url": halo.url,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        **overrides,
    }


def connect(
    halo: FakeHaloPSA, waits: SleepRecorder, **overrides: str
) -> AbstractAsyncContextManager[HaloPSA]:
    return signed_in(HaloPSA, config_for(halo, **overrides), waits)


@pytest.fixture
async def provider_halo(halo: FakeHaloPSA, waits: SleepRecorder) -> AsyncIterator[HaloPSA]:
    async with connect(halo, waits) as client:
        yield client


def token_requests(halo: FakeHaloPSA) -> list[dict[str, Any]]:
    return [r for r in halo.requests if r["path"] == "/auth/token"]


def action_posts(halo: FakeHaloPSA) -> list[dict[str, Any]]:
    return [r for r in halo.requests if r["method"] == "POST" and r["path"] == "/api/Actions"]


class TestConnection:
    async def test_signs_in_with_client_credentials_and_a_bearer_token(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        version = await provider_halo.test()

        assert version == "HaloPSA API v2 (as ResolutionFlow API)"
        token, me = halo.requests
        assert token["method"] == "POST" and token["path"] == "/auth/token"
        assert token["headers"]["content-type"] == "application/x-www-form-urlencoded"
        assert token["query"] == {}
        assert halo.token_forms == [
            {
                "grant_type": "client_credentials",
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "scope": "all",
            }
        ]
        assert me["path"] == "/api/Agent/me"
        assert me["headers"]["authorization"].startswith("Bearer ")
        assert me["headers"]["authorization"][len("Bearer ") :] in halo.tokens

    async def test_the_token_is_reused_until_it_expires(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        await provider_halo.test()
        await provider_halo.get_ticket("1001")
        await provider_halo.list_members()

        assert len(token_requests(halo)) == 1

    async def test_a_hosted_tenant_is_named_on_the_token_request(
        self, halo: FakeHaloPSA, waits: SleepRecorder
    ) -> None:
        halo.tenant = "acme"
        async with connect(halo, waits, tenant="acme") as client:
            assert await client.test()

        assert token_requests(halo)[0]["query"] == {"tenant": "acme"}

    async def test_a_wrong_secret_is_a_credentials_error_that_hides_the_secret(
        self, halo: FakeHaloPSA, waits: SleepRecorder
    ) -> None:
        async with connect(halo, waits, client_secret="wrong-secret-0123456789XYZ") as client:
            with pytest.raises(PsaError) as caught:
                await client.test()

        assert caught.value.kind == "credentials"
        assert "wrong-secret-0123456789XYZ" not in str(caught.value)
        assert len(halo.requests) == 1
        assert waits.delays == []

    async def test_a_401_with_a_fresh_token_is_not_retried(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA, waits: SleepRecorder
    ) -> None:
        halo.fail_next(401)

        with pytest.raises(PsaError) as caught:
            await provider_halo.test()

        assert caught.value.kind == "credentials"
        assert len(halo.api_requests) == 1
        assert len(token_requests(halo)) == 1
        assert waits.delays == []

    async def test_an_expired_token_is_renewed_once_on_401(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        await provider_halo.test()
        halo.expire_tokens()

        ticket = await provider_halo.get_ticket("1001")

        assert ticket.summary == "Outlook keeps asking for password"
        assert halo.tokens_issued == 2
        statuses = [r["path"] for r in halo.requests]
        assert statuses.count("/auth/token") == 2

    async def test_a_note_posted_with_an_expired_token_is_stored_once(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        await provider_halo.test()
        halo.expire_tokens()

        await provider_halo.post_note("1001", NoteDraft("Once.", "internal"))

        assert [a["note"] for a in halo.notes(1001)].count("Once.") == 1
        assert len(action_posts(halo)) == 2  # refused, then accepted

    async def test_the_registry_builds_it(self, halo: FakeHaloPSA) -> None:
        client = provider_for("halopsa", config_for(halo))
        try:
            assert isinstance(client, HaloPSA)
            assert await client.test()
        finally:
            await client.aclose()


class TestTickets:
    async def test_a_ticket_comes_with_client_contact_and_assets(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        ticket = await provider_halo.get_ticket("1001")

        assert ticket.id == "1001"
        assert ticket.company == "Contoso Dental"
        assert (ticket.status, ticket.priority, ticket.board) == ("New", "Medium", "Service Desk")
        assert ticket.contact_name == "Dana Whitfield"
        assert ticket.contact_email == "dana@contoso-dental.example"  # from /Users/40
        [asset] = ticket.configurations
        assert (asset.id, asset.name, asset.type) == ("70", "CD-FRONTDESK-01", "Workstation")
        assert (asset.serial, asset.ip_address, asset.os) == (
            "5CG1234XYZ",
            "10.0.0.21",
            "Windows 11 Pro",
        )
        assert ticket.url == f"{halo.url}/ticket?id=1001"
        get = next(r for r in halo.requests if r["path"] == "/api/Tickets/1001")
        assert get["query"]["includedetails"] == "true"

    async def test_the_client_is_looked_up_when_the_ticket_lacks_its_name(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        ticket = await provider_halo.get_ticket("1002")

        assert ticket.company == "Fabrikam Legal"
        assert ticket.contact_name is None and ticket.configurations == []
        assert any(r["path"] == "/api/Client/13" for r in halo.requests)

    async def test_an_unknown_ticket_is_not_found(self, provider_halo: HaloPSA) -> None:
        for wanted in ("999999", "abc", "1/../2"):
            with pytest.raises(PsaError) as caught:
                await provider_halo.get_ticket(wanted)
            assert caught.value.kind == "not_found"

    async def test_a_sparse_ticket_parses(self, provider_halo: HaloPSA, halo: FakeHaloPSA) -> None:
        halo.tickets[1004] = {
            "id": 1004,
            "summary": None,
            "status_id": 17,
            "client_id": 404,  # a client that is gone
            "user_id": "x",
            "assets": [{"id": 999}, "junk", {"name": "no id"}],
            "team": 5,
        }

        ticket = await provider_halo.get_ticket("1004")

        assert ticket.summary == "(no summary)"
        assert ticket.status == "17"
        assert ticket.priority is None
        assert ticket.company is None
        assert ticket.board == "5"
        assert ticket.contact_email is None
        [asset] = ticket.configurations  # listed, though its details are gone
        assert (asset.id, asset.name, asset.serial) == ("999", "Asset 999", None)

    async def test_search_lists_open_tickets_newest_first(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        found = await provider_halo.search_tickets("")

        assert [t.id for t in found] == ["1002", "1001"]  # 1003 is closed
        query = next(r for r in halo.requests if r["path"] == "/api/Tickets")["query"]
        assert query["open_only"] == "true" and query["pageinate"] == "true"
        assert query["page_no"] == "1" and "search" not in query

    async def test_search_matches_summary_or_number(self, provider_halo: HaloPSA) -> None:
        assert [t.id for t in await provider_halo.search_tickets("vpn")] == ["1002"]
        assert [t.id for t in await provider_halo.search_tickets("1001")] == ["1001"]
        assert await provider_halo.search_tickets("printer") == []  # closed

    async def test_search_reads_further_pages(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        for n in range(2000, 2150):
            halo.tickets[n] = {"id": n, "summary": f"Bulk {n}", "hasbeenclosed": False}

        found = await provider_halo.search_tickets("bulk", limit=120)

        assert len(found) == 120
        assert found[0].id == "2149"
        pages = [r["query"]["page_no"] for r in halo.requests if r["path"] == "/api/Tickets"]
        assert pages == ["1", "2"]


class TestMembers:
    async def test_agents_with_their_emails(self, provider_halo: HaloPSA) -> None:
        members = {m.id: m for m in await provider_halo.list_members()}

        assert members[str(ENGINEER_ID)].email == "engineer@acme.example"
        assert members[str(ADMIN_ID)].name == "Alex Admin"
        emails = {m.email for m in members.values()}
        assert {"engineer@demo.resolutionflow.test", "admin@demo.resolutionflow.test"} <= emails
        assert members["6"].active is False and members["6"].email is None
        assert members[str(API_AGENT_ID)].email is None  # blank becomes None


class TestNotes:
    async def test_an_internal_note_is_a_private_note_attributed_to_the_agent(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        action_id = await provider_halo.post_note(
            "1001", NoteDraft("Reset the Outlook profile.", "internal", member=ENGINEER)
        )

        [post] = action_posts(halo)
        assert post["json"] == [
            {
                "ticket_id": 1001,
                "outcome": "Private Note",
                "note": "Reset the Outlook profile.",
                "hiddenfromuser": True,
                "sendemail": False,
                "who_agentid": ENGINEER_ID,
            }
        ]
        [stored] = [a for a in halo.notes(1001) if str(a["id"]) == action_id]
        assert stored["who"] == "Erin Engineer"

    @pytest.mark.parametrize("note_type", ["discussion", "resolution"])
    async def test_customer_facing_notes_are_visible_and_do_not_email_by_default(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA, note_type: Any
    ) -> None:
        await provider_halo.post_note("1001", NoteDraft("Fixed.", note_type))

        [post] = action_posts(halo)
        [action] = post["json"]
        assert action["hiddenfromuser"] is False
        assert action["sendemail"] is False
        assert action["outcome"] == "Note"
        assert "who_agentid" not in action

    async def test_notify_customer_emails_only_visible_notes(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        await provider_halo.post_note(
            "1001", NoteDraft("Fixed.", "discussion", notify_customer=True)
        )
        await provider_halo.post_note(
            "1001", NoteDraft("Secret.", "internal", notify_customer=True)
        )

        sent = [p["json"][0]["sendemail"] for p in action_posts(halo)]
        assert sent == [True, False]

    async def test_list_notes_finds_the_posted_note(self, provider_halo: HaloPSA) -> None:
        action_id = await provider_halo.post_note(
            "1001", NoteDraft("Line one\nLine two", "internal")
        )

        notes = await provider_halo.list_notes("1001")

        assert [n.text for n in notes if n.id == action_id] == ["Line one\nLine two"]
        assert any(n.text == "Customer called in." for n in notes)

    async def test_html_only_actions_read_as_text(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        halo.data["Actions"][5001] = {
            "id": 5001,
            "ticket_id": 1001,
            "note": None,
            "note_html": "<p>Rebooted &amp; fixed</p>",
        }

        notes = {n.id: n.text for n in await provider_halo.list_notes("1001")}

        assert notes["5001"] == "Rebooted & fixed"

    async def test_a_rejected_note_is_invalid_and_not_retried(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA, waits: SleepRecorder
    ) -> None:
        ghost = Member(id="404", identifier="404", name="Ghost")

        with pytest.raises(PsaError) as caught:
            await provider_halo.post_note("1001", NoteDraft("x", "internal", member=ghost))

        assert caught.value.kind == "invalid"
        assert "Agent 404 not found" in str(caught.value)
        assert len(action_posts(halo)) == 1
        assert waits.delays == []


class TestRetries:
    async def test_429_waits_for_retry_after_then_succeeds(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA, waits: SleepRecorder
    ) -> None:
        await provider_halo.test()
        halo.fail_next(429, retry_after=3)

        ticket = await provider_halo.get_ticket("1001")

        assert ticket.id == "1001"
        assert waits.delays == [3.0]

    async def test_a_server_error_on_a_note_is_not_retried(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA
    ) -> None:
        await provider_halo.test()
        halo.fail_next(502)

        with pytest.raises(PsaError) as caught:
            await provider_halo.post_note("1001", NoteDraft("x", "internal"))

        assert caught.value.kind == "server"
        assert len(action_posts(halo)) == 1

    async def test_a_down_server_is_a_retryable_server_error(
        self, provider_halo: HaloPSA, halo: FakeHaloPSA, waits: SleepRecorder
    ) -> None:
        await provider_halo.test()
        halo.down = True

        with pytest.raises(PsaError) as caught:
            await provider_halo.list_members()

        assert caught.value.kind == "server" and caught.value.retryable
        assert len(waits.delays) == 3


class TestUnsupported:
    async def test_status_and_time_entries_are_unsupported(self, provider_halo: HaloPSA) -> None:
        assert not HaloPSA.supports_status and not HaloPSA.supports_time_entries
        with pytest.raises(PsaError) as caught:
            await provider_halo.set_status("1001", "Closed")
        assert caught.value.kind == "unsupported"
        with pytest.raises(PsaError) as caught:
            await provider_halo.add_time_entry("1001", TimeEntry(minutes=15, notes="x"))
        assert caught.value.kind == "unsupported"
