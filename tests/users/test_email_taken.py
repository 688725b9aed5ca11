"""A taken email is refused with one answer, whichever account holds it and in what state."""

from __future__ import annotations

from typing import Any

from httpx import AsyncClient, Response

from resolutionflow.models import Role
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Tenant, unique

PASSWORD = "plenty-long-and-unusual"


async def _create(
    client: AsyncClient, tenant: Tenant, email: str, *, password: str | None = None
) -> Response:
    body: dict[str, Any] = {"email": email, "name": "Probe", "role": "viewer"}
    if password is not None:
        body["password"] = password
    return await client.post("/api/v1/users", json=body, headers=tenant.admin.headers)


async def _invited(client: AsyncClient, tenant: Tenant) -> str:
    email = f"{unique('invited')}@example.com"
    r = await _create(client, tenant, email)
    assert r.status_code == 201 and r.json()["status"] == "invited", r.text
    return email


def _comparable(r: Response) -> dict[str, Any]:
    body = assert_problem(r, 409, field="email")
    # Per-request fields aside, the answer must be byte-for-byte the same in every case.
    return {k: v for k, v in body.items() if k not in ("instance", "request_id")}


async def test_taken_email_gets_the_same_409_in_this_account_and_in_another(
    client: AsyncClient, factory: Factory
) -> None:
    prober = await factory.tenant((Role.team_admin, Role.engineer))
    other = await factory.tenant((Role.team_admin, Role.engineer))
    mine_deactivated = await factory.user(prober, Role.viewer, is_active=False)
    theirs_deactivated = await factory.user(other, Role.viewer, is_active=False)
    taken = {
        "this account, active": prober.engineer.email,
        "this account, deactivated": mine_deactivated.email,
        "this account, invited": await _invited(client, prober),
        "another account, active": other.engineer.email,
        "another account, deactivated": theirs_deactivated.email,
        "another account, invited": await _invited(client, other),
    }

    answers = {}
    for case, email in taken.items():
        for password in (None, PASSWORD):  # an invite, and a user with a password
            r = await _create(client, prober, email.upper(), password=password)
            answers[(case, password is None)] = _comparable(r)

    first = next(iter(answers.values()))
    assert all(a == first for a in answers.values()), answers
    text = str(first).lower()
    assert other.name.lower() not in text
    for email in taken.values():
        assert email not in text
    # It does not assert that the address has a sign-in (the old wording did, for every case).
    assert "sign-in" not in text and "sign in" not in text
    # Nothing was created or changed in the other account.
    listed = await client.get(
        "/api/v1/users", params={"include_inactive": True}, headers=other.admin.headers
    )
    assert sorted(u["email"] for u in listed.json()["items"]) == sorted(
        [
            other.admin.email,
            other.engineer.email,
            theirs_deactivated.email,
            taken["another account, invited"],
        ]
    )
    mine = await client.get("/api/v1/users", params={"q": "Probe"}, headers=prober.admin.headers)
    assert [u["email"] for u in mine.json()["items"]] == [taken["this account, invited"]]
