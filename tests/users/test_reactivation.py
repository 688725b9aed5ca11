"""Deactivating and reactivating someone who never accepted their invite."""

from __future__ import annotations

from httpx import AsyncClient

from tests.fixtures.factories import Factory, unique


async def test_reactivated_invitee_can_be_sent_a_fresh_link(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    h = tenant.admin.headers
    email = f"{unique('inv')}@example.com"
    created = await client.post(
        "/api/v1/users", headers=h, json={"email": email, "name": "Ivy", "role": "viewer"}
    )
    user_id, invite_id = created.json()["id"], created.json()["invite"]["id"]
    old_token = created.json()["invite"]["invite_url"].rsplit("/", 1)[-1]

    await client.patch(f"/api/v1/users/{user_id}", headers=h, json={"is_active": False})
    assert (await client.get(f"/api/v1/auth/invites/{old_token}")).status_code == 410

    r = await client.patch(f"/api/v1/users/{user_id}", headers=h, json={"is_active": True})
    assert r.status_code == 200 and r.json()["status"] == "invited"
    pending = (await client.get("/api/v1/invites", headers=h)).json()["items"]
    assert invite_id in [i["id"] for i in pending]

    resent = await client.post(f"/api/v1/invites/{invite_id}/resend", headers=h)
    assert resent.status_code == 200, resent.text
    token = resent.json()["invite_url"].rsplit("/", 1)[-1]
    accepted = await client.post(
        f"/api/v1/auth/invites/{token}/accept", json={"password": "ivy-finally-joins-us"}
    )
    assert accepted.status_code == 200, accepted.text
