"""Share links: public (redacted note, no sign-in) and account-only (signed-in colleagues)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.auth.tokens import hash_secret
from resolutionflow.models import SessionShare
from tests.fixtures.factories import Factory, Tenant

SECRET = "Hunter2-Winter!"


async def _session(client: AsyncClient, tenant: Tenant) -> str:
    r = await client.post(
        "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "VPN drops for Sam"}
    )
    assert r.status_code == 201, r.text
    sid = str(r.json()["id"])
    r = await client.post(
        f"/api/v1/sessions/{sid}/events",
        headers=tenant.engineer.headers,
        json={"type": "note", "text": f"Sam said the password is {SECRET} and the VPN drops."},
    )
    assert r.status_code == 201, r.text
    return sid


async def _share(
    client: AsyncClient, tenant: Tenant, sid: str, **body: Any
) -> tuple[dict[str, Any], str]:
    r = await client.post(
        f"/api/v1/sessions/{sid}/shares",
        headers=tenant.engineer.headers,
        json={"public": True, **body},
    )
    assert r.status_code == 201, r.text
    share = dict(r.json())
    return share, share["url"].rsplit("/", 1)[1]


async def _row(app: FastAPI, share_id: str) -> SessionShare:
    async with app.state.sessionmaker() as db:
        row = await db.scalar(select(SessionShare).where(SessionShare.id == uuid.UUID(share_id)))
        assert row is not None
        return row


async def _set(app: FastAPI, share_id: str, **values: Any) -> None:
    async with app.state.sessionmaker() as db:
        row = await db.scalar(select(SessionShare).where(SessionShare.id == uuid.UUID(share_id)))
        assert row is not None
        for name, value in values.items():
            setattr(row, name, value)
        await db.commit()


async def test_public_link_has_a_long_token_stored_only_as_a_hash(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    share, token = await _share(client, tenant, sid)

    assert share["url"] == f"http://127.0.0.1:8000/s/{token}"
    assert share["public"] is True and share["view_count"] == 0 and share["revoked_at"] is None
    expires = datetime.fromisoformat(share["expires_at"])
    assert timedelta(days=6, hours=23) < expires - datetime.now(UTC) <= timedelta(days=7)
    # token_urlsafe: 6 bits a character, so 22+ characters carry at least 128 random bits.
    assert len(token) >= 22
    row = await _row(app, share["id"])
    assert row.token_hash == hash_secret(token) and token not in row.token_hash

    listed = await client.get(f"/api/v1/sessions/{sid}/shares", headers=tenant.engineer.headers)
    assert listed.status_code == 200
    (item,) = listed.json()["items"]
    assert item["id"] == share["id"] and "url" not in item and token not in listed.text


async def test_account_only_link_and_a_link_that_never_expires(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    share, token = await _share(client, tenant, sid, public=False, expires_in_days=None)
    assert share["url"] == f"http://127.0.0.1:8000/shared/{token}"
    assert share["public"] is False and share["expires_at"] is None


async def test_public_view_needs_no_sign_in_and_shows_only_the_redacted_note(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    share, token = await _share(client, tenant, sid)

    r = await client.get(f"/api/v1/public/shares/{token}")
    assert r.status_code == 200, r.text
    assert SECRET not in r.text
    view = r.json()
    assert set(view) == {
        "title",
        "note_html",
        "note_markdown",
        "note_text",
        "expires_at",
        "shared_at",
    }
    assert view["title"] == "VPN drops for Sam"
    for fmt in ("note_html", "note_markdown", "note_text"):
        assert "[REDACTED:password]" in view[fmt], fmt
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["x-robots-tag"].startswith("noindex")
    assert r.headers["referrer-policy"] == "no-referrer"

    row = await _row(app, share["id"])
    assert row.view_count == 1 and row.last_viewed_at is not None
    assert row.last_redaction_report == {"password": 1}

    await client.get(f"/api/v1/public/shares/{token}")
    listed = await client.get(f"/api/v1/sessions/{sid}/shares", headers=tenant.engineer.headers)
    assert listed.json()["items"][0]["view_count"] == 2
    # Each public view is an outbound send with its own report on the session.
    sent = await client.get(
        f"/api/v1/sessions/{sid}/redaction-reports", headers=tenant.engineer.headers
    )
    assert [(x["channel"], x["counts"], x["actor_name"]) for x in sent.json()] == [
        ("share", {"password": 1}, None),
        ("share", {"password": 1}, None),
    ]


async def test_unknown_expired_and_revoked_links_all_look_the_same(
    client: AsyncClient, factory: Factory, app: FastAPI
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    expired, expired_token = await _share(client, tenant, sid)
    await _set(app, expired["id"], expires_at=datetime.now(UTC) - timedelta(minutes=1))
    revoked, revoked_token = await _share(client, tenant, sid)
    r = await client.delete(
        f"/api/v1/sessions/{sid}/shares/{revoked['id']}", headers=tenant.engineer.headers
    )
    assert r.status_code == 204
    assert (await _row(app, revoked["id"])).revoked_at is not None
    again = await client.delete(
        f"/api/v1/sessions/{sid}/shares/{revoked['id']}", headers=tenant.engineer.headers
    )
    assert again.status_code == 409

    answers = []
    for token in (expired_token, revoked_token, "A" * 43):
        r = await client.get(f"/api/v1/public/shares/{token}")
        assert r.status_code == 404
        assert r.headers["content-type"].startswith("application/problem+json")
        answers.append(r.json()["detail"])
    assert len(set(answers)) == 1
    assert (await _row(app, expired["id"])).view_count == 0


async def test_an_account_only_link_is_not_a_public_page(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    _, token = await _share(client, tenant, sid, public=False)
    r = await client.get(f"/api/v1/public/shares/{token}")
    assert r.status_code == 404
    assert SECRET not in r.text


async def test_account_link_opens_for_any_signed_in_colleague_only(
    client: AsyncClient, factory: Factory
) -> None:
    tenant, other = await factory.tenant(), await factory.tenant()
    sid = await _session(client, tenant)
    _, token = await _share(client, tenant, sid, public=False)

    # A viewer cannot see the engineer's session by id, but the link opens it read-only.
    assert (
        await client.get(f"/api/v1/sessions/{sid}", headers=tenant.viewer.headers)
    ).status_code == 404
    r = await client.get(f"/api/v1/shares/{token}", headers=tenant.viewer.headers)
    assert r.status_code == 200, r.text
    assert r.json()["id"] == sid and r.json()["title"] == "VPN drops for Sam"
    assert [e["type"] for e in r.json()["timeline"]] == ["started", "note"]
    note = await client.get(
        f"/api/v1/shares/{token}/documentation",
        params={"format": "text"},
        headers=tenant.viewer.headers,
    )
    assert note.status_code == 200 and note.headers["content-type"].startswith("text/plain")
    assert "[REDACTED:password]" in note.text and SECRET not in note.text

    for role in ("viewer", "engineer", "team_admin", "super_admin"):
        r = await client.get(f"/api/v1/shares/{token}", headers=other[role].headers)
        assert r.status_code == 404, role
        assert SECRET not in r.text
        r = await client.get(f"/api/v1/shares/{token}/documentation", headers=other[role].headers)
        assert r.status_code == 404, role
    assert (await client.get(f"/api/v1/shares/{token}")).status_code == 401


async def test_only_who_sees_the_session_can_share_it(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    colleague = await factory.user(tenant)
    sid = await _session(client, tenant)
    r = await client.post(
        f"/api/v1/sessions/{sid}/shares", headers=colleague.headers, json={"public": True}
    )
    assert r.status_code == 404
    r = await client.get(f"/api/v1/sessions/{sid}/shares", headers=colleague.headers)
    assert r.status_code == 404
    r = await client.post(
        f"/api/v1/sessions/{sid}/shares", headers=tenant.viewer.headers, json={"public": True}
    )
    assert r.status_code == 403
    # Team admins see every session of the account, so they may share and revoke.
    share, _ = await _share(client, tenant, sid)
    r = await client.delete(
        f"/api/v1/sessions/{sid}/shares/{share['id']}", headers=tenant.admin.headers
    )
    assert r.status_code == 204


async def test_revoking_needs_the_share_to_belong_to_that_session(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    first, second = await _session(client, tenant), await _session(client, tenant)
    share, _ = await _share(client, tenant, first)
    r = await client.delete(
        f"/api/v1/sessions/{second}/shares/{share['id']}", headers=tenant.engineer.headers
    )
    assert r.status_code == 404


async def test_bad_input_is_422(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    sid = await _session(client, tenant)
    for body in (
        {"public": True, "expires_in_days": 0},
        {"public": True, "expires_in_days": 1000},
        {"expires_in_days": 7},
        {"public": True, "extra": 1},
    ):
        r = await client.post(
            f"/api/v1/sessions/{sid}/shares", headers=tenant.engineer.headers, json=body
        )
        assert r.status_code == 422, body
        assert r.headers["content-type"].startswith("application/problem+json")
    for token in ("short", "x" * 129, "bad%21token-with-bang!!!"):
        r = await client.get(f"/api/v1/public/shares/{token}")
        assert r.status_code in (404, 422), token


async def test_creating_and_revoking_links_is_audited(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    created = await client.post(
        "/api/v1/sessions", json={"title": "Audited share"}, headers=tenant.engineer.headers
    )
    sid = created.json()["id"]
    share = await client.post(
        f"/api/v1/sessions/{sid}/shares", json={"public": True}, headers=tenant.engineer.headers
    )
    assert share.status_code == 201
    r = await client.delete(
        f"/api/v1/sessions/{sid}/shares/{share.json()['id']}", headers=tenant.engineer.headers
    )
    assert r.status_code == 204
    events = (await client.get("/api/v1/audit-events", headers=tenant.admin.headers)).json()
    shares = [e for e in events["items"] if e["action"].startswith("share.")]
    assert [e["action"] for e in shares] == ["share.revoked", "share.created"]
    assert all(e["target_id"] == share.json()["id"] and e["detail"]["public"] for e in shares)
    assert all(e["actor_email"] == tenant.engineer.email for e in shares)
