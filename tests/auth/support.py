"""Helpers the identity tests share: problem+json checks, signing in, cookies, the audit log."""

from __future__ import annotations

from http.cookies import SimpleCookie
from typing import Any

from httpx import AsyncClient, Response

from tests.fixtures.factories import PASSWORD

REFRESH_COOKIE = "rf_refresh"


def assert_problem(r: Response, status: int, *, field: str | None = None) -> dict[str, Any]:
    """The response is an RFC 9457 problem with this status (and, if given, names `field`)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json"), r.headers
    body = r.json()
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["type"], str) and body["type"]
    if field is not None:
        assert body.get("errors"), body
        assert any(e["loc"][-1] == field for e in body["errors"]), body["errors"]
    return body


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def login(client: AsyncClient, email: str, password: str = PASSWORD) -> Response:
    return await client.post("/api/v1/auth/login", json={"email": email, "password": password})


def set_cookie(r: Response) -> Any:
    """The `rf_refresh` morsel the response sets (attributes included), or None."""
    for header in r.headers.get_list("set-cookie"):
        jar: SimpleCookie = SimpleCookie()
        jar.load(header)
        if REFRESH_COOKIE in jar:
            return jar[REFRESH_COOKIE]
    return None


def refresh_secret(r: Response) -> str:
    morsel = set_cookie(r)
    assert morsel is not None and morsel.value, r.headers
    return str(morsel.value)


async def post_with_cookie(client: AsyncClient, path: str, secret: str | None) -> Response:
    """POST with exactly this refresh cookie (or none), whatever the client's jar holds."""
    client.cookies.clear()
    headers = {"Cookie": f"{REFRESH_COOKIE}={secret}"} if secret else {}
    r = await client.post(path, headers=headers)
    client.cookies.clear()
    return r


async def refresh(client: AsyncClient, secret: str | None) -> Response:
    return await post_with_cookie(client, "/api/v1/auth/refresh", secret)


async def audit_events(
    client: AsyncClient, headers: dict[str, str], action: str | None = None
) -> list[dict[str, Any]]:
    params = {"limit": 200} | ({"action": action} if action else {})
    r = await client.get("/api/v1/audit-events", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def client_ip(client: AsyncClient) -> str:
    """The address the `client` fixture's transport presents to the app."""
    return str(client._transport.client[0])  # type: ignore[attr-defined]
