"""Listing the account's users: search, role and activity filters, and cursor pagination."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory


async def _list(client: AsyncClient, headers: dict[str, str], **params: Any) -> dict[str, Any]:
    r = await client.get("/api/v1/users", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


def _ids(page: dict[str, Any]) -> set[str]:
    return {u["id"] for u in page["items"]}


async def test_list_shows_only_this_accounts_active_users_by_default(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    other = await factory.tenant((Role.team_admin,))
    inactive = await factory.user(tenant, Role.engineer, is_active=False)

    page = await _list(client, tenant.admin.headers)

    assert _ids(page) == {str(p.id) for p in tenant.people.values()}
    assert page["next_cursor"] is None
    assert str(other.admin.id) not in _ids(page)
    assert str(inactive.id) not in _ids(page)
    item = next(u for u in page["items"] if u["id"] == str(tenant.engineer.id))
    assert item["email"] == tenant.engineer.email
    assert item["role"] == "engineer"
    assert item["status"] == "active"


async def test_include_inactive_adds_deactivated_users(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    inactive = await factory.user(tenant, Role.engineer, is_active=False)

    page = await _list(client, tenant.admin.headers, include_inactive="true")

    assert _ids(page) == {str(tenant.admin.id), str(inactive.id)}
    item = next(u for u in page["items"] if u["id"] == str(inactive.id))
    assert item["is_active"] is False
    assert item["status"] == "deactivated"


async def test_q_matches_name_or_email_case_insensitively(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    r = await client.patch(
        f"/api/v1/users/{tenant.engineer.id}",
        json={"name": "Quentin Zebedee"},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 200

    by_name = await _list(client, tenant.admin.headers, q="zEBEdee")
    by_email = await _list(client, tenant.admin.headers, q=tenant.admin.email.upper())
    nobody = await _list(client, tenant.admin.headers, q="no-such-person-anywhere")

    assert _ids(by_name) == {str(tenant.engineer.id)}
    assert _ids(by_email) == {str(tenant.admin.id)}
    assert nobody["items"] == []


async def test_role_filter(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    second_viewer = await factory.user(tenant, Role.viewer)

    page = await _list(client, tenant.admin.headers, role="viewer")

    assert _ids(page) == {str(tenant.viewer.id), str(second_viewer.id)}
    bad = await client.get("/api/v1/users", params={"role": "wizard"}, headers=tenant.admin.headers)
    assert_problem(bad, 422, field="role")


async def test_cursor_pagination_walks_every_user_once(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    for role in (Role.engineer, Role.viewer, Role.engineer):
        await factory.user(tenant, role)
    everyone = _ids(await _list(client, tenant.admin.headers, limit=200))
    assert len(everyone) == 7

    seen: list[str] = []
    cursor = None
    for _ in range(20):
        params: dict[str, Any] = {"limit": 1} | ({"cursor": cursor} if cursor else {})
        page = await _list(client, tenant.admin.headers, **params)
        assert len(page["items"]) <= 1
        seen.extend(u["id"] for u in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break

    assert cursor is None
    assert len(seen) == len(set(seen))
    assert set(seen) == everyone


async def test_bad_cursor_or_limit_is_a_problem_not_a_crash(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    bad_cursor = await client.get(
        "/api/v1/users", params={"cursor": "not-a-cursor"}, headers=tenant.admin.headers
    )
    too_big = await client.get("/api/v1/users", params={"limit": 201}, headers=tenant.admin.headers)
    assert_problem(bad_cursor, 400, field="cursor")
    assert_problem(too_big, 422, field="limit")
