"""Review findings in the AI paths (gateway, copilot, ResolutionAssist, flow builder, usage):
each test failed before its fix."""

from __future__ import annotations

import json

import pytest
from httpx import AsyncClient
from pydantic import SecretStr
from sqlalchemy import select

from resolutionflow.config import get_settings
from resolutionflow.models import AICall
from tests.ai.support import use_model
from tests.assist.support import ask, new_session
from tests.auth.support import assert_problem
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply
from tests.fixtures.factories import Factory
from tests.providers.llm.conftest import API_KEY

PLANTED = "Hunter2-Zx9!qPlanted"
TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"


@pytest.fixture
def embeddings_on(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAI:
    settings = get_settings()
    monkeypatch.setattr(settings, "embeddings_provider", "openai")
    monkeypatch.setattr(settings, "embeddings_model", "fake-embed-1")
    monkeypatch.setattr(settings, "embeddings_base_url", fake_openai.base_url)
    monkeypatch.setattr(settings, "embeddings_api_key", SecretStr(API_KEY))
    return fake_openai


def _embedded(server: FakeOpenAI) -> str:
    return json.dumps([r["json"] for r in server.requests if r["path"] == "/v1/embeddings"])


async def test_a_copilot_question_is_redacted_before_it_is_embedded(
    client: AsyncClient, factory: Factory, embeddings_on: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    sid = await new_session(client, tenant, "Sign-in fails")
    await ask(client, tenant, sid, f"User says her password is {PLANTED}; why does sign-in fail?")
    sent = _embedded(embeddings_on)
    assert "sign-in fail" in sent  # the question did go to the embeddings provider...
    assert PLANTED not in sent  # ...redacted, like every other outbound path
    assert "[REDACTED:password]" in sent


async def test_an_assist_message_is_redacted_before_it_is_embedded(
    client: AsyncClient, factory: Factory, embeddings_on: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    h = tenant.engineer.headers
    c = (await client.post("/api/v1/assist/conversations", headers=h, json={})).json()
    r = await client.post(
        f"/api/v1/assist/conversations/{c['id']}/messages",
        headers=h,
        json={"content": f"The service account password is {PLANTED} and it is locked"},
    )
    assert r.status_code == 200, r.text
    sent = _embedded(embeddings_on)
    assert "locked" in sent and PLANTED not in sent


async def test_the_command_of_a_command_output_is_redacted_in_the_prompt(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    sid = await new_session(client, tenant, "Git clone fails")
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={
            "type": "command_output",
            "command": f"set GITHUB_TOKEN={TOKEN}",
            "text": "fatal: Authentication failed",
        },
    )
    assert r.status_code == 201, r.text
    fake_anthropic.script(Reply(text="Check the token's scopes."))
    await ask(client, tenant, sid, "Why does the clone fail?")
    prompt = json.dumps(fake_anthropic.requests[-1]["json"])
    assert "Authentication failed" in prompt
    assert TOKEN not in prompt and TOKEN[:20] not in prompt


async def test_an_attachment_name_is_redacted_in_the_prompt(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    import base64

    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    h = tenant.engineer.headers
    c = (await client.post("/api/v1/assist/conversations", headers=h, json={})).json()
    fake_anthropic.script(Reply(text="Look at line 2."))
    r = await client.post(
        f"/api/v1/assist/conversations/{c['id']}/messages",
        headers=h,
        json={
            "content": "What does this log say?",
            "attachments": [
                {
                    "filename": f"{TOKEN}.log",
                    "content_type": "text/plain",
                    "data_base64": base64.b64encode(b"error 5: access denied").decode(),
                }
            ],
        },
    )
    assert r.status_code == 200, r.text
    prompt = json.dumps(fake_anthropic.requests[-1]["json"])
    assert "access denied" in prompt and TOKEN[:20] not in prompt


async def _calls(factory: Factory, account_id: object) -> list[AICall]:
    async with factory._db() as db:
        return list(await db.scalars(select(AICall).where(AICall.account_id == account_id)))


async def test_a_model_flow_whose_nodes_are_not_a_list_is_a_422_not_a_500(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    weird = {"title": "Calls drop", "nodes": 5, "edges": [], "start": "a"}
    fake_anthropic.script(Reply(json=weird), Reply(json=weird), Reply(json=weird))
    r = await client.post(
        "/api/v1/flows/generate",
        headers=tenant.engineer.headers,
        json={"description": "Teams calls drop after exactly 60 minutes"},
    )
    assert_problem(r, 422)
    flows = (await client.get("/api/v1/flows", headers=tenant.engineer.headers)).json()
    assert flows["items"] == []


async def test_a_flow_the_model_never_got_right_still_records_its_calls(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    bad = {"title": "Calls drop", "nodes": [{"id": "a"}], "edges": [], "start": "a"}
    fake_anthropic.script(
        *[Reply(json=bad, usage={"input_tokens": 900, "output_tokens": 400}) for _ in range(3)]
    )
    r = await client.post(
        "/api/v1/flows/generate",
        headers=tenant.engineer.headers,
        json={"description": "Teams calls drop after exactly 60 minutes"},
    )
    assert_problem(r, 422)
    # Three deep-model calls were made and paid for: the budget must see them.
    calls = await _calls(factory, tenant.id)
    assert [(c.provider, c.outcome) for c in calls] == [("anthropic", "ok")] * 3
    assert all(c.cost_usd > 0 for c in calls)


async def test_a_flow_request_the_model_fails_still_records_the_failed_call(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(Reply(status=401))
    r = await client.post(
        "/api/v1/flows/generate",
        headers=tenant.engineer.headers,
        json={"description": "Teams calls drop after exactly 60 minutes"},
    )
    assert_problem(r, 502)
    outcomes = sorted(c.outcome for c in await _calls(factory, tenant.id))
    assert outcomes == ["failed", "fallback"]


@pytest.mark.parametrize(
    "params", [{"until": "0001-01-05"}, {"until": "9999-12-31"}, {"since": "0001-01-01"}]
)
async def test_usage_dates_at_the_edge_of_the_calendar_are_a_422_not_a_500(
    client: AsyncClient, factory: Factory, params: dict[str, str]
) -> None:
    tenant = await factory.tenant()
    r = await client.get("/api/v1/ai/usage", headers=tenant.admin.headers, params=params)
    assert_problem(r, 422)


async def test_an_embeddings_provider_that_answers_nonsense_leaves_the_copilot_working(
    client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What VoyageEmbedder does with a reply whose items lack "embedding": a KeyError, not an
    # EmbeddingError. Full-text retrieval must answer alone, as the module promises.
    from resolutionflow.search import vectors

    class Broken:
        model = "broken-embed"

        async def embed(self, texts: list[str]) -> list[list[float]]:
            return [{"index": 0}["embedding"]]  # type: ignore[index]

    monkeypatch.setattr(vectors, "embedder", lambda: Broken())
    tenant = await factory.tenant()
    sid = await new_session(client, tenant, "Printer offline")
    reply = await ask(client, tenant, sid, "The printer is offline")
    assert reply["provider"] == "offline"


@pytest.mark.parametrize(
    ("path", "params", "who"),
    [
        ("/api/v1/knowledge/documents", {"filename": "runbook.md"}, "admin"),
        ("/api/v1/flows/from-article", {"filename": "runbook.md"}, "engineer"),
    ],
)
async def test_a_slow_upload_does_not_hold_the_database(
    client: AsyncClient, factory: Factory, path: str, params: dict[str, str], who: str
) -> None:
    # The sign-in check opened a transaction (on SQLite: the write lock). Reading a body that
    # arrives slowly must not keep it: another engineer's note goes through meanwhile.
    import asyncio

    tenant = await factory.tenant()
    sid = await new_session(client, tenant, "Elsewhere")
    started, release = asyncio.Event(), asyncio.Event()

    async def body():  # type: ignore[no-untyped-def]
        yield b"# Runbook\n\n"
        started.set()
        await release.wait()
        yield b"1. Restart the spooler\n2. Print a test page\n"

    headers = getattr(tenant, who).headers
    upload = asyncio.create_task(client.post(path, params=params, headers=headers, content=body()))
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
    assert (await upload).status_code == 201
