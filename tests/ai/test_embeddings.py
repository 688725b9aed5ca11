"""Optional semantic retrieval: with an embeddings provider configured (here an
OpenAI-compatible local server through the real SDK), pieces are embedded after they are
committed, and the copilot finds what shares no words with the question."""

from __future__ import annotations

import pytest
from httpx import AsyncClient
from pydantic import SecretStr
from sqlalchemy import select

from resolutionflow.config import get_settings
from resolutionflow.models import TextVector
from tests.assist.support import ask, new_session
from tests.fakes.llm_servers import FakeOpenAI
from tests.fixtures.factories import Factory
from tests.providers.llm.conftest import API_KEY

DOC = b"# Notebook won't charge\n\nReseat the USB-C charger cable and update the dock firmware.\n"


@pytest.fixture
def embeddings_on(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> FakeOpenAI:
    settings = get_settings()
    monkeypatch.setattr(settings, "embeddings_provider", "openai")
    monkeypatch.setattr(settings, "embeddings_model", "fake-embed-1")
    monkeypatch.setattr(settings, "embeddings_base_url", fake_openai.base_url)
    monkeypatch.setattr(settings, "embeddings_api_key", SecretStr(API_KEY))
    return fake_openai


async def _upload(client: AsyncClient, headers: dict[str, str]) -> str:
    r = await client.post(
        "/api/v1/knowledge/documents",
        params={"filename": "laptops.md"},
        headers=headers,
        content=DOC,
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def test_without_embeddings_a_question_in_other_words_finds_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    await _upload(client, tenant.admin.headers)
    sid = await new_session(client, tenant, "Desk 4")
    reply = await ask(client, tenant, sid, "laptop is not charging")
    assert [s for s in reply["sources"] if s["kind"] == "knowledge"] == []


async def test_with_embeddings_the_same_question_finds_the_document(
    client: AsyncClient, factory: Factory, embeddings_on: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    doc_id = await _upload(client, tenant.admin.headers)
    async with factory._db() as db:
        stored = list(
            await db.scalars(select(TextVector).where(TextVector.account_id == tenant.id))
        )
    assert stored and {v.kind for v in stored} == {"knowledge_chunk"}
    assert stored[0].model == "fake-embed-1" and stored[0].dim == 64

    sid = await new_session(client, tenant, "Desk 4")
    reply = await ask(client, tenant, sid, "laptop is not charging")
    knowledge = [s for s in reply["sources"] if s["kind"] == "knowledge"]
    assert knowledge and knowledge[0]["id"] == doc_id
    paths = [r["path"] for r in embeddings_on.requests]
    assert paths.count("/v1/embeddings") == 2  # the document once, the question once

    # Deleting the document drops its vectors too.
    await client.delete(f"/api/v1/knowledge/documents/{doc_id}", headers=tenant.admin.headers)
    async with factory._db() as db:
        left = list(await db.scalars(select(TextVector).where(TextVector.account_id == tenant.id)))
    assert left == []
