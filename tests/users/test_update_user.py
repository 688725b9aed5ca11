"""Changing a user's role and activity: self-protection, the last admin, and the audit trail."""

from __future__ import annotations

import asyncio

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, audit_events, login
from tests.fixtures.factories import Factory


async def _patch(client: AsyncClient, headers: dict[str, str], user_id: object, **body: object):  # type: ignore[no-untyped-def]
    return await client.patch(f"/api/v1/users/{user_id}", json=body, headers=headers)


async def test_role_change_is_stored_and_audited_with_from_and_to(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    r = await _patch(client, tenant.admin.headers, tenant.engineer.id, role="viewer")

    assert r.status_code == 200, r.text
    assert r.json()["role"] == "viewer"
    assert (await factory.get_user(tenant.engineer.id)).role == "viewer"
    me = await client.get("/api/v1/me", headers=tenant.engineer.headers)
    assert me.json()["role"] == "viewer"
    (event,) = await audit_events(client, tenant.admin.headers, "user.role_changed")
    assert event["target_id"] == str(tenant.engineer.id)
    assert event["actor_id"] == str(tenant.admin.id)
    assert event["detail"] == {"from": "engineer", "to": "viewer"}


async def test_rename_by_admin_is_stored(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    r = await _patch(client, tenant.admin.headers, tenant.engineer.id, name="Renamed Person")
    assert r.status_code == 200, r.text
    assert (await factory.get_user(tenant.engineer.id)).name == "Renamed Person"
    assert await audit_events(client, tenant.admin.headers, "user.role_changed") == []


async def test_nobody_changes_their_own_role(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.super_admin, Role.team_admin))

    own = await _patch(client, tenant.admin.headers, tenant.admin.id, role="engineer")
    own_super = await _patch(
        client, tenant.super_admin.headers, tenant.super_admin.id, role="viewer"
    )

    assert_problem(own, 403)
    assert_problem(own_super, 403)
    assert (await factory.get_user(tenant.admin.id)).role == "team_admin"
    assert (await factory.get_user(tenant.super_admin.id)).role == "super_admin"


async def test_nobody_deactivates_themselves(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    second_admin = await factory.user(tenant, Role.team_admin)

    r = await _patch(client, second_admin.headers, second_admin.id, is_active=False)

    assert_problem(r, 403)
    assert (await factory.get_user(second_admin.id)).is_active is True
    assert (await client.get("/api/v1/me", headers=second_admin.headers)).status_code == 200


async def test_sole_team_admin_stays_an_active_admin(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    demote = await _patch(client, tenant.admin.headers, tenant.admin.id, role="engineer")
    deactivate = await _patch(client, tenant.admin.headers, tenant.admin.id, is_active=False)

    # Refused as a change to oneself, which also keeps the account from losing its only admin.
    assert_problem(demote, 403)
    assert_problem(deactivate, 403)
    stored = await factory.get_user(tenant.admin.id)
    assert stored.role == "team_admin"
    assert stored.is_active is True


async def test_an_admin_can_be_demoted_or_deactivated_once_another_admin_exists(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    second = await factory.user(tenant, Role.team_admin)
    third = await factory.user(tenant, Role.team_admin)

    demoted = await _patch(client, tenant.admin.headers, second.id, role="engineer")
    deactivated = await _patch(client, tenant.admin.headers, third.id, is_active=False)

    assert demoted.status_code == 200, demoted.text
    assert deactivated.status_code == 200, deactivated.text
    assert (await factory.get_user(second.id)).role == "engineer"
    assert (await factory.get_user(third.id)).is_active is False
    assert_problem(await client.get("/api/v1/users", headers=second.headers), 403)


async def test_two_admins_demoting_each_other_at_once_leave_one_admin(
    client: AsyncClient, factory: Factory
) -> None:
    # A race, so several accounts race at once: the guard must hold in every one of them.
    pairs = []
    for _ in range(6):
        tenant = await factory.tenant((Role.team_admin, Role.engineer))
        pairs.append((tenant.admin, await factory.user(tenant, Role.team_admin)))

    results = await asyncio.gather(
        *(
            _patch(client, a.headers, b.id, role="engineer")
            for first, second in pairs
            for a, b in ((first, second), (second, first))
        )
    )

    for i, (first, second) in enumerate(pairs):
        pair = results[2 * i : 2 * i + 2]
        statuses = sorted(r.status_code for r in pair)
        assert statuses[0] == 200 and statuses[1] in (403, 409), [r.text for r in pair]
        for r in pair:
            if r.status_code != 200:
                assert_problem(r, r.status_code)
        roles = sorted(
            [(await factory.get_user(first.id)).role, (await factory.get_user(second.id)).role]
        )
        assert roles == ["engineer", "team_admin"], f"pair {i} left no admin: {statuses}"


async def test_deactivate_then_reactivate(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    target = tenant.engineer

    off = await _patch(client, tenant.admin.headers, target.id, is_active=False)

    assert off.status_code == 200, off.text
    assert off.json()["is_active"] is False
    assert off.json()["status"] == "deactivated"
    assert (await factory.get_user(target.id)).is_active is False
    assert_problem(await login(client, target.email), 401)

    on = await _patch(client, tenant.admin.headers, target.id, is_active=True)

    assert on.status_code == 200, on.text
    assert on.json()["is_active"] is True
    assert on.json()["status"] == "active"
    assert (await login(client, target.email)).status_code == 200
    # Tokens issued before the deactivation stay dead.
    assert_problem(await client.get("/api/v1/me", headers=target.headers), 401)
    (deactivated,) = await audit_events(client, tenant.admin.headers, "user.deactivated")
    (reactivated,) = await audit_events(client, tenant.admin.headers, "user.reactivated")
    for event in (deactivated, reactivated):
        assert event["target_id"] == str(target.id)
        assert event["actor_id"] == str(tenant.admin.id)
    assert deactivated["created_at"] <= reactivated["created_at"]


async def test_team_admin_cannot_change_a_super_admin(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.super_admin, Role.team_admin))
    r = await _patch(client, tenant.admin.headers, tenant.super_admin.id, is_active=False)
    assert_problem(r, 403)
    assert (await factory.get_user(tenant.super_admin.id)).is_active is True
