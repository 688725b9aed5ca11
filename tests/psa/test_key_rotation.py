"""`resolutionflow admin rotate-keys`: every stored secret re-encrypted under the newest key,
while the app keeps reading them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.fernet import Fernet, InvalidToken
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.common.rotation import rotate_all
from resolutionflow.config import get_settings
from resolutionflow.models import AISettings
from resolutionflow.models.psa import PsaConnection
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.psa.conftest import connect

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    yield monkeypatch
    monkeypatch.delenv("RESOLUTIONFLOW_ENCRYPTION_KEYS", raising=False)
    get_settings.cache_clear()


def _use(keys: pytest.MonkeyPatch, value: str) -> None:
    keys.setenv("RESOLUTIONFLOW_ENCRYPTION_KEYS", value)
    get_settings.cache_clear()


async def _tokens(app: FastAPI, tenant: Tenant) -> tuple[str, str]:
    async with app.state.sessionmaker() as db:
        psa = await db.scalar(
            select(PsaConnection.secrets_encrypted).where(PsaConnection.account_id == tenant.id)
        )
        ai = await db.scalar(
            select(AISettings.api_key_encrypted).where(AISettings.account_id == tenant.id)
        )
    assert psa and ai
    return psa, ai


async def test_rotation_moves_every_secret_to_the_new_key_without_breaking_reads(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, app: FastAPI, keys: pytest.MonkeyPatch
) -> None:
    _use(keys, OLD)
    await connect(client, tenant, cw)
    r = await client.put(
        "/api/v1/ai/settings",
        headers=tenant.admin.headers,
        json={
            "provider": "openai",
            "base_url": "http://127.0.0.1:9/v1",
            "api_key": "sk-test-rotation-0001",
        },
    )
    assert r.status_code == 200, r.text
    before = await _tokens(app, tenant)
    for token in before:
        Fernet(OLD.encode()).decrypt(token.encode())

    _use(keys, f"{NEW},{OLD}")  # step 1: every instance learns the new key
    report = await rotate_all(app.state.sessionmaker)
    # (Rows other tests left under keys dropped since may be listed; none of this account's.)
    async with app.state.sessionmaker() as db:
        ids = {
            str(i)
            for i in (
                await db.execute(
                    select(PsaConnection.id).where(PsaConnection.account_id == tenant.id)
                )
            ).scalars()
        }
    assert not [u for u in report.unreadable if u.split()[-1] in ids]
    assert report.rotated["psa_connection.secrets_encrypted"] >= 1
    assert report.rotated["ai_settings.api_key_encrypted"] >= 1
    after = await _tokens(app, tenant)
    for token in after:
        Fernet(NEW.encode()).decrypt(token.encode())
        with pytest.raises(InvalidToken):
            Fernet(OLD.encode()).decrypt(token.encode())

    _use(keys, NEW)  # step 3: the old key is gone, and the PSA still signs in
    r = await client.post("/api/v1/integrations/psa/test", headers=tenant.admin.headers)
    assert r.json()["ok"] is True, r.text


async def test_a_secret_no_key_opens_is_reported_not_lost(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, app: FastAPI, keys: pytest.MonkeyPatch
) -> None:
    _use(keys, OLD)
    await connect(client, tenant, cw)
    (before,) = [t for t in [await _psa_token(app, tenant)]]
    _use(keys, NEW)  # the old key was dropped before rotating
    report = await rotate_all(app.state.sessionmaker)
    assert any(where.startswith("psa_connection.secrets_encrypted") for where in report.unreadable)
    assert await _psa_token(app, tenant) == before  # left as it was
    r = await client.post("/api/v1/integrations/psa/test", headers=tenant.admin.headers)
    assert r.status_code == 502 and "enter them again" in r.json()["detail"]
    # The settings page still loads and shows that no key is usable.
    r = await client.get("/api/v1/integrations/psa", headers=tenant.admin.headers)
    assert r.status_code == 200 and r.json()["secrets_set"] == []


async def _psa_token(app: FastAPI, tenant: Tenant) -> str:
    async with app.state.sessionmaker() as db:
        token = await db.scalar(
            select(PsaConnection.secrets_encrypted).where(PsaConnection.account_id == tenant.id)
        )
    assert token
    return token
