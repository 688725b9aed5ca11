"""Only a super admin changes a super admin, or manages an invite that would create one."""

from __future__ import annotations

from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, unique


async def _super_invite(client: AsyncClient, super_headers: dict[str, str]) -> str:
    r = await client.post(
        "/api/v1/users",
        headers=super_headers,
        json={"email": f"{unique('super')}@example.com", "name": "Next", "role": "super_admin"},
    )
    assert r.status_code == 201, r.text
    return str(r.json()["invite"]["id"])


async def test_team_admin_cannot_resend_a_super_admin_invite(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    invite_id = await _super_invite(client, tenant.super_admin.headers)
    r = await client.post(f"/api/v1/invites/{invite_id}/resend", headers=tenant.admin.headers)
    body = assert_problem(r, 403)
    assert "invite_url" not in body
    # The super admin still can.
    r = await client.post(f"/api/v1/invites/{invite_id}/resend", headers=tenant.super_admin.headers)
    assert r.status_code == 200 and r.json()["invite_url"]


async def test_team_admin_cannot_revoke_a_super_admin_invite(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    invite_id = await _super_invite(client, tenant.super_admin.headers)
    assert_problem(
        await client.delete(f"/api/v1/invites/{invite_id}", headers=tenant.admin.headers), 403
    )
    invites = await client.get("/api/v1/invites", headers=tenant.super_admin.headers)
    assert [i["status"] for i in invites.json()["items"] if i["id"] == invite_id] == ["pending"]


async def test_team_admin_cannot_rename_a_super_admin(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    target = tenant.super_admin
    r = await client.patch(
        f"/api/v1/users/{target.id}", headers=tenant.admin.headers, json={"name": "Renamed"}
    )
    assert_problem(r, 403)
    stored = await factory.get_user(target.id)
    assert stored is not None and stored.name == target.name
