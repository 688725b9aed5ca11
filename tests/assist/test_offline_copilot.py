"""The offline engine through the session copilot: answers from the account's own flows, past
sessions and knowledge documents, with sources and confidences; says when it does not know."""

from __future__ import annotations

from httpx import AsyncClient

from tests.assist.support import ask, new_session, publish_demo_library
from tests.fixtures.factories import Factory


async def test_a_question_finds_the_matching_flow_with_its_step_and_a_confidence(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flows = await publish_demo_library(client, tenant)
    sid = await new_session(client, tenant, "Remote worker")

    reply = await ask(
        client, tenant, sid, "GlobalProtect VPN client says the gateway is unreachable"
    )

    assert reply["provider"] == "offline" and reply["model"] == "offline"
    assert reply["tier"] == "fast"
    top = reply["sources"][0]
    assert (top["kind"], top["id"], top["title"]) == (
        "flow",
        flows["VPN won't connect"],
        "VPN won't connect",
    )
    assert "VPN won't connect" in reply["content"]
    assert 0.3 <= reply["confidence"] <= 0.95
    assert reply["confidence_label"] in ("medium", "high")
    assert reply["suggestions"], reply
    first = reply["suggestions"][0]
    assert first["source"]["kind"] == "flow" and first["title"]
    # Both turns are on the timeline, in order.
    timeline = (
        await client.get(f"/api/v1/sessions/{sid}", headers=tenant.engineer.headers)
    ).json()["timeline"]
    kinds = [e["type"] for e in timeline]
    assert kinds[-2:] == ["copilot_question", "copilot_reply"]
    assert timeline[-1]["payload"]["question_seq"] == timeline[-2]["seq"]
    assert reply["reply_seq"] == timeline[-1]["seq"]


async def test_it_says_when_it_does_not_know_and_offers_general_steps(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await publish_demo_library(client, tenant)
    sid = await new_session(client, tenant, "Odd one")

    reply = await ask(client, tenant, sid, "The label maker prints hieroglyphs after lunch")

    assert reply["content"].startswith("I don't know this one")
    assert reply["confidence_label"] == "low" and reply["confidence"] <= 0.25
    assert reply["sources"] == []
    assert len(reply["suggestions"]) >= 3  # general discovery steps, still useful


async def test_what_resolved_a_past_session_is_offered_for_a_similar_problem(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    past = await new_session(client, tenant, "Zebra label printer prints blank labels")
    r = await client.post(
        f"/api/v1/sessions/{past}/events",
        headers=tenant.engineer.headers,
        json={
            "type": "resolve",
            "summary": "Recalibrated the ZD420 media sensor (hold feed for 2 flashes)",
        },
    )
    assert r.status_code == 201, r.text

    sid = await new_session(client, tenant, "Warehouse")
    reply = await ask(client, tenant, sid, "zebra printer prints blank labels again")

    sources = [(s["kind"], s["id"]) for s in reply["sources"]]
    assert ("session", past) in sources
    assert "Recalibrated the ZD420 media sensor" in reply["content"]
    assert any("Recalibrated" in s["instructions"] for s in reply["suggestions"])


async def test_knowledge_documents_are_cited_and_their_commands_offered(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    doc = (
        b"# Scanner to email\n\n## SMTP relay\n\nThe Ricoh scanners relay through smtp-relay "
        b"on port 587. When scan-to-email fails with error 0x8004, restart the relay:\n\n"
        b"```powershell\nRestart-Service SMTPSVC\n```\n"
    )
    r = await client.post(
        "/api/v1/knowledge/documents?filename=scanners.md",
        headers=tenant.admin.headers,
        content=doc,
    )
    assert r.status_code == 201, r.text
    document_id = r.json()["id"]

    sid = await new_session(client, tenant, "Front office")
    reply = await ask(client, tenant, sid, "Ricoh scan to email fails with 0x8004")

    knowledge = [s for s in reply["sources"] if s["kind"] == "knowledge"]
    assert knowledge and knowledge[0]["id"] == document_id
    assert "Scanner to email" in knowledge[0]["title"]
    assert any(s["command"] == "Restart-Service SMTPSVC" for s in reply["suggestions"])


async def test_accepting_a_suggestion_adds_a_step_to_the_timeline_and_the_note(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await publish_demo_library(client, tenant)
    sid = await new_session(client, tenant, "VPN")
    reply = await ask(client, tenant, sid, "VPN gateway unreachable from home")
    chosen = reply["suggestions"][0]

    url = f"/api/v1/sessions/{sid}/events"
    h = tenant.engineer.headers
    r = await client.post(
        url,
        headers=h,
        json={"type": "accept_suggestion", "reply_seq": reply["reply_seq"], "index": 0},
    )
    assert r.status_code == 201, r.text
    event = r.json()["events"][0]
    assert event["type"] == "suggestion_accepted"
    assert event["payload"]["title"] == chosen["title"]

    note = (
        await client.get(f"{url[:-7]}/documentation", headers=h, params={"intent": "preview"})
    ).text
    assert "Followed the copilot's suggestion: " + chosen["title"] in note

    # A suggestion that does not exist, or a seq that is not a copilot reply: 422, nothing added.
    before = (await client.get(f"/api/v1/sessions/{sid}", headers=h)).json()["last_seq"]
    for bad in (
        {"reply_seq": reply["reply_seq"], "index": 7},
        {"reply_seq": reply["question_seq"], "index": 0},
    ):
        r = await client.post(url, headers=h, json={"type": "accept_suggestion", **bad})
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    after = (await client.get(f"/api/v1/sessions/{sid}", headers=h)).json()["last_seq"]
    assert after == before


async def test_the_copilot_is_for_open_sessions_and_people_who_may_work_them(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = await new_session(client, tenant, "Closed")
    url = f"/api/v1/sessions/{sid}/copilot/messages"
    await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={"type": "abandon", "summary": "duplicate"},
    )
    r = await client.post(url, headers=tenant.engineer.headers, json={"content": "hello?"})
    assert r.status_code == 409 and "abandoned" in r.json()["detail"]
    r = await client.post(url, headers=tenant.engineer.headers, json={"content": "   "})
    assert r.status_code == 422
