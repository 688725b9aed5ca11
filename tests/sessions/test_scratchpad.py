"""The private scratchpad: only the session's owner reads and writes it (everyone else, team
admins included, 404), it is length-limited, and its text never leaves through anything that
reads sessions: documentation in every format, share links, the PSA note, search."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant
from tests.psa.conftest import connect

PRIVATE = "zanzibarquokka private hunch about the RAID controller"


async def _session(client: AsyncClient, tenant: Tenant, **extra: Any) -> str:
    r = await client.post(
        "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Server slow", **extra}
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _pad(client: AsyncClient, who: dict[str, str], sid: str) -> Any:
    return await client.get(f"/api/v1/sessions/{sid}/scratchpad", headers=who)


async def test_the_owner_writes_and_reads_their_scratchpad(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    h = tenant.engineer.headers
    empty = (await _pad(client, h, sid)).json()
    assert empty["text"] == "" and empty["updated_at"] is None and empty["max_length"] == 20_000
    text = "  line one\n- maybe the NIC driver?\n"
    r = await client.put(f"/api/v1/sessions/{sid}/scratchpad", headers=h, json={"text": text})
    assert r.status_code == 200, r.text
    assert r.json()["text"] == text and r.json()["updated_at"] is not None
    assert (await _pad(client, h, sid)).json()["text"] == text  # kept as typed
    r = await client.put(f"/api/v1/sessions/{sid}/scratchpad", headers=h, json={"text": "v2"})
    assert (await _pad(client, h, sid)).json()["text"] == "v2"
    # Writing it puts nothing on the timeline.
    got = (await client.get(f"/api/v1/sessions/{sid}", headers=h)).json()
    assert [e["type"] for e in got["timeline"]] == ["started"]

    r = await client.put(
        f"/api/v1/sessions/{sid}/scratchpad", headers=h, json={"text": "x" * 20_001}
    )
    assert_problem(r, 422, field="text")
    assert (await _pad(client, h, sid)).json()["text"] == "v2"


async def test_nobody_but_the_owner_sees_it(client: AsyncClient, factory: Factory) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    sid = await _session(client, tenant)
    r = await client.put(
        f"/api/v1/sessions/{sid}/scratchpad",
        headers=tenant.engineer.headers,
        json={"text": PRIVATE},
    )
    assert r.status_code == 200
    # The team admin sees the session, but not its owner's scratchpad (nor may write one).
    assert (
        await client.get(f"/api/v1/sessions/{sid}", headers=tenant.admin.headers)
    ).status_code == 200
    for who in (tenant.admin, tenant.super_admin, other.engineer, other.admin):
        assert_problem(await _pad(client, who.headers, sid), 404)
        r = await client.put(
            f"/api/v1/sessions/{sid}/scratchpad", headers=who.headers, json={"text": "mine"}
        )
        assert_problem(r, 404)
    assert_problem(await _pad(client, tenant.viewer.headers, sid), 403)
    assert (await _pad(client, tenant.engineer.headers, sid)).json()["text"] == PRIVATE


async def test_a_claim_hands_on_the_session_but_never_the_scratchpad(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    sid = await _session(client, tenant)
    await client.put(
        f"/api/v1/sessions/{sid}/scratchpad",
        headers=tenant.engineer.headers,
        json={"text": PRIVATE},
    )
    r = await client.post(
        f"/api/v1/sessions/{sid}/park",
        headers=tenant.engineer.headers,
        json={"target_user_id": str(colleague.id), "note": "Over to you"},
    )
    assert r.status_code == 201, r.text
    assert PRIVATE not in r.text
    r = await client.post(f"/api/v1/handoffs/{r.json()['id']}/claim", headers=colleague.headers)
    assert r.status_code == 200, r.text
    # The new owner starts with their own, empty pad; the old owner no longer owns the session.
    assert (await _pad(client, colleague.headers, sid)).json()["text"] == ""
    assert_problem(await _pad(client, tenant.engineer.headers, sid), 404)


async def test_the_scratchpad_is_never_in_any_export(
    client: AsyncClient, factory: Factory, cw: FakeConnectWise, app: Any
) -> None:
    tenant = await factory.tenant()
    await connect(client, tenant, cw, push_on_resolve=True, resolve_note_type="internal")
    sid = await _session(client, tenant, ticket_id="1001")
    h = tenant.engineer.headers
    await client.post(
        f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "note", "text": "Public note"}
    )
    r = await client.put(f"/api/v1/sessions/{sid}/scratchpad", headers=h, json={"text": PRIVATE})
    assert r.status_code == 200

    seen: list[str] = []
    for fmt in ("markdown", "text", "html"):
        for detail in ("summary", "standard", "full"):
            r = await client.get(
                f"/api/v1/sessions/{sid}/documentation",
                headers=h,
                params={"format": fmt, "detail": detail},
            )
            assert r.status_code == 200, r.text
            assert "Public note" in r.text or detail == "summary"
            seen.append(r.text)
    r = await client.get(f"/api/v1/sessions/{sid}", headers=h)
    seen.append(r.text)
    # Share links: the account link (session and note) and the public one.
    for public in (False, True):
        r = await client.post(f"/api/v1/sessions/{sid}/shares", headers=h, json={"public": public})
        assert r.status_code == 201, r.text
        token = r.json()["url"].rstrip("/").rsplit("/", 1)[-1]
        if public:
            r = await client.get(f"/api/v1/public/shares/{token}")
        else:
            r = await client.get(f"/api/v1/shares/{token}", headers=tenant.admin.headers)
            assert r.status_code == 200, r.text
            seen.append(r.text)
            r = await client.get(
                f"/api/v1/shares/{token}/documentation", headers=tenant.admin.headers
            )
        assert r.status_code == 200, r.text
        seen.append(r.text)
    # Search finds the session by its note, never by its scratchpad.
    r = await client.get("/api/v1/sessions", headers=h, params={"q": "public"})
    assert [i["id"] for i in r.json()["items"]] == [sid]
    r = await client.get("/api/v1/sessions", headers=h, params={"q": "zanzibarquokka"})
    assert r.json()["items"] == []
    # The PSA note pushed on resolve.
    r = await client.post(
        f"/api/v1/sessions/{sid}/events", headers=h, json={"type": "resolve", "summary": "Done"}
    )
    assert r.status_code == 201, r.text
    await app.state.psa_outbox.run_due()
    notes = [n["text"] for n in cw.notes(1001)]
    assert any("Public note" in n for n in notes)
    seen.extend(notes)

    for text in seen:
        assert "zanzibarquokka" not in text
