"""The outbound policy itself: which addresses it refuses, the allowlist, the check at connect
time (after DNS, on the address actually connected to), no redirects, and failures that name
their kind and nothing else — for httpx (PSA, webhooks) and httpx2 (the LLM SDKs)."""

from __future__ import annotations

import ipaddress

import httpx
import httpx2
import pytest

from resolutionflow.outbound.policy import (
    OutboundPolicy,
    classify,
    describe,
    literal_address,
    refusal_of,
)
from resolutionflow.providers.llm import LLMError, ProviderConfig
from resolutionflow.providers.llm.openai_provider import OpenAIProvider
from tests.outbound.conftest import FakeDNS, Target

NONE = OutboundPolicy.parse("")
LOOPBACK_ALLOWED = OutboundPolicy.parse("127.0.0.0/8,::1")


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback address"),
        ("127.8.9.10", "loopback address"),
        ("::1", "loopback address"),
        ("10.1.2.3", "private address"),
        ("172.16.0.1", "private address"),
        ("172.31.255.254", "private address"),
        ("192.168.1.1", "private address"),
        ("fc00::1", "private address"),
        ("fd12:3456::1", "private address"),
        ("169.254.169.254", "link-local address"),  # the cloud metadata service
        ("fe80::1", "link-local address"),
        ("100.64.0.1", "shared (CGNAT) address"),
        ("100.127.255.254", "shared (CGNAT) address"),
        ("0.0.0.0", "unspecified address"),  # noqa: S104 - an address to refuse, not to bind
        ("::", "unspecified address"),
        ("224.0.0.1", "multicast address"),
        ("ff02::1", "multicast address"),
        ("240.0.0.1", "reserved address"),
        ("255.255.255.255", "reserved address"),
        ("192.0.2.10", "reserved address"),  # documentation range
        # IPv4 hidden inside IPv6: mapped, NAT64 and 6to4.
        ("::ffff:127.0.0.1", "loopback address"),
        ("::ffff:169.254.169.254", "link-local address"),
        ("64:ff9b::a00:1", "private address"),
        ("2002:c0a8:101::1", "private address"),
    ],
)
def test_non_public_addresses_are_refused_by_kind(address: str, reason: str) -> None:
    assert classify(ipaddress.ip_address(address)) == reason
    assert NONE.refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert NONE.refusal(ipaddress.ip_address(address)) is None


def test_the_allowlist_takes_cidrs_and_host_names() -> None:
    allow = OutboundPolicy.parse(" 10.20.0.5/32 , 192.168.0.0/16,fd00::/8, cw.corp.example, *.lan ")
    assert allow.refusal(ipaddress.ip_address("10.20.0.5")) is None
    assert allow.refusal(ipaddress.ip_address("10.20.0.6")) == "private address"
    assert allow.refusal(ipaddress.ip_address("192.168.7.7")) is None
    assert allow.refusal(ipaddress.ip_address("::ffff:192.168.7.7")) is None
    assert allow.refusal(ipaddress.ip_address("fd00::9")) is None
    assert allow.refusal(ipaddress.ip_address("127.0.0.1")) == "loopback address"
    assert allow.host_allowed("CW.corp.example.") and allow.host_allowed("ollama.lan")
    assert not allow.host_allowed("corp.example") and not allow.host_allowed("evil-lan")


@pytest.mark.parametrize("bad", ["10.0.0.0/33", "not a host", "::1::2", "http://x"])
def test_a_bad_allowlist_entry_is_refused_at_start(bad: str) -> None:
    with pytest.raises(ValueError):
        OutboundPolicy.parse(bad)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://127.0.0.1:8080/x", "refused: loopback address"),
        ("http://127.1/", "refused: loopback address"),  # what the resolver makes of it
        ("http://2130706433/", "refused: loopback address"),
        ("http://0x7f000001/", "refused: loopback address"),
        ("https://localhost/", "refused: loopback address"),
        ("https://api.localhost/", "refused: loopback address"),
        ("https://[::1]:443/", "refused: loopback address"),
        ("https://[::ffff:10.0.0.1]/", "refused: private address"),
        ("https://10.0.0.1/", "refused: private address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: link-local address"),
        ("https://100.64.1.1/", "refused: shared (CGNAT) address"),
        ("https://api.openai.com/v1", None),  # names are checked when connecting
        ("https://8.8.8.8/", None),
    ],
)
def test_save_time_check_names_a_literal_address(url: str, problem: str | None) -> None:
    assert NONE.check_url(url) == problem


def test_the_allowlist_permits_literal_addresses_and_names_at_save_time() -> None:
    assert LOOPBACK_ALLOWED.check_url("http://127.0.0.1:9/") is None
    assert LOOPBACK_ALLOWED.check_url("http://localhost:9/") is None
    assert OutboundPolicy.parse("localhost").check_url("http://localhost:9/") is None
    assert literal_address("example.com") is None


async def test_without_the_allowlist_a_loopback_service_receives_nothing(target: Target) -> None:
    async with NONE.client(timeout=3) as client:
        with pytest.raises(httpx.ConnectError) as caught:
            await client.get(f"{target.url}/admin")
    assert describe(caught.value) == ("refused", "refused: loopback address")
    async with NONE.client2(timeout=3) as client2:
        with pytest.raises(httpx2.ConnectError) as caught2:
            await client2.post(f"http://localhost:{target.port}/admin", json={})
    assert describe(caught2.value) == ("refused", "refused: loopback address")
    assert target.requests == []
    # The same server is reached once the installation allows loopback.
    async with LOOPBACK_ALLOWED.client(timeout=3) as client:
        assert (await client.get(f"{target.url}/admin")).status_code == 200
    assert [r["path"] for r in target.requests] == ["/admin"]


async def test_a_name_is_checked_on_what_it_resolves_to_when_connecting(
    target: Target, dns: FakeDNS
) -> None:
    # Saved as a name (nothing to refuse at save time), resolving to loopback when used.
    dns.records["hooks.attacker.example"] = ["127.0.0.1"]
    assert NONE.check_url(f"http://hooks.attacker.example:{target.port}/") is None
    async with NONE.client(timeout=3) as client:
        with pytest.raises(httpx.ConnectError) as caught:
            await client.get(f"http://hooks.attacker.example:{target.port}/x")
    assert str(refusal_of(caught.value)) == "refused: loopback address"
    # One public and one private answer: neither is trusted.
    dns.records["mixed.attacker.example"] = ["93.184.216.34", "10.0.0.7"]
    async with NONE.client(timeout=3) as client:
        with pytest.raises(httpx.ConnectError) as caught:
            await client.get(f"http://mixed.attacker.example:{target.port}/x")
    assert str(refusal_of(caught.value)) == "refused: private address"
    assert target.requests == []


async def test_the_connection_goes_to_the_address_that_was_checked(
    target: Target, dns: FakeDNS
) -> None:
    # A name the system cannot resolve at all: reaching the server proves the socket was
    # opened to the address the policy checked, not looked up again, and the Host header and
    # URL still name the host.
    dns.records["psa.example.test"] = ["127.0.0.1"]
    async with LOOPBACK_ALLOWED.client(timeout=3) as client:
        r = await client.get(f"http://psa.example.test:{target.port}/v1/info")
    assert r.status_code == 200
    assert target.requests[-1]["headers"]["host"] == f"psa.example.test:{target.port}"
    assert dns.lookups == ["psa.example.test"]


async def test_redirects_are_answers_never_followed(target: Target) -> None:
    target.status = 302
    target.headers = {"location": f"http://127.0.0.1:{target.port}/internal"}
    async with LOOPBACK_ALLOWED.client(timeout=3) as client:
        r = await client.get(f"{target.url}/start")
    async with LOOPBACK_ALLOWED.client2(timeout=3) as client2:
        r2 = await client2.get(f"{target.url}/start")
    assert r.status_code == r2.status_code == 302
    assert [x["path"] for x in target.requests] == ["/start", "/start"]


async def test_failures_name_their_kind_and_a_filtered_port_reads_like_a_closed_one(
    target: Target,
) -> None:
    async with LOOPBACK_ALLOWED.client(timeout=3) as client:
        with pytest.raises(httpx.HTTPError) as closed:
            await client.get("http://127.0.0.1:9/")  # nothing listens on discard
        with pytest.raises(httpx.HTTPError) as tls:
            await client.get(f"https://127.0.0.1:{target.port}/")  # plain HTTP answers
    assert describe(closed.value) == ("unreachable", "unreachable")
    assert describe(tls.value) == ("tls", "TLS failed")
    assert describe(httpx.ConnectTimeout("timed out")) == ("unreachable", "unreachable")
    assert describe(httpx2.ConnectTimeout("timed out")) == ("unreachable", "unreachable")
    assert describe(httpx.ReadTimeout("slow")) == ("timeout", "timed out")


async def test_an_unknown_name_is_unreachable(dns: FakeDNS) -> None:
    async with NONE.client(timeout=3) as client:
        with pytest.raises(httpx.ConnectError) as caught:
            await client.get("http://no-such-host.invalid/")
    assert describe(caught.value) == ("unreachable", "unreachable")


async def test_the_llm_sdks_connect_under_the_policy(target: Target) -> None:
    """The openai SDK (and anthropic's, built the same way) given the policy's httpx2 client:
    a loopback base URL is refused before anything is sent, with its own error kind."""
    provider = OpenAIProvider(
        ProviderConfig(
            "openai", api_key="sk-account-key", base_url=f"{target.url}/v1", outbound=NONE
        )
    )
    try:
        with pytest.raises(LLMError) as caught:
            await provider.check("gpt-4o-mini")
    finally:
        await provider.aclose()
    assert caught.value.kind == "refused" and not caught.value.retryable
    assert "refused: loopback address" in caught.value.message
    assert target.requests == []


async def test_an_sdk_redirect_is_reported_not_followed(target: Target) -> None:
    target.status = 307
    target.headers = {"location": f"http://127.0.0.1:{target.port}/elsewhere/v1"}
    provider = OpenAIProvider(
        ProviderConfig(
            "openai",
            api_key="sk-account-key",
            base_url=f"{target.url}/v1",
            max_retries=0,
            outbound=LOOPBACK_ALLOWED,
        )
    )
    try:
        with pytest.raises(LLMError) as caught:
            await provider.check("gpt-4o-mini")
    finally:
        await provider.aclose()
    assert caught.value.kind == "redirected" and caught.value.status == 307
    assert [r["path"] for r in target.requests] == ["/v1/chat/completions"]
