"""AI settings: inherit the installation's defaults, override per account, the key encrypted at
rest and never returned, test connection, usage and budget."""

from __future__ import annotations

from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.models import AISettings
from tests.ai.support import use_model
from tests.auth.support import assert_problem
from tests.fakes.llm_servers import FakeAnthropic, FakeOpenAI, Reply
from tests.fixtures.factories import Factory
from tests.providers.llm.conftest import API_KEY


async def test_the_default_is_the_offline_engine(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    r = await client.get("/api/v1/ai/settings", headers=tenant.admin.headers)
    assert r.status_code == 200
    body = r.json()
    assert body["provider"] is None and body["api_key_set"] is False
    assert body["effective_provider"] == "offline"
    assert body["effective_note"] == "no model is configured"
    assert body["installation"] == {
        "provided": False,
        "description": "None: the offline engine answers unless you configure a model",
    }
    r = await client.post("/api/v1/ai/settings/test", headers=tenant.admin.headers)
    assert r.json()["ok"] is True and "Nothing leaves this server" in r.json()["message"]


async def test_the_key_is_encrypted_at_rest_and_never_returned(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    saved = await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    assert saved["api_key_set"] is True and API_KEY not in str(saved)
    assert saved["effective_provider"] == "anthropic"
    assert saved["effective_fast_model"] == "claude-haiku-4-5"
    async with factory._db() as db:
        row = await db.scalar(select(AISettings).where(AISettings.account_id == tenant.id))
    assert row is not None and row.api_key_encrypted and API_KEY not in row.api_key_encrypted

    # Saving other fields keeps the key; "" removes it (and then Anthropic cannot be used).
    r = await client.put(
        "/api/v1/ai/settings", headers=tenant.admin.headers, json={"fast_model": "claude-opus-4-7"}
    )
    assert r.json()["api_key_set"] is True and r.json()["effective_fast_model"] == "claude-opus-4-7"
    r = await client.put("/api/v1/ai/settings", headers=tenant.admin.headers, json={"api_key": ""})
    assert r.json()["api_key_set"] is False
    assert r.json()["effective_provider"] == "offline"
    assert r.json()["effective_note"] == "no API key is set for Anthropic"


async def test_test_connection_reports_success_and_plain_failures(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "openai", fake_openai.base_url)
    r = await client.post("/api/v1/ai/settings/test", headers=tenant.admin.headers)
    assert r.status_code == 200 and r.json()["ok"] is True, r.text
    assert r.json()["provider"] == "openai" and r.json()["model"] == "gpt-4o-mini"

    await use_model(client, tenant, "anthropic", fake_anthropic.base_url)
    fake_anthropic.script(Reply(status=401))
    r = await client.post("/api/v1/ai/settings/test", headers=tenant.admin.headers)
    body = r.json()
    assert body["ok"] is False and "API key" in body["message"]
    assert API_KEY not in r.text


async def test_bad_settings_are_refused_and_change_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    for body, field in (
        ({"provider": "gemini"}, "provider"),
        ({"base_url": "ftp://models.example"}, "base_url"),
        ({"base_url": "https://user:pw@models.example/v1"}, "base_url"),
        ({"monthly_budget_usd": "-5"}, "monthly_budget_usd"),
        ({"fast_model": ""}, "fast_model"),
        ({"surprise": True}, "surprise"),
    ):
        r = await client.put("/api/v1/ai/settings", headers=h, json=body)
        assert_problem(r, 422)
        assert any(e["loc"][-1] == field for e in r.json()["errors"]), (body, r.json())
    assert (await client.get("/api/v1/ai/settings", headers=h)).json()["provider"] is None


async def test_usage_per_day_model_and_action(
    client: AsyncClient, factory: Factory, fake_anthropic: FakeAnthropic
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "anthropic", fake_anthropic.base_url, monthly_budget_usd="25")
    r = await client.post("/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "u"})
    sid = r.json()["id"]
    for q in ("one", "two"):
        await client.post(
            f"/api/v1/sessions/{sid}/copilot/messages",
            headers=tenant.engineer.headers,
            json={"content": q},
        )
    r = await client.get("/api/v1/ai/usage", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    report = r.json()
    (row,) = report["rows"]
    assert (row["provider"], row["model"], row["action"], row["calls"]) == (
        "anthropic",
        "claude-haiku-4-5",
        "copilot_chat",
        2,
    )
    assert float(row["cost_usd"]) > 0 and report["total_calls"] == 2
    assert report["monthly_budget_usd"] == "25.00"
    r = await client.get(
        "/api/v1/ai/usage",
        headers=tenant.admin.headers,
        params={"since": "2026-02-01", "until": "2026-01-01"},
    )
    assert_problem(r, 422)


async def test_switching_provider_drops_the_old_providers_url_models_and_key(
    client: AsyncClient, factory: Factory, fake_openai: FakeOpenAI
) -> None:
    tenant = await factory.tenant()
    await use_model(client, tenant, "openai", fake_openai.base_url, fast_model="llama3.1:8b")
    r = await client.put(
        "/api/v1/ai/settings", headers=tenant.admin.headers, json={"provider": "anthropic"}
    )
    body = r.json()
    assert body["base_url"] is None and body["fast_model"] is None
    assert body["api_key_set"] is False
    assert body["effective_provider"] == "offline"  # Anthropic needs its own key
    r = await client.put(
        "/api/v1/ai/settings",
        headers=tenant.admin.headers,
        json={"provider": "openai", "base_url": fake_openai.base_url, "api_key": "k-2"},
    )
    assert r.json()["api_key_set"] is True and r.json()["effective_fast_model"] == "gpt-4o-mini"
