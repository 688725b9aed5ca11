"""An unknown email costs the same work as a wrong password: one full argon2 verification."""

from __future__ import annotations

import pytest
from httpx import AsyncClient

from resolutionflow.auth import passwords
from tests.fixtures.factories import Factory


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    hasher = passwords._hasher()

    class Counting:
        def hash(self, password: str) -> str:
            return hasher.hash(password)

        def verify(self, password: str, password_hash: str) -> bool:
            calls.append(password_hash.split("$")[1])  # the algorithm, e.g. "argon2id"
            return hasher.verify(password, password_hash)

    monkeypatch.setattr(passwords, "_hasher", lambda: Counting())
    return calls


async def test_unknown_email_runs_one_argon2_verification(
    client: AsyncClient, verifications: list[str]
) -> None:
    r = await client.post(
        "/api/v1/auth/login", json={"email": "nobody-here@example.com", "password": "whatever-pw"}
    )
    assert r.status_code == 401
    assert verifications == ["argon2id"]


async def test_wrong_password_runs_one_argon2_verification(
    client: AsyncClient, factory: Factory, verifications: list[str]
) -> None:
    tenant = await factory.tenant()
    r = await client.post(
        "/api/v1/auth/login", json={"email": tenant.viewer.email, "password": "not-the-password"}
    )
    assert r.status_code == 401
    assert verifications == ["argon2id"]
    assert r.json()["detail"] == "The email or password is incorrect."
