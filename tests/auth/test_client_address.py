"""The address sign-ins are throttled and audited by: X-Forwarded-For counts only when the peer
is a configured proxy, so a client cannot pick a fresh address for each guess."""

from __future__ import annotations

import ipaddress

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from pydantic import ValidationError
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from resolutionflow.auth.client_address import throttle_bucket
from resolutionflow.common.context import resolve
from resolutionflow.config import Settings, get_settings
from resolutionflow.models import Role
from tests.auth.support import assert_problem, audit_events
from tests.fixtures.factories import PASSWORD, Factory

WRONG = "definitely-not-it-42"
PROXIES = (ipaddress.ip_network("10.9.0.0/16"), ipaddress.ip_network("2001:db8:ff::/48"))


@pytest.mark.parametrize(
    ("peer", "forwarded_for", "expected"),
    [
        # No proxies configured, or a peer that is not one: the header is ignored.
        ("203.0.113.5", ["198.51.100.1"], "203.0.113.5"),
        ("10.8.0.1", ["198.51.100.1"], "10.8.0.1"),
        # The nearest untrusted hop from the right; what the client wrote on the left is not it.
        ("10.9.0.5", ["6.6.6.6, 198.51.100.23"], "198.51.100.23"),
        ("10.9.0.5", ["6.6.6.6", "198.51.100.23, 10.9.3.3"], "198.51.100.23"),
        ("10.9.0.5", ["198.51.100.23:5123"], "198.51.100.23"),
        ("10.9.0.5", ["[2001:db8::7]:443"], "2001:db8::7"),
        ("2001:db8:ff::1", ["::ffff:198.51.100.9"], "198.51.100.9"),
        # A hop that is not an address stops at the proxy that wrote it.
        ("10.9.0.5", ["198.51.100.1, spoofed-name"], "10.9.0.5"),
        ("10.9.0.5", ["198.51.100.1, not-an-ip, 10.9.1.1"], "10.9.1.1"),
        # Only proxies in the chain (a health check from inside): the leftmost one.
        ("10.9.0.5", ["10.9.2.2, 10.9.1.1"], "10.9.2.2"),
        ("10.9.0.5", [], "10.9.0.5"),
        ("unknown", ["198.51.100.1"], "unknown"),
    ],
)
def test_resolve(peer: str, forwarded_for: list[str], expected: str) -> None:
    proxies = () if peer == "203.0.113.5" else PROXIES
    assert resolve(peer, forwarded_for, proxies) == expected


def test_ipv6_clients_are_bucketed_by_their_slash_64() -> None:
    assert throttle_bucket("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert throttle_bucket("198.51.100.7") == "198.51.100.7"


def test_a_malformed_trusted_proxy_setting_fails_at_start() -> None:
    with pytest.raises(ValidationError, match="TRUSTED_PROXIES"):
        Settings(trusted_proxies="10.0.0.0/8, not-a-network")
    assert Settings(trusted_proxies=" 10.0.0.0/8 ,192.0.2.7").trusted_proxy_networks == (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("192.0.2.7/32"),
    )
    assert Settings().trusted_proxy_networks == ()


async def _guess_with_fresh_forwarded_for(app: FastAPI, email: str, peer: str, n: int) -> list[int]:
    statuses = []
    async with AsyncClient(
        transport=ASGITransport(app=app, client=(peer, 40000)), base_url="http://t"
    ) as c:
        for i in range(n):
            r = await c.post(
                "/api/v1/auth/login",
                json={"email": email, "password": WRONG},
                headers={"X-Forwarded-For": f"198.51.100.{i + 1}"},
            )
            statuses.append(r.status_code)
    return statuses


async def test_an_untrusted_client_cannot_dodge_throttling_with_x_forwarded_for(
    app: FastAPI, client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    free = get_settings().login_free_failures

    statuses = await _guess_with_fresh_forwarded_for(app, tenant.engineer.email, "203.0.113.77", 6)

    assert statuses == [401] * free + [429] * (6 - free)
    failed = await audit_events(client, tenant.admin.headers, "auth.login_failed")
    assert {e["ip"] for e in failed} == {"203.0.113.77"}


async def test_nor_through_uvicorns_proxy_headers_as_served(app: FastAPI, factory: Factory) -> None:
    # `resolutionflow serve` runs uvicorn with proxy_headers and its default trusted hosts
    # (loopback only): a remote peer's X-Forwarded-For does not replace its address there either.
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    served = ProxyHeadersMiddleware(app, trusted_hosts="127.0.0.1,::1")  # type: ignore[arg-type]
    free = get_settings().login_free_failures

    statuses = await _guess_with_fresh_forwarded_for(
        served,  # type: ignore[arg-type]
        tenant.engineer.email,
        "203.0.113.78",
        free + 1,
    )

    assert statuses == [401] * free + [429]


async def test_behind_a_trusted_proxy_each_client_is_throttled_on_its_own(
    app: FastAPI, client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "trusted_proxies", "10.9.0.0/16")
    tenant = await factory.tenant((Role.team_admin, Role.engineer))
    email = tenant.engineer.email
    transport = ASGITransport(app=app, client=("10.9.0.5", 40000))
    async with AsyncClient(transport=transport, base_url="http://t") as proxy:
        for _ in range(get_settings().login_free_failures):
            r = await proxy.post(
                "/api/v1/auth/login",
                json={"email": email, "password": WRONG},
                headers={"X-Forwarded-For": "6.6.6.6, 198.51.100.50"},
            )
            assert_problem(r, 401)
        attacker = await proxy.post(
            "/api/v1/auth/login",
            json={"email": email, "password": WRONG},
            # The attacker changes the part it controls; the proxy's own entry stays.
            headers={"X-Forwarded-For": "7.7.7.7, 198.51.100.50"},
        )
        owner = await proxy.post(
            "/api/v1/auth/login",
            json={"email": email, "password": PASSWORD},
            headers={"X-Forwarded-For": "198.51.100.60"},
        )

    assert_problem(attacker, 429)
    # Through the same proxy, the owner is another client and is not held back.
    assert owner.status_code == 200, owner.text
    failed = await audit_events(client, tenant.admin.headers, "auth.login_failed")
    assert {e["ip"] for e in failed} == {"198.51.100.50"}
    (signed_in,) = await audit_events(client, tenant.admin.headers, "auth.login")
    assert signed_in["ip"] == "198.51.100.60"


async def test_every_audit_entry_records_the_client_behind_a_trusted_proxy(
    app: FastAPI, client: AsyncClient, factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "trusted_proxies", "10.9.0.0/16")
    tenant = await factory.tenant((Role.team_admin,))
    transport = ASGITransport(app=app, client=("10.9.0.5", 40000))
    async with AsyncClient(transport=transport, base_url="http://t") as proxy:
        r = await proxy.post(
            "/api/v1/users",
            json={"email": "behind.proxy@example.com", "name": "Behind Proxy", "role": "viewer"},
            headers={**tenant.admin.headers, "X-Forwarded-For": "6.6.6.6, 198.51.100.70"},
        )
    assert r.status_code == 201, r.text
    (created,) = await audit_events(client, tenant.admin.headers, "user.created")
    # Not the proxy's address, and not the part of the header the client wrote.
    assert created["ip"] == "198.51.100.70"
