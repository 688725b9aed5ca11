"""Logs are JSON lines with the request id, and never contain a secret."""

from __future__ import annotations

import json
import logging

import pytest
from httpx import AsyncClient

from resolutionflow.logging import JsonFormatter
from tests.fixtures.factories import PASSWORD, Factory


@pytest.fixture
def log_lines():  # type: ignore[no-untyped-def]
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            # httpx here is the test's own client logging the URLs it calls, not the app.
            if not record.name.startswith("httpx"):
                lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    yield lines
    root.removeHandler(handler)
    root.setLevel(old_level)


async def test_sign_in_and_tokens_never_reach_the_logs(
    client: AsyncClient, factory: Factory, log_lines: list[str]
) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/auth/login", json={"email": tenant.engineer.email, "password": PASSWORD}
    )
    access = r.json()["access_token"]
    refresh_cookie = r.cookies["rf_refresh"]
    await client.post(
        "/api/v1/auth/login", json={"email": tenant.viewer.email, "password": "wrong-" + PASSWORD}
    )
    created = await client.post(
        "/api/v1/me/tokens", json={"name": "ci"}, headers={"Authorization": f"Bearer {access}"}
    )
    api_token = created.json()["token"]
    await client.get("/api/v1/me", headers={"Authorization": f"Bearer {api_token}"})
    await client.post("/api/v1/auth/refresh")
    invite = await client.post(
        "/api/v1/users",
        headers=tenant.admin.headers,
        json={"email": "log-check@example.com", "name": "L", "role": "viewer"},
    )
    invite_token = invite.json()["invite"]["invite_url"].rsplit("/", 1)[-1]
    await client.get(f"/api/v1/auth/invites/{invite_token}")
    logging.getLogger("resolutionflow.test").info(
        "oops", extra={"password": PASSWORD, "note": f"Bearer {access}"}
    )

    text = "\n".join(log_lines)
    assert log_lines, "nothing was logged; the test would prove nothing"
    for secret in (PASSWORD, access, refresh_cookie, api_token, invite_token):
        assert secret not in text
    entries = [json.loads(line) for line in log_lines]
    requests = [e for e in entries if e["message"] == "request"]
    assert requests and all(len(e["request_id"]) == 32 for e in requests)
    assert {"method", "route", "status", "duration_ms"} <= set(requests[0])
    assert any(e["route"].endswith("/invites/{token}") for e in requests), requests
