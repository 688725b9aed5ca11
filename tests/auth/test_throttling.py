"""Failed sign-in throttling: per email and per client address, with Retry-After."""

from __future__ import annotations

from httpx import AsyncClient

from resolutionflow.models import Role
from tests.auth.support import assert_problem, login
from tests.fixtures.factories import Factory

WRONG = "definitely-not-it-42"


async def test_sixth_attempt_after_five_failures_is_throttled_even_with_the_right_password(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    for _ in range(5):
        assert_problem(await login(client, email, WRONG), 401)

    r = await login(client, email)

    assert_problem(r, 429)
    assert r.headers["retry-after"].isdigit()
    assert int(r.headers["retry-after"]) >= 1
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is None
    # Another email from the same client is not locked by this one's failures.
    assert (await login(client, tenant.admin.email)).status_code == 200


async def test_one_address_is_throttled_after_twenty_failures_across_emails(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    for i in range(20):
        r = await login(client, f"spray-{i}-{tenant.engineer.email}", WRONG)
        assert_problem(r, 401)

    # A fresh, valid email with the right password: the address itself is locked.
    r = await login(client, tenant.engineer.email)

    assert_problem(r, 429)
    assert r.headers["retry-after"].isdigit()
    assert (await factory.get_user(tenant.engineer.id)).last_login_at is None


async def test_successful_sign_in_clears_that_emails_failures(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    for _ in range(4):
        assert_problem(await login(client, email, WRONG), 401)
    assert (await login(client, email)).status_code == 200

    # Four more failures: without the reset this would be nine, far past the limit of five.
    for _ in range(4):
        assert_problem(await login(client, email, WRONG), 401)
    r = await login(client, email)

    assert r.status_code == 200, r.text
