"""Inviting people without a password: the link, its preview, acceptance, resend and revoke."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from httpx import AsyncClient, Response

from resolutionflow.models import Role
from tests.auth.support import (
    assert_problem,
    audit_events,
    bearer,
    login,
    refresh_secret,
)
from tests.fixtures.factories import Factory, Tenant, unique

NEW_PASSWORD = "a-long-and-unusual-phrase"


async def _invite(client: AsyncClient, tenant: Tenant, role: str = "engineer") -> dict[str, Any]:
    email = f"{unique('invitee')}@example.com"
    r = await client.post(
        "/api/v1/users",
        json={"email": email, "name": "Ivy Invitee", "role": role},
        headers=tenant.admin.headers,
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


def _token(url: str) -> str:
    assert "/invite/" in url, url
    return url.rsplit("/invite/", 1)[1]


async def _accept(
    client: AsyncClient, token: str, password: str = NEW_PASSWORD, **kw: str
) -> Response:
    return await client.post(
        f"/api/v1/auth/invites/{token}/accept", json={"password": password, **kw}
    )


async def test_create_without_password_makes_an_invite_with_a_link(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))

    user = await _invite(client, tenant)

    assert user["status"] == "invited"
    assert user["is_active"] is True
    invite = user["invite"]
    assert invite["emailed"] is False
    assert invite["invite_url"] and "/invite/" in invite["invite_url"]
    assert invite["expires_at"]
    fetched = await client.get(f"/api/v1/users/{user['id']}", headers=tenant.admin.headers)
    assert fetched.json()["status"] == "invited"
    stored = await factory.get_user(uuid.UUID(user["id"]))
    assert stored.password_hash is None
    (event,) = await audit_events(client, tenant.admin.headers, "invite.created")
    assert event["target_id"] == invite["id"]
    assert _token(invite["invite_url"]) not in str(event)


async def test_invite_preview_shows_who_is_invited_where(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant, role="viewer")

    r = await client.get(f"/api/v1/auth/invites/{_token(user['invite']['invite_url'])}")

    assert r.status_code == 200, r.text
    assert r.json() == {
        "email": user["email"],
        "name": "Ivy Invitee",
        "role": "viewer",
        "account_name": tenant.name,
        "expires_at": user["invite"]["expires_at"],
    }


async def test_accepting_sets_the_password_signs_in_and_activates(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    token = _token(user["invite"]["invite_url"])

    r = await _accept(client, token, name="Ivy Accepted")

    assert r.status_code == 200, r.text
    body = r.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert refresh_secret(r)
    me = await client.get("/api/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["id"] == user["id"]
    assert me.json()["name"] == "Ivy Accepted"
    fetched = await client.get(f"/api/v1/users/{user['id']}", headers=tenant.admin.headers)
    assert fetched.json()["status"] == "active"
    assert (await login(client, user["email"], NEW_PASSWORD)).status_code == 200
    (event,) = await audit_events(client, tenant.admin.headers, "invite.accepted")
    assert event["actor_id"] == user["id"]
    listed = await client.get(
        "/api/v1/invites", params={"status": "all"}, headers=tenant.admin.headers
    )
    (invite,) = listed.json()["items"]
    assert invite["status"] == "accepted"


async def test_accepting_twice_is_410(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    token = _token(user["invite"]["invite_url"])
    assert (await _accept(client, token)).status_code == 200

    again = await _accept(client, token, password="another-long-passphrase")

    assert_problem(again, 410)
    assert_problem(await client.get(f"/api/v1/auth/invites/{token}"), 410)
    assert (await login(client, user["email"], NEW_PASSWORD)).status_code == 200


async def test_simultaneous_acceptances_have_one_winner(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    token = _token(user["invite"]["invite_url"])

    results = await asyncio.gather(
        _accept(client, token, password="first-long-passphrase"),
        _accept(client, token, password="second-long-passphrase"),
    )

    assert sorted(r.status_code for r in results) == [200, 410], [r.text for r in results]
    winner = "first-long-passphrase" if results[0].status_code == 200 else "second-long-passphrase"
    assert (await login(client, user["email"], winner)).status_code == 200


async def test_unknown_invite_token_is_404(client: AsyncClient) -> None:
    token = "x" * 43
    assert_problem(await client.get(f"/api/v1/auth/invites/{token}"), 404)
    assert_problem(await _accept(client, token), 404)


async def test_weak_password_on_accept_is_422_and_the_invite_stays_usable(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    token = _token(user["invite"]["invite_url"])

    short = await _accept(client, token, password="short")
    common = await _accept(client, token, password="password1234")

    assert_problem(short, 422, field="password")
    assert_problem(common, 422, field="password")
    assert (await factory.get_user(uuid.UUID(user["id"]))).password_hash is None
    assert (await client.get(f"/api/v1/auth/invites/{token}")).status_code == 200
    assert (await _accept(client, token)).status_code == 200


async def test_invites_list_shows_pending_invites_with_the_inviter(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    user = await _invite(client, tenant)

    r = await client.get("/api/v1/invites", headers=tenant.admin.headers)

    assert r.status_code == 200, r.text
    (invite,) = r.json()["items"]
    assert invite["id"] == user["invite"]["id"]
    assert invite["email"] == user["email"]
    assert invite["role"] == "engineer"
    assert invite["status"] == "pending"
    assert invite["invited_by_name"] == tenant.admin.name
    assert_problem(await client.get("/api/v1/invites", headers=tenant.engineer.headers), 403)


async def test_resend_issues_a_new_link_and_kills_the_old_one(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    old_url = user["invite"]["invite_url"]

    r = await client.post(
        f"/api/v1/invites/{user['invite']['id']}/resend", headers=tenant.admin.headers
    )

    assert r.status_code == 200, r.text
    resent = r.json()
    assert resent["id"] == user["invite"]["id"]
    assert resent["emailed"] is False
    assert resent["invite_url"] and resent["invite_url"] != old_url
    assert_problem(await client.get(f"/api/v1/auth/invites/{_token(old_url)}"), 404)
    assert_problem(await _accept(client, _token(old_url)), 404)
    new_token = _token(resent["invite_url"])
    assert (await client.get(f"/api/v1/auth/invites/{new_token}")).status_code == 200
    assert (await _accept(client, new_token)).status_code == 200


async def test_revoking_an_invite_removes_the_placeholder_user(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    token = _token(user["invite"]["invite_url"])

    r = await client.delete(f"/api/v1/invites/{user['invite']['id']}", headers=tenant.admin.headers)

    assert r.status_code == 204
    listed = await client.get(
        "/api/v1/users", params={"include_inactive": "true"}, headers=tenant.admin.headers
    )
    assert user["id"] not in {u["id"] for u in listed.json()["items"]}
    assert_problem(
        await client.get(f"/api/v1/users/{user['id']}", headers=tenant.admin.headers), 404
    )
    assert await factory.get_user(uuid.UUID(user["id"])) is None
    assert_problem(await client.get(f"/api/v1/auth/invites/{token}"), 410)
    assert_problem(await _accept(client, token), 410)
    pending = await client.get("/api/v1/invites", headers=tenant.admin.headers)
    assert pending.json()["items"] == []
    every = await client.get(
        "/api/v1/invites", params={"status": "all"}, headers=tenant.admin.headers
    )
    assert [i["status"] for i in every.json()["items"]] == ["revoked"]
    (event,) = await audit_events(client, tenant.admin.headers, "invite.revoked")
    assert event["target_id"] == user["invite"]["id"]
    # The email is free again.
    again = await client.post(
        "/api/v1/users",
        json={"email": user["email"], "name": "Ivy Again", "role": "viewer"},
        headers=tenant.admin.headers,
    )
    assert again.status_code == 201, again.text


async def test_another_accounts_invite_cannot_be_resent_or_revoked(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    other = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    invite_id = user["invite"]["id"]

    resend = await client.post(f"/api/v1/invites/{invite_id}/resend", headers=other.admin.headers)
    revoke = await client.delete(f"/api/v1/invites/{invite_id}", headers=other.admin.headers)

    assert_problem(resend, 404)
    assert_problem(revoke, 404)
    token = _token(user["invite"]["invite_url"])
    assert (await client.get(f"/api/v1/auth/invites/{token}")).status_code == 200


async def test_invite_of_a_deactivated_user_cannot_be_accepted(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin,))
    user = await _invite(client, tenant)
    token = _token(user["invite"]["invite_url"])
    off = await client.patch(
        f"/api/v1/users/{user['id']}", json={"is_active": False}, headers=tenant.admin.headers
    )
    assert off.status_code == 200, off.text

    r = await _accept(client, token)

    # The invite no longer leads anywhere: no sign-in, no password set, still deactivated.
    assert r.status_code in (403, 410), r.text
    assert_problem(r, r.status_code)
    stored = await factory.get_user(uuid.UUID(user["id"]))
    assert stored.password_hash is None
    assert stored.is_active is False
    assert_problem(await login(client, user["email"], NEW_PASSWORD), 401)
