"""SSRF through the URLs a team admin controls, attacked through the API: the PSA base URL
(test, saved connection), ConnectWise discovery, the Slack/Teams webhooks and the LLM base URL.

Each attack runs with the policy production has (no allowlist: `strict`): a literal loopback or
private address is a 422 naming the field, a name that resolves to one (`dns`) is refused when
connecting, and the service behind it receives nothing. The allowed cases check that what
comes back names the kind of failure, never the remote's words."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.fakes.connectwise import FakeConnectWise
from tests.fakes.llm_servers import FakeOpenAI
from tests.fixtures.factories import Factory, Tenant
from tests.outbound.conftest import FakeDNS, Target
from tests.providers.llm.conftest import API_KEY

PSA = "/api/v1/integrations/psa"
CHANNELS = "/api/v1/account/escalation-channels"
AI = "/api/v1/ai/settings"


@pytest.fixture
async def tenant(factory: Factory) -> Tenant:
    return await factory.tenant()


def field_errors(r: Any) -> dict[str, str]:
    assert_problem(r, 422)
    return {str(e["loc"][-1]): str(e["msg"]) for e in r.json()["errors"]}


# --- PSA ------------------------------------------------------------------------------------


@pytest.mark.usefixtures("strict")
@pytest.mark.parametrize(
    "base_url",
    [
        "{cw}",  # the stand-in on 127.0.0.1: an internal service for this test
        "https://10.0.0.5/v4_6_release/apis/3.0",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]:8443/apis/3.0",
        "https://100.64.0.9/apis/3.0",
    ],
)
async def test_a_psa_base_url_on_a_literal_private_address_is_a_422(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, base_url: str
) -> None:
    form = {
        "provider": "connectwise",
        **cw.credentials(),
        "base_url": base_url.format(cw=cw.base_url),
    }
    for method, path in (("PUT", PSA), ("POST", f"{PSA}/test")):
        r = await client.request(method, path, headers=tenant.admin.headers, json=form)
        assert "refused:" in field_errors(r)["base_url"], r.text
    assert (await client.get(PSA, headers=tenant.admin.headers)).json()["configured"] is False
    assert cw.requests == []


@pytest.mark.usefixtures("strict")
async def test_a_psa_name_that_resolves_to_loopback_is_refused_when_connecting(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, dns: FakeDNS
) -> None:
    dns.records["psa.attacker.example"] = ["127.0.0.1"]
    form = {
        "provider": "connectwise",
        **cw.credentials(),
        "base_url": f"https://psa.attacker.example:{cw.port}/v2025_1/apis/3.0",
    }
    r = await client.post(f"{PSA}/test", headers=tenant.admin.headers, json=form)
    body = r.json()
    assert r.status_code == 200 and body["ok"] is False and body["kind"] == "refused", body
    assert "refused: loopback address" in body["message"]
    # Saved (a name passes at save time), it is refused on every use: search, test, discovery.
    r = await client.put(PSA, headers=tenant.admin.headers, json=form)
    assert r.status_code == 200, r.text
    r = await client.get("/api/v1/psa/tickets", headers=tenant.engineer.headers)
    assert r.status_code == 502 and r.json()["errors"][0]["kind"] == "refused", r.text
    r = await client.post(f"{PSA}/test", headers=tenant.admin.headers)
    assert r.json()["kind"] == "refused"
    assert cw.requests == [] and cw.private_key not in r.text


@pytest.mark.usefixtures("strict")
async def test_discovery_never_reads_a_loopback_service(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, dns: FakeDNS
) -> None:
    h = tenant.admin.headers
    body = {"site": cw.url, "company_id": "acme"}  # http://127.0.0.1:port
    r = await client.post(f"{PSA}/discover", headers=h, json=body)
    assert "refused: loopback address" in field_errors(r)["site"]
    dns.records["cw.attacker.example"] = ["127.0.0.1"]
    r = await client.post(
        f"{PSA}/discover",
        headers=h,
        json={"site": f"cw.attacker.example:{cw.port}", "company_id": "acme"},
    )
    # Refused when it connects: a problem with the site typed (422 on the field), by kind.
    assert r.status_code == 422 and r.json()["errors"][0]["kind"] == "refused", r.text
    assert r.json()["errors"][0]["loc"] == ["body", "site"]
    assert "company_name" not in r.text and "Acme" not in r.text
    assert cw.requests == []


async def test_discovery_and_test_report_the_kind_never_the_remote_body(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, target: Target
) -> None:
    """With loopback allowed (as an operator might allow an on-premises server), a service
    that is not the PSA still only yields a kind and a status."""
    h = tenant.admin.headers
    leak = "db password is Hunter2-internal"
    target.status, target.body = 500, {"message": leak, "errors": [{"message": leak}]}
    r = await client.post(
        f"{PSA}/discover", headers=h, json={"site": target.url, "company_id": "acme"}
    )
    assert r.status_code == 502 and r.json()["errors"][0]["kind"] == "server", r.text
    assert "Hunter2" not in r.text
    target.status = 403
    form = {"provider": "connectwise", **cw.credentials(), "base_url": f"{target.url}/apis/3.0"}
    r = await client.post(f"{PSA}/test", headers=h, json=form)
    assert r.json()["ok"] is False and r.json()["kind"] == "permission", r.text
    assert "PSA administrator" in r.json()["message"] and "Hunter2" not in r.text
    # A closed port and a TLS failure: the kind only, never an exception's name.
    form["base_url"] = "http://127.0.0.1:9/apis/3.0"
    r = await client.post(f"{PSA}/test", headers=h, json=form)
    assert r.json()["kind"] == "unreachable" and "(unreachable)" in r.json()["message"]
    assert "ConnectError" not in r.text
    form["base_url"] = f"https://127.0.0.1:{target.port}/apis/3.0"
    r = await client.post(f"{PSA}/test", headers=h, json=form)
    assert r.json()["kind"] == "unreachable" and "TLS failed" in r.json()["message"], r.text


# --- Slack / Teams webhooks -------------------------------------------------------------------


@pytest.mark.usefixtures("strict")
async def test_a_webhook_on_a_literal_private_address_is_a_422(
    client: AsyncClient, tenant: Tenant, target: Target
) -> None:
    h = tenant.admin.headers
    for field, url in (
        ("slack_webhook_url", f"{target.url}/services/T0/B0/XYZ"),
        ("teams_webhook_url", "https://169.254.169.254/latest/meta-data/iam"),
        ("slack_webhook_url", "https://[fd00::5]/hook"),
    ):
        r = await client.put(CHANNELS, headers=h, json={field: url})
        assert "refused:" in field_errors(r)[field], r.text
    r = await client.get(CHANNELS, headers=h)
    assert r.json() == {"slack_webhook_set": False, "teams_webhook_set": False}


@pytest.mark.usefixtures("strict")
async def test_a_webhook_name_that_resolves_to_loopback_is_refused_when_sending(
    client: AsyncClient, tenant: Tenant, target: Target, dns: FakeDNS
) -> None:
    dns.records["hooks.attacker.example"] = ["127.0.0.1"]
    h = tenant.admin.headers
    url = f"https://hooks.attacker.example:{target.port}/services/T0/B0/XYZ"
    r = await client.put(CHANNELS, headers=h, json={"slack_webhook_url": url})
    assert r.status_code == 200, r.text
    r = await client.post(f"{CHANNELS}/test", headers=h)
    assert r.json()["ok"] is False
    assert r.json()["failed"] == ["slack webhook: refused: loopback address"]
    assert target.requests == []


# --- LLM base URL -----------------------------------------------------------------------------


@pytest.mark.usefixtures("strict")
async def test_an_llm_base_url_on_a_literal_private_address_is_a_422(
    client: AsyncClient, tenant: Tenant, fake_openai: FakeOpenAI
) -> None:
    for url in (fake_openai.base_url, "http://10.1.2.3:11434/v1", "http://[fe80::1]/v1"):
        r = await client.put(
            AI,
            headers=tenant.admin.headers,
            json={"provider": "openai", "base_url": url, "api_key": API_KEY},
        )
        assert "refused:" in field_errors(r)["base_url"], r.text
    assert (await client.get(AI, headers=tenant.admin.headers)).json()["provider"] is None


@pytest.mark.usefixtures("strict")
async def test_an_llm_name_that_resolves_to_loopback_is_refused_when_connecting(
    client: AsyncClient, tenant: Tenant, fake_openai: FakeOpenAI, dns: FakeDNS
) -> None:
    dns.records["llm.attacker.example"] = ["127.0.0.1"]
    r = await client.put(
        AI,
        headers=tenant.admin.headers,
        json={
            "provider": "openai",
            "base_url": f"http://llm.attacker.example:{fake_openai.port}/v1",
            "api_key": API_KEY,
        },
    )
    assert r.status_code == 200, r.text
    r = await client.post(f"{AI}/test", headers=tenant.admin.headers)
    assert r.json()["ok"] is False and "refused: loopback address" in r.json()["message"]
    # The copilot falls back to the offline engine, saying why.
    sid = (
        await client.post(
            "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "VPN drops"}
        )
    ).json()["id"]
    r = await client.post(
        f"/api/v1/sessions/{sid}/copilot/messages",
        headers=tenant.engineer.headers,
        json={"content": "why does the VPN drop?"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["provider"] == "offline" and "refused" in (r.json()["note"] or "")
    assert fake_openai.requests == []
