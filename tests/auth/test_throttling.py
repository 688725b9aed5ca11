"""Failed sign-in throttling: per email and client address, with waits that double per failure;
a cap per address across emails; nobody elsewhere can lock the owner out; lockouts audited."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient, Response
from sqlalchemy import select

from resolutionflow.config import get_settings
from resolutionflow.models import LoginFailure, Role
from tests.auth.support import assert_problem, audit_events, login
from tests.fixtures.factories import Factory

WRONG = "definitely-not-it-42"
# Larger than the default 1 s so a slow machine cannot outwait a delay between two requests;
# time passes in these tests by moving the stored failures back (`time_passes`).
BASE_S = 10
MAX_S = 80

From = Callable[[str], AbstractAsyncContextManager[AsyncClient]]


@pytest.fixture(autouse=True)
def _slow_enough_to_see(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "login_delay_base_s", BASE_S)
    monkeypatch.setattr(get_settings(), "login_delay_max_s", MAX_S)


@pytest.fixture
def from_address(app: FastAPI) -> From:
    @asynccontextmanager
    async def client(ip: str) -> AsyncIterator[AsyncClient]:
        transport = ASGITransport(app=app, client=(ip, 40000))
        async with AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c

    return client


async def time_passes(app: FastAPI, email: str, seconds: float) -> None:
    """Move this email's stored failures back in time instead of sleeping."""
    async with app.state.sessionmaker() as db:
        for row in await db.scalars(select(LoginFailure).where(LoginFailure.email == email)):
            row.created_at = row.created_at - timedelta(seconds=seconds)
        await db.commit()


def retry_after(r: Response) -> int:
    assert_problem(r, 429)
    value = r.headers["retry-after"]
    assert value.isdigit(), value
    return int(value)


async def test_each_failure_from_an_address_doubles_its_wait_up_to_the_cap(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    free = get_settings().login_free_failures
    for _ in range(free):  # typos cost nothing
        assert_problem(await login(client, email, WRONG), 401)

    waits = []
    for _ in range(5):
        # While the wait lasts even the right password is refused from here (not checked).
        wait = retry_after(await login(client, email))
        waits.append(wait)
        await time_passes(app, email, wait)
        assert_problem(await login(client, email, WRONG), 401)

    expected = [BASE_S, 2 * BASE_S, 4 * BASE_S, MAX_S, MAX_S]
    assert all(e - 3 <= w <= e for w, e in zip(waits, expected, strict=True)), waits
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is None
    # Another email from the same address is not held back by this one's failures.
    assert (await login(client, tenant.admin.email)).status_code == 200


async def test_an_attacker_elsewhere_cannot_lock_the_owner_out(
    app: FastAPI, factory: Factory, from_address: From
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    async with from_address("198.51.100.66") as attacker:
        for _ in range(get_settings().login_free_failures):
            assert_problem(await login(attacker, email, WRONG), 401)
        assert_problem(await login(attacker, email, WRONG), 429)
        # An hour of guessing, as far as the stored failures tell.
        for _ in range(12):
            await time_passes(app, email, MAX_S)
            await login(attacker, email, WRONG)

    async with from_address("203.0.113.10") as owner:
        # The owner's own typo is an ordinary 401, and the right password then signs in.
        assert_problem(await login(owner, email, WRONG), 401)
        r = await login(owner, email)

    assert r.status_code == 200, r.text
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is not None


async def test_one_address_is_locked_out_after_twenty_failures_across_emails(
    client: AsyncClient, factory: Factory, from_address: From
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    assert get_settings().login_max_failures_per_ip == 20
    for i in range(20):
        r = await login(client, f"spray-{i}-{tenant.engineer.email}", WRONG)
        assert_problem(r, 401)

    # A fresh, valid email with the right password: the address itself is locked.
    r = await login(client, tenant.engineer.email)

    wait = retry_after(r)
    assert 0 < wait <= get_settings().login_failure_window_s
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is None
    async with from_address("203.0.113.11") as elsewhere:
        assert (await login(elsewhere, tenant.engineer.email)).status_code == 200


async def test_successful_sign_in_clears_that_addresses_failures(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    almost = get_settings().login_free_failures - 1
    for _ in range(almost):
        assert_problem(await login(client, email, WRONG), 401)
    assert (await login(client, email)).status_code == 200

    # Without the reset these would add up past the free failures and the next try would wait.
    for _ in range(almost):
        assert_problem(await login(client, email, WRONG), 401)
    r = await login(client, email)

    assert r.status_code == 200, r.text


async def test_ipv6_addresses_of_one_slash_64_share_their_failures(
    factory: Factory, from_address: From
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    for n in range(get_settings().login_free_failures):
        async with from_address(f"2001:db8:7:7::{n + 1:x}") as c:
            assert_problem(await login(c, email, WRONG), 401)

    async with from_address("2001:db8:7:7::ffff") as same_network:
        assert_problem(await login(same_network, email), 429)
    async with from_address("2001:db8:7:8::1") as next_network:
        assert (await login(next_network, email)).status_code == 200


async def test_lockouts_are_audited_but_refusals_are_not(
    client: AsyncClient, factory: Factory, from_address: From
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    free = get_settings().login_free_failures
    for _ in range(free):
        assert_problem(await login(client, email, WRONG), 401)
    for _ in range(5):
        assert_problem(await login(client, email, WRONG), 429)
    async with from_address("198.51.100.200") as sprayer:
        for i in range(20):
            await login(sprayer, f"spray-{i}-{tenant.admin.email}", WRONG)
        await login(sprayer, tenant.admin.email, WRONG)  # refused: the address is locked

    events: list[dict[str, Any]] = await audit_events(
        client, tenant.admin.headers, "auth.throttled"
    )

    # One event: the failure that started the wait. The refused attempts add none, and the
    # spray's emails belong to no account, so its lockout is not this tenant's to see.
    (event,) = events
    assert event["actor_id"] == str(tenant.engineer.id)
    assert event["actor_email"] == email
    assert event["detail"]["scope"] == "email_and_address"
    assert event["detail"]["failures"] == free
    assert event["detail"]["retry_after_s"] == BASE_S
    assert event["ip"] == event["detail"]["address"]
