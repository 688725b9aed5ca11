"""Personal API tokens: the secret is shown once, works as a bearer token, and can be revoked."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, audit_events, bearer
from tests.fixtures.factories import Factory


async def _create(client: AsyncClient, headers: dict[str, str], name: str = "CI") -> dict:  # type: ignore[type-arg]
    r = await client.post("/api/v1/me/tokens", json={"name": name}, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def _tokens(client: AsyncClient, headers: dict[str, str]) -> list[dict]:  # type: ignore[type-arg]
    r = await client.get("/api/v1/me/tokens", headers=headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_created_token_shows_its_secret_once_and_lists_without_it(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    created = await _create(client, tenant.engineer.headers, "Nightly export")

    secret = created["token"]
    assert secret.startswith("rf_pat_")
    assert created["name"] == "Nightly export"
    assert secret.startswith(created["prefix"])
    assert created["last_used_at"] is None
    assert created["revoked_at"] is None
    assert created["expires_at"] is not None
    r = await client.get("/api/v1/me/tokens", headers=tenant.engineer.headers)
    assert secret not in r.text
    (listed,) = r.json()["items"]
    assert "token" not in listed
    assert listed["id"] == created["id"]
    assert listed["prefix"] == created["prefix"]
    assert await _tokens(client, tenant.admin.headers) == []  # not shown to other users


async def test_api_token_authenticates_and_records_last_use(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    created = await _create(client, tenant.engineer.headers)

    r = await client.get("/api/v1/me", headers=bearer(created["token"]))

    assert r.status_code == 200, r.text
    assert r.json()["id"] == str(tenant.engineer.id)
    (listed,) = await _tokens(client, tenant.engineer.headers)
    assert listed["last_used_at"] is not None


async def test_revoked_token_stops_working(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    created = await _create(client, tenant.engineer.headers)

    r = await client.delete(f"/api/v1/me/tokens/{created['id']}", headers=tenant.engineer.headers)

    assert r.status_code == 204
    assert_problem(await client.get("/api/v1/me", headers=bearer(created["token"])), 401)
    (listed,) = await _tokens(client, tenant.engineer.headers)
    assert listed["revoked_at"] is not None
    again = await client.delete(
        f"/api/v1/me/tokens/{created['id']}", headers=tenant.engineer.headers
    )
    assert_problem(again, 409)


async def test_unknown_token_secret_is_401(client: AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/me", headers=bearer("rf_pat_made-up")), 401)


async def test_revoking_someone_elses_token_is_404_and_leaves_it_working(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    other = await factory.tenant((Role.team_admin,))
    created = await _create(client, tenant.engineer.headers)

    same_account = await client.delete(
        f"/api/v1/me/tokens/{created['id']}", headers=tenant.admin.headers
    )
    other_account = await client.delete(
        f"/api/v1/me/tokens/{created['id']}", headers=other.admin.headers
    )

    assert_problem(same_account, 404)
    assert_problem(other_account, 404)
    assert (await client.get("/api/v1/me", headers=bearer(created["token"]))).status_code == 200
    (listed,) = await _tokens(client, tenant.engineer.headers)
    assert listed["revoked_at"] is None


async def test_token_creation_and_revocation_are_audited(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    created = await _create(client, tenant.engineer.headers, "Backup script")
    r = await client.delete(f"/api/v1/me/tokens/{created['id']}", headers=tenant.engineer.headers)
    assert r.status_code == 204

    (made,) = await audit_events(client, tenant.admin.headers, "api_token.created")
    (revoked,) = await audit_events(client, tenant.admin.headers, "api_token.revoked")
    for event in (made, revoked):
        assert event["actor_id"] == str(tenant.engineer.id)
        assert event["target_type"] == "api_token"
        assert event["target_id"] == created["id"]
        assert event["detail"] == {"name": "Backup script"}
        assert created["token"] not in str(event)


async def test_token_name_and_expiry_are_validated(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    headers = tenant.engineer.headers
    r = await client.post("/api/v1/me/tokens", json={"name": ""}, headers=headers)
    assert_problem(r, 422, field="name")
    r = await client.post(
        "/api/v1/me/tokens", json={"name": "x", "expires_in_days": 366}, headers=headers
    )
    assert_problem(r, 422, field="expires_in_days")
    assert await _tokens(client, headers) == []
