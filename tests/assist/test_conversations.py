"""ResolutionAssist conversations: kept per person, searchable, with screenshots and logs, and
turned into a session carrying the exchange."""

from __future__ import annotations

import base64
import json

from httpx import AsyncClient

from tests.ai.support import meta, use_model
from tests.assist.support import publish_demo_library
from tests.auth.support import assert_problem
from tests.fakes.llm_servers import FakeOpenAI, Reply
from tests.fixtures.factories import Factory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


async def _conversation(client: AsyncClient, headers: dict[str, str]) -> str:
    r = await client.post("/api/v1/assist/conversations", headers=headers, json={})
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_a_conversation_answers_is_kept_searchable_and_private(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await publish_demo_library(client, tenant)
    h = tenant.engineer.headers
    cid = await _conversation(client, h)
    r = await client.post(
        f"/api/v1/assist/conversations/{cid}/messages",
        headers=h,
        json={"content": "Outlook won't start, stuck on the loading profile screen"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["sources"][0]["title"] == "Outlook won't start"

    detail = (await client.get(f"/api/v1/assist/conversations/{cid}", headers=h)).json()
    assert detail["title"] == "Outlook won't start, stuck on the loading profile screen"
    assert [m["role"] for m in detail["messages"]] == ["user", "assistant"]
    assert detail["messages"][1]["payload"]["sources"][0]["title"] == "Outlook won't start"

    found = await client.get("/api/v1/assist/conversations", headers=h, params={"q": "profile"})
    assert [c["id"] for c in found.json()["items"]] == [cid]
    none = await client.get("/api/v1/assist/conversations", headers=h, params={"q": "printer"})
    assert none.json()["items"] == []
    # Another person of the same account does not see it.
    assert (
        await client.get(f"/api/v1/assist/conversations/{cid}", headers=tenant.admin.headers)
    ).status_code == 404
    assert (await client.get("/api/v1/assist/conversations", headers=tenant.admin.headers)).json()[
        "items"
    ] == []


async def test_turning_a_conversation_into_a_session_carries_the_exchange(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    cid = await _conversation(client, h)
    await client.post(
        f"/api/v1/assist/conversations/{cid}/messages", headers=h, json={"content": "wifi drops"}
    )
    r = await client.post(
        f"/api/v1/assist/conversations/{cid}/session", headers=h, json={"ticket_id": "T-77"}
    )
    assert r.status_code == 201, r.text
    session = r.json()
    assert session["title"] == "wifi drops" and session["ticket_id"] == "T-77"
    kinds = [e["type"] for e in session["timeline"]]
    assert kinds[-2:] == ["copilot_question", "copilot_reply"]
    reply = session["timeline"][-1]["payload"]
    assert reply["question_seq"] == session["timeline"][-2]["seq"] and reply["via"] == "assist"
    again = await client.post(f"/api/v1/assist/conversations/{cid}/session", headers=h, json={})
    assert again.json()["id"] == session["id"]  # idempotent
    listed = (await client.get("/api/v1/assist/conversations", headers=h)).json()["items"]
    assert listed[0]["session_id"] == session["id"]


async def test_screenshots_and_logs_reach_the_model_redacted(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "openai", fake_openai.base_url)
    h = tenant.engineer.headers
    cid = await _conversation(client, h)
    log = b"2026-11-25 10:01 auth failed\nconnection string: Server=sql1;Password=Pl4nted!Secret;\n"
    fake_openai.script(Reply(text="The SQL login is failing." + meta(0.8)))
    r = await client.post(
        f"/api/v1/assist/conversations/{cid}/messages",
        headers=h,
        json={
            "content": "App can't reach its database",
            "attachments": [
                {
                    "filename": "app.log",
                    "content_type": "text/plain",
                    "data_base64": base64.b64encode(log).decode(),
                },
                {
                    "filename": "error.png",
                    "content_type": "image/png",
                    "data_base64": base64.b64encode(PNG).decode(),
                },
            ],
        },
    )
    assert r.status_code == 200, r.text
    sent = json.dumps(fake_openai.requests[-1]["json"])
    assert "Pl4nted!Secret" not in sent and "auth failed" in sent
    assert "data:image/png;base64," in sent
    detail = (await client.get(f"/api/v1/assist/conversations/{cid}", headers=h)).json()
    assert detail["messages"][0]["payload"]["attachments"][0] == {
        "filename": "app.log",
        "content_type": "text/plain",
        "size": len(log),
    }


async def test_bad_attachments_are_refused_and_nothing_is_stored(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    cid = await _conversation(client, h)
    for attachment in (
        {"filename": "a.log", "content_type": "text/plain", "data_base64": "not base64!!"},
        {"filename": "a.exe", "content_type": "application/x-msdownload", "data_base64": "TVo="},
    ):
        r = await client.post(
            f"/api/v1/assist/conversations/{cid}/messages",
            headers=h,
            json={"content": "look", "attachments": [attachment]},
        )
        assert_problem(r, 422)
    detail = (await client.get(f"/api/v1/assist/conversations/{cid}", headers=h)).json()
    assert detail["messages"] == []
    r = await client.delete(f"/api/v1/assist/conversations/{cid}", headers=h)
    assert r.status_code == 204
    assert (await client.get(f"/api/v1/assist/conversations/{cid}", headers=h)).status_code == 404
