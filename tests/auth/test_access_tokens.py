"""Bearer access tokens: only our own signed, unexpired, current-version tokens are accepted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from httpx import AsyncClient

from resolutionflow.config import get_settings
from resolutionflow.models import Role
from tests.auth.support import assert_problem, bearer
from tests.fixtures.factories import Factory, Person


def _claims(person: Person, *, expires_in: timedelta = timedelta(minutes=5)) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "iss": "resolutionflow",
        "sub": str(person.id),
        "acc": str(person.account_id),
        "ver": 0,
        "iat": now - timedelta(minutes=30),
        "nbf": now - timedelta(minutes=30),
        "exp": now + expires_in,
        "jti": uuid.uuid4().hex,
    }


def _our_key() -> str:
    return get_settings().signing_key()


async def _me_status(client: AsyncClient, token: str) -> int:
    return (await client.get("/api/v1/me", headers=bearer(token))).status_code


async def test_hand_made_token_with_our_key_is_accepted(
    client: AsyncClient, factory: Factory
) -> None:
    # The control for the refusals below: the same claims, properly signed, do work.
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    token = jwt.encode(_claims(tenant.engineer), _our_key(), algorithm="HS256")
    assert await _me_status(client, token) == 200


async def test_token_with_alg_none_is_401(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    token = jwt.encode(_claims(tenant.engineer), None, algorithm="none")

    r = await client.get("/api/v1/me", headers=bearer(token))

    assert_problem(r, 401)
    assert r.headers["www-authenticate"].lower().startswith("bearer")


async def test_token_signed_with_another_key_is_401(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    token = jwt.encode(_claims(tenant.engineer), "some-other-key-" * 4, algorithm="HS256")
    assert_problem(await client.get("/api/v1/me", headers=bearer(token)), 401)


async def test_expired_token_is_401(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    claims = _claims(tenant.engineer, expires_in=timedelta(minutes=-1))
    token = jwt.encode(claims, _our_key(), algorithm="HS256")
    assert_problem(await client.get("/api/v1/me", headers=bearer(token)), 401)


async def test_missing_or_malformed_authorization_is_401(client: AsyncClient) -> None:
    assert_problem(await client.get("/api/v1/me"), 401)
    assert_problem(await client.get("/api/v1/me", headers=bearer("not.a.jwt")), 401)
    basic = {"Authorization": "Basic dXNlcjpwYXNz"}
    assert_problem(await client.get("/api/v1/me", headers=basic), 401)


async def test_deactivated_users_access_token_stops_working(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    assert (await client.get("/api/v1/me", headers=tenant.engineer.headers)).status_code == 200

    r = await client.patch(
        f"/api/v1/users/{tenant.engineer.id}",
        json={"is_active": False},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 200, r.text

    assert_problem(await client.get("/api/v1/me", headers=tenant.engineer.headers), 401)
    assert (await factory.get_user(tenant.engineer.id)).is_active is False


async def test_a_token_accepted_before_expires_on_time_all_the_same(
    client: AsyncClient, factory: Factory, monkeypatch: Any
) -> None:
    # Verified tokens are remembered (auth/tokens.py): a token that worked must still stop
    # working at its expiry, without being verified again.
    from resolutionflow.auth import tokens

    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    token = jwt.encode(_claims(tenant.engineer, expires_in=timedelta(minutes=2)), _our_key())
    assert await _me_status(client, token) == 200

    later = datetime.now(UTC) + timedelta(minutes=3)
    monkeypatch.setattr(tokens.time, "time", later.timestamp)
    r = await client.get("/api/v1/me", headers=bearer(token))
    assert_problem(r, 401)


async def test_a_remembered_token_is_not_valid_under_a_rotated_key(
    client: AsyncClient, factory: Factory, monkeypatch: Any
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    token = jwt.encode(_claims(tenant.engineer), _our_key(), algorithm="HS256")
    assert await _me_status(client, token) == 200

    settings = get_settings()
    monkeypatch.setattr(type(settings), "signing_key", lambda self: "a-new-key-" * 6)
    assert_problem(await client.get("/api/v1/me", headers=bearer(token)), 401)
