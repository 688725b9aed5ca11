"""Pointing a test account at a fake model server through the real settings API."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from tests.fixtures.factories import Tenant
from tests.providers.llm.conftest import API_KEY


async def use_model(
    client: AsyncClient, tenant: Tenant, provider: str, base_url: str, **extra: Any
) -> dict[str, Any]:
    r = await client.put(
        "/api/v1/ai/settings",
        headers=tenant.admin.headers,
        json={"provider": provider, "base_url": base_url, "api_key": API_KEY, **extra},
    )
    assert r.status_code == 200, r.text
    return dict(r.json())


def meta(confidence: float, *suggestions: dict[str, Any]) -> str:
    import json

    return "\n<<<META>>>\n" + json.dumps(
        {"confidence": confidence, "suggestions": list(suggestions)}
    )
