"""The session list: scopes, filters and full-text search over titles, tickets, notes, output."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.conftest import Factory
from tests.sessions.flows import EVERY_TYPE, publish, send, start


async def titles(client: AsyncClient, headers: dict[str, str], **params: Any) -> list[str]:
    r = await client.get("/api/v1/sessions", headers=headers, params=params)
    assert r.status_code == 200, r.text
    return sorted(item["title"] for item in r.json()["items"])


async def test_search_finds_titles_tickets_notes_and_output_by_word_prefix(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    a = await start(client, tenant, None, title="Outlook keeps prompting", ticket_id="T-48213")
    b = await start(client, tenant, None, title="Printer offline on floor 2")
    c = await start(client, tenant, None, title="Slow laptop")
    await send(client, tenant, a["id"], type="note", text="Cleared the credential manager entries")
    await send(
        client,
        tenant,
        b["id"],
        type="command_output",
        command="Get-Printer -Name HP-Floor2",
        text="PrinterStatus : Offline\nSpoolerState  : Stopped",
    )
    await send(client, tenant, c["id"], type="resolve", summary="Replaced the failing SSD")

    assert await titles(client, h, q="outlook") == ["Outlook keeps prompting"]
    assert await titles(client, h, q="credent") == ["Outlook keeps prompting"]  # prefix, in a note
    assert await titles(client, h, q="T-48213") == ["Outlook keeps prompting"]  # ticket
    assert await titles(client, h, q="spooler stopped") == ["Printer offline on floor 2"]
    assert await titles(client, h, q="get-printer") == ["Printer offline on floor 2"]  # command
    assert await titles(client, h, q="ssd") == ["Slow laptop"]  # resolution summary
    # Every term must match, in any of the session's texts.
    assert await titles(client, h, q="printer ssd") == []
    assert await titles(client, h, q="printer floor") == ["Printer offline on floor 2"]
    # Operators and quotes are words, never query syntax.
    assert await titles(client, h, q='"outlook" OR NEAR(*') == []
    assert await titles(client, h, q="!!!") == []


async def test_search_never_reaches_other_accounts_or_sessions_not_visible(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    mine = await start(client, tenant, None, title="VPN drops every hour")
    await send(client, tenant, mine["id"], type="note", text="Firewall zebra rule")
    theirs = await start(client, other, None, title="VPN drops at night")
    await send(client, other, theirs["id"], type="note", text="zebra as well")

    assert await titles(client, tenant.engineer.headers, q="zebra") == ["VPN drops every hour"]
    assert await titles(client, other.engineer.headers, q="zebra", scope="all") == [
        "VPN drops at night"
    ]
    # A viewer of the same account is not shown the engineer's session (not shared with them).
    assert await titles(client, tenant.viewer.headers, q="zebra", scope="all") == []
    # The team admin sees it.
    assert await titles(client, tenant.admin.headers, q="zebra", scope="all") == [
        "VPN drops every hour"
    ]


async def test_filters_by_status_flow_ticket_and_date(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    flow_id = await publish(client, tenant, EVERY_TYPE)
    walked = await start(client, tenant, flow_id, title="From the flow", ticket_id="T-1")
    free = await start(client, tenant, None, title="Freeform", ticket_id="T-2")
    await send(client, tenant, free["id"], type="pause")

    assert await titles(client, h, flow_id=flow_id) == ["From the flow"]
    assert await titles(client, h, status="paused") == ["Freeform"]
    assert await titles(client, h, status="active") == ["From the flow"]
    assert await titles(client, h, ticket_id="T-1") == ["From the flow"]
    assert await titles(client, h, since=walked["created_at"]) == ["Freeform", "From the flow"]
    assert await titles(client, h, until="2000-01-01T00:00:00Z") == []
    r = await client.get("/api/v1/sessions", headers=h, params={"status": "sleeping"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
