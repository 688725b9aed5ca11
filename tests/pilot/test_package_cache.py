"""The resolution package is kept per session state: reading it again with nothing changed does
not call the model; any change to what it is written from (a timeline entry, a fact, the model
settings) writes it anew. Counted on the local OpenAI-compatible stand-in."""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from httpx import AsyncClient
from pypdf import PdfReader

from tests.ai.support import use_model
from tests.fakes.llm_servers import FakeOpenAI, Reply
from tests.fixtures.factories import Factory, Tenant


def _package(n: int) -> Reply:
    return Reply(
        json={
            "psa_note": f"Problem\nPrompts ({n}).\n\nResolution\nCleared the password Hunter2-Zx9!qPlanted.",
            "kb_article": "# Outlook prompts\n\nClear Credential Manager.",
            "client_summary": f"Your Outlook no longer asks for your password ({n}).",
        }
    )


async def _session(client: AsyncClient, tenant: Tenant) -> str:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={"title": "Outlook prompts", "mode": "pilot", "intake": {"text": "Outlook asks"}},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def _read(client: AsyncClient, tenant: Tenant, sid: str, **params: Any) -> Any:
    r = await client.get(
        f"/api/v1/sessions/{sid}/resolution-package",
        params=params,
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200, r.text
    return r


async def test_a_second_read_without_changes_does_not_call_the_model(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    await use_model(client, tenant, "openai", fake_openai.base_url)
    fake_openai.reset()
    fake_openai.script(_package(1), _package(2), _package(3), _package(4))

    first = (await _read(client, tenant, sid)).json()
    assert len(fake_openai.requests) == 1
    assert first["client_summary"].endswith("(1).")
    again = (await _read(client, tenant, sid)).json()
    assert len(fake_openai.requests) == 1
    assert again == first

    # A new timeline entry: a new session state, written anew.
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={"type": "note", "text": "Cleared Credential Manager."},
    )
    assert r.status_code < 300, r.text
    second = (await _read(client, tenant, sid)).json()
    assert len(fake_openai.requests) == 2 and second["client_summary"].endswith("(2).")
    await _read(client, tenant, sid)
    assert len(fake_openai.requests) == 2

    # A confirmed fact changes the material without a model call of its own being cached.
    before = len(fake_openai.requests)
    r = await client.post(
        f"/api/v1/sessions/{sid}/pilot/facts",
        headers=tenant.engineer.headers,
        json={"text": "Credential Manager held a stale Office entry"},
    )
    assert r.status_code < 300, r.text
    fake_openai.script(_package(5), _package(6))
    after_fact = len(fake_openai.requests)
    await _read(client, tenant, sid)
    assert len(fake_openai.requests) == after_fact + 1 > before

    # Other model settings: a new key.
    await use_model(client, tenant, "openai", fake_openai.base_url, deep_model="gpt-4.1")
    n = len(fake_openai.requests)
    await _read(client, tenant, sid)
    assert len(fake_openai.requests) == n + 1

    # Asked to write it anew, it does.
    await _read(client, tenant, sid, refresh="true")
    assert len(fake_openai.requests) == n + 2


async def test_a_fallback_after_a_model_failure_is_not_kept(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    await use_model(client, tenant, "openai", fake_openai.base_url)
    fake_openai.reset()
    fake_openai.default(Reply(status=400))
    failed = (await _read(client, tenant, sid)).json()
    assert failed["model"] == "offline" and failed["note"]
    calls = len(fake_openai.requests)
    assert calls >= 1
    fake_openai.default(_package(7))
    written = (await _read(client, tenant, sid)).json()
    assert written["model"] != "offline"
    assert len(fake_openai.requests) > calls


async def test_the_package_as_a_pdf_is_redacted(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    await use_model(client, tenant, "openai", fake_openai.base_url)
    fake_openai.reset()
    fake_openai.script(_package(1))
    r = await _read(client, tenant, sid, format="pdf")
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"].startswith("attachment;")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    assert "PSA note" in text and "Client summary" in text
    assert "Your Outlook no longer asks for your password (1)." in text
    assert "Hunter2-Zx9!qPlanted" not in text and "[REDACTED:password]" in text
    # The JSON read that follows is the same package, from the cache.
    pkg = (await _read(client, tenant, sid)).json()
    assert len(fake_openai.requests) == 1
    assert pkg["client_summary"].endswith("(1).")


async def test_without_the_renderer_the_pdf_is_503_before_the_model_is_asked(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    await use_model(client, tenant, "openai", fake_openai.base_url)
    fake_openai.reset()
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    r = await client.get(
        f"/api/v1/sessions/{sid}/resolution-package",
        params={"format": "pdf"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 503
    assert r.headers["content-type"].startswith("application/problem+json")
    assert fake_openai.requests == []
