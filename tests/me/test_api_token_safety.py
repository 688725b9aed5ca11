"""Personal API tokens cannot outlive the password or last for ever, and their owner hears of
each new one (in the app, and by email when SMTP is configured)."""

from __future__ import annotations

import importlib.util
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alembic.migration import MigrationContext
from alembic.operations import Operations
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.auth.tokens import hash_secret, new_secret
from resolutionflow.db import rls
from resolutionflow.models import ApiToken, Job, Role
from tests.auth.support import assert_problem, audit_events, bearer, login
from tests.fixtures.factories import PASSWORD, Factory
from tests.users.test_invite_email import _body, _Inbox, _wait_for
from tests.users.test_invite_email import inbox as inbox

NEW_PASSWORD = "a-brand-new-long-passphrase"
MIGRATION = (
    Path(__file__).resolve().parents[2]
    / "src/resolutionflow/migrations/versions/2026-12-07-0400_api_token_expiry.py"
)


async def _create(client: AsyncClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    r = await client.post("/api/v1/me/tokens", json={"name": "CI", **body}, headers=headers)
    assert r.status_code == 201, r.text
    return dict(r.json())


def _days_from_now(iso: str) -> float:
    return (datetime.fromisoformat(iso) - datetime.now(UTC)) / timedelta(days=1)


async def test_changing_the_password_revokes_every_api_token(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    me = tenant.engineer
    # Minted by someone who knew the old password (say, with a stolen session).
    planted = await _create(client, me.headers, name="planted")
    nightly = await _create(client, me.headers, name="nightly")
    colleague = await _create(client, tenant.admin.headers, name="admin's own")
    assert (await client.get("/api/v1/me", headers=bearer(planted["token"]))).status_code == 200
    session = (await login(client, me.email)).json()["access_token"]

    r = await client.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=bearer(session),
    )

    assert r.status_code == 204, r.text
    for token in (planted, nightly):
        assert_problem(await client.get("/api/v1/me", headers=bearer(token["token"])), 401)
    listed = (await client.get("/api/v1/me/tokens", headers=tenant.engineer.headers)).json()
    # (The factory's access token predates the change; sign in afresh to read the list.)
    assert listed.get("status") == 401
    fresh = (await login(client, me.email, NEW_PASSWORD)).json()["access_token"]
    items = (await client.get("/api/v1/me/tokens", headers=bearer(fresh))).json()["items"]
    assert {t["name"]: t["revoked_at"] is not None for t in items} == {
        "planted": True,
        "nightly": True,
    }
    # Another person's token is not touched; a token made after the change works.
    assert (await client.get("/api/v1/me", headers=bearer(colleague["token"]))).status_code == 200
    after = await _create(client, bearer(fresh), name="after")
    assert (await client.get("/api/v1/me", headers=bearer(after["token"]))).status_code == 200
    (event,) = await audit_events(client, tenant.admin.headers, "auth.password_changed")
    assert event["detail"] == {"api_tokens_revoked": 2}


async def test_token_lifetime_defaults_to_90_days_and_never_exceeds_a_year(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    h = tenant.engineer.headers

    default = await _create(client, h)
    longest = await _create(client, h, expires_in_days=365)
    never = await client.post(
        "/api/v1/me/tokens", json={"name": "forever", "expires_in_days": None}, headers=h
    )
    too_long = await client.post(
        "/api/v1/me/tokens", json={"name": "decade", "expires_in_days": 3650}, headers=h
    )
    zero = await client.post(
        "/api/v1/me/tokens", json={"name": "zero", "expires_in_days": 0}, headers=h
    )

    assert 89.9 < _days_from_now(default["expires_at"]) <= 90
    assert 364.9 < _days_from_now(longest["expires_at"]) <= 365
    for refused in (never, too_long, zero):
        assert_problem(refused, 422, field="expires_in_days")
    items = (await client.get("/api/v1/me/tokens", headers=h)).json()["items"]
    assert sorted(t["name"] for t in items) == ["CI", "CI"]
    assert all(t["expires_at"] is not None for t in items)


async def test_a_token_without_expiry_is_refused_until_the_migration_dates_it(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    secret = new_secret("rf_pat_")
    async with app.state.sessionmaker() as db:  # a token from before tokens had to expire
        token = ApiToken(
            account_id=tenant.id,
            user_id=tenant.engineer.id,
            name="old script",
            prefix=secret[:13],
            token_hash=hash_secret(secret),
            expires_at=None,
        )
        db.add(token)
        await db.commit()
        token_id = token.id

    assert_problem(await client.get("/api/v1/me", headers=bearer(secret)), 401)

    spec = importlib.util.spec_from_file_location("api_token_expiry", MIGRATION)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)

    def upgrade(sync_conn: Any) -> None:
        with Operations.context(MigrationContext.configure(sync_conn)):
            migration.upgrade()

    async with app.state.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # What migrations/env.py does: a data migration sees every account's rows.
            await conn.exec_driver_sql(f"SET LOCAL {rls.ALL_ACCOUNTS_SETTING} = 'on'")
        await conn.run_sync(upgrade)

    assert (await client.get("/api/v1/me", headers=bearer(secret))).status_code == 200
    async with app.state.sessionmaker() as db:
        stored = await db.get(ApiToken, token_id)
        assert stored is not None and stored.expires_at is not None
        assert 89.9 < (stored.expires_at - datetime.now(UTC)) / timedelta(days=1) <= 90


async def test_the_owner_is_notified_in_the_app_of_a_new_token(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    created = await _create(client, tenant.engineer.headers, name="Backup script")

    mine = (await client.get("/api/v1/notifications", headers=tenant.engineer.headers)).json()
    (note,) = [n for n in mine["items"] if n["kind"] == "api_token"]
    assert "Backup script" in note["title"]
    assert note["link"] == "/tokens"
    assert note["read_at"] is None and mine["unread"] >= 1
    assert created["token"] not in str(note)
    theirs = (await client.get("/api/v1/notifications", headers=tenant.admin.headers)).json()
    assert [n for n in theirs["items"] if n["kind"] == "api_token"] == []
    # Without SMTP no email job is queued.
    async with app.state.sessionmaker() as db:
        kinds = (await db.scalars(select(Job.kind).where(Job.account_id == tenant.id))).all()
    assert "notify.email" not in kinds


async def test_the_owner_is_emailed_about_a_new_token_when_smtp_is_configured(
    client: AsyncClient, factory: Factory, inbox: _Inbox
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))

    created = await _create(client, tenant.engineer.headers, name="Backup script")

    message = await _wait_for(inbox, tenant.engineer.email)
    assert "API token" in message["Subject"]
    body = _body(message)
    assert "Backup script" in body and "/tokens" in body
    assert created["token"] not in body
    assert all(tenant.admin.email not in to for to, _ in inbox.messages)
