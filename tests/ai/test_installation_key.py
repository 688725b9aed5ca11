"""The installation's LLM key goes to the installation's URL only, an account's saved key only to
the origin it was saved for, and tenants learn nothing of the installation's settings but that
a model is provided.

The attack: a team admin of any account sets `base_url` to a server of their own and presses
Test connection (or asks the copilot); that server must never see a key it was not given."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from httpx import AsyncClient
from pydantic import SecretStr

from resolutionflow.config import get_settings
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI
from tests.fixtures.factories import Factory, Tenant
from tests.providers.llm.conftest import API_KEY

AI = "/api/v1/ai/settings"
ACCOUNT_KEY = "sk-account-9876543210zyxwvuACCOUNT"


@pytest.fixture(scope="module")
def attacker() -> Iterator[FakeOpenAI]:
    """The attacker's host: speaks OpenAI's wire format, accepts any key, records everything."""
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def attacker_host(attacker: FakeOpenAI) -> FakeOpenAI:
    attacker.reset()
    return attacker


@pytest.fixture
def installation_openai(monkeypatch: pytest.MonkeyPatch, fake_openai: FakeOpenAI) -> FakeOpenAI:
    """The operator configured OpenAI-compatible at `fake_openai` with the installation key."""
    s = get_settings()
    monkeypatch.setattr(s, "llm_provider", "openai")
    monkeypatch.setattr(s, "llm_base_url", fake_openai.base_url)
    monkeypatch.setattr(s, "llm_api_key", SecretStr(API_KEY))
    return fake_openai


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


def seen(server: FakeOpenAI | FakeAnthropic) -> str:
    return json.dumps(server.requests, default=str)


def keys_sent(server: FakeOpenAI | FakeAnthropic) -> set[str]:
    out = set()
    for r in server.requests:
        headers: dict[str, Any] = r["headers"]
        out.add(str(headers.get("authorization") or headers.get("x-api-key")))
    return out


async def put(client: AsyncClient, tenant: Tenant, **body: Any) -> dict[str, Any]:
    r = await client.put(AI, headers=tenant.admin.headers, json=body)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def ask_copilot(client: AsyncClient, tenant: Tenant) -> dict[str, Any]:
    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Printer"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/copilot/messages",
        headers=tenant.engineer.headers,
        json={"content": "the printer is offline"},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


async def test_accounts_that_inherit_still_use_the_installation_model(
    client: AsyncClient, tenant: Tenant, installation_openai: FakeOpenAI
) -> None:
    r = await client.post(f"{AI}/test", headers=tenant.admin.headers)
    assert r.json()["ok"] is True, r.text
    assert keys_sent(installation_openai) == {f"Bearer {API_KEY}"}


@pytest.mark.parametrize("provider", [None, "openai"])
async def test_an_account_base_url_never_receives_the_installation_key(
    client: AsyncClient,
    tenant: Tenant,
    installation_openai: FakeOpenAI,
    attacker_host: FakeOpenAI,
    provider: str | None,
) -> None:
    saved = await put(client, tenant, provider=provider, base_url=attacker_host.base_url)
    assert saved["api_key_set"] is False
    r = await client.post(f"{AI}/test", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    await ask_copilot(client, tenant)
    assert attacker_host.requests, "the attack was never tried; the test would prove nothing"
    assert API_KEY not in seen(attacker_host)
    assert keys_sent(attacker_host) == {"Bearer not-needed"}
    assert installation_openai.requests == []


async def test_an_anthropic_installation_key_is_withheld_from_an_account_url(
    client: AsyncClient,
    tenant: Tenant,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    s = get_settings()
    monkeypatch.setattr(s, "llm_provider", "anthropic")
    monkeypatch.setattr(s, "llm_api_key", SecretStr(API_KEY))
    with FakeAnthropic() as attacker:
        saved = await put(client, tenant, base_url=attacker.base_url)
        assert saved["effective_provider"] == "offline"
        assert saved["effective_note"] == "a base URL of your own needs an API key of your own"
        r = await client.post(f"{AI}/test", headers=tenant.admin.headers)
        assert r.json()["provider"] == "offline"
        await ask_copilot(client, tenant)
        assert attacker.requests == []
    # Bringing a key of its own makes it work, with that key.
    with FakeAnthropic() as own:
        await put(client, tenant, base_url=own.base_url, api_key=ACCOUNT_KEY)
        r = await client.post(f"{AI}/test", headers=tenant.admin.headers)
        assert r.json()["ok"] is True, r.text
        assert ACCOUNT_KEY in seen(own) and API_KEY not in seen(own)


async def test_a_saved_key_does_not_follow_a_new_origin(
    client: AsyncClient, tenant: Tenant, fake_openai: FakeOpenAI, attacker_host: FakeOpenAI
) -> None:
    await put(client, tenant, provider="openai", base_url=fake_openai.base_url, api_key=API_KEY)
    # Another path on the same origin keeps it.
    same_origin = fake_openai.base_url.replace("/v1", "/proxy/v1")
    assert (await put(client, tenant, base_url=same_origin))["api_key_set"] is True
    assert (await put(client, tenant, base_url=fake_openai.base_url))["api_key_set"] is True
    # Another host (or port, or scheme) drops it unless a key comes with the change.
    moved = await put(client, tenant, base_url=attacker_host.base_url)
    assert moved["api_key_set"] is False
    r = await client.post(f"{AI}/test", headers=tenant.admin.headers)
    assert r.status_code == 200
    await ask_copilot(client, tenant)
    assert attacker_host.requests and API_KEY not in seen(attacker_host)
    # Pointing it back does not bring the old key back either.
    back = await put(client, tenant, base_url=fake_openai.base_url)
    assert back["api_key_set"] is False
    # A key sent with the new URL is kept: it was typed for that URL.
    attacker_host.reset()
    moved = await put(client, tenant, base_url=attacker_host.base_url, api_key=ACCOUNT_KEY)
    assert moved["api_key_set"] is True
    await client.post(f"{AI}/test", headers=tenant.admin.headers)
    assert keys_sent(attacker_host) == {f"Bearer {ACCOUNT_KEY}"}


async def test_a_saved_key_does_not_follow_a_cleared_url_to_the_vendor(
    client: AsyncClient, tenant: Tenant, fake_openai: FakeOpenAI
) -> None:
    # Clearing the URL sends requests to api.openai.com: another origin, so the key goes.
    await put(client, tenant, provider="openai", base_url=fake_openai.base_url, api_key=API_KEY)
    assert (await put(client, tenant, base_url=None))["api_key_set"] is False


async def test_tenants_see_only_that_the_administrator_provides_a_model(
    client: AsyncClient, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = get_settings()
    monkeypatch.setattr(s, "llm_provider", "openai")
    monkeypatch.setattr(s, "llm_base_url", "http://ollama.internal.corp:11434/v1")
    monkeypatch.setattr(s, "llm_api_key", SecretStr(API_KEY))
    r = await client.get(AI, headers=tenant.admin.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["installation"] == {
        "provided": True,
        "description": "Provided by your administrator",
    }
    assert "ollama.internal.corp" not in r.text and API_KEY not in r.text
    assert body["base_url"] is None  # the account's own, unset
