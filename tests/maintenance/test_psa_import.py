"""Targets from the connected PSA's configurations of one company: ConnectWise and Autotask
through their stand-ins, HaloPSA says it is unsupported, bad input is a 422 naming company_id,
the outbound policy holds, and the database is not held while the PSA answers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.db import uow
from tests.auth.support import assert_problem
from tests.fakes import autotask as at_fake
from tests.fakes import halopsa as halo_fake
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Tenant
from tests.outbound.conftest import FakeDNS
from tests.outbound.conftest import dns as dns
from tests.outbound.conftest import strict as strict
from tests.psa.conftest import connect

URL = "/api/v1/target-lists/psa-configurations"


async def _import(client: AsyncClient, tenant: Tenant, company_id: str) -> Any:
    return await client.get(URL, headers=tenant.engineer.headers, params={"company_id": company_id})


async def test_connectwise_configurations_become_candidate_targets_that_save_as_a_list(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, monkeypatch: pytest.MonkeyPatch
) -> None:
    await connect(client, tenant, cw)
    acme = {"id": 250, "identifier": "AcmeCorp", "name": "Acme Corporation"}
    cw.add_configuration(
        name="ACME-DC01",
        type={"id": 3, "name": "Server"},
        company=acme,
        site={"id": 7, "name": "Springfield HQ"},
        ipAddress="10.0.0.10",
        osType="Windows Server 2022",
        activeFlag=True,
    )
    cw.add_configuration(name="ACME-OLD", company=acme, activeFlag=False)
    cw.add_configuration(
        name="GLOBEX-FS", company={"id": 251, "name": "Globex Ltd"}, activeFlag=True
    )
    released: list[bool] = []
    real = uow.while_released

    async def spy(db: Any, work: Any) -> Any:
        released.append(True)
        return await real(db, work)

    monkeypatch.setattr(uow, "while_released", spy)
    r = await _import(client, tenant, "250")
    assert r.status_code == 200, r.text
    assert released, "the PSA was called while holding the database"
    got = r.json()
    assert (got["provider"], got["company_id"], got["client"]) == (
        "connectwise", "250", "Acme Corporation",
    )  # fmt: skip
    assert got["truncated"] is False and got["repeated_labels"] == 0
    by_label = {t["label"]: t for t in got["targets"]}
    # Active ones of this company only, in name order.
    assert list(by_label) == ["ACME-DC01", "ACME-FW-01", "ACME-LT-0042"]
    dc = by_label["ACME-DC01"]
    assert dc["client"] == "Acme Corporation" and dc["psa_company_id"] == "250"
    assert dc["fields"] == {
        "ip": "10.0.0.10", "os": "Windows Server 2022", "site": "Springfield HQ", "type": "Server",
    }  # fmt: skip
    assert by_label["ACME-LT-0042"]["psa_config_id"] == "501"
    assert "site" not in by_label["ACME-FW-01"]["fields"]
    sent = [q for q in cw.api_requests() if "/company/configurations" in q["path"]]
    assert sent and "company/id = 250" in sent[0]["query"].get("conditions", "")

    # The candidates save as a target list as they are.
    r = await client.post(
        "/api/v1/target-lists",
        headers=tenant.engineer.headers,
        json={"name": "Acme servers", "targets": got["targets"]},
    )
    assert r.status_code == 201, r.text
    assert [t["psa_config_id"] for t in r.json()["targets"]][1] == "502"


async def test_bad_or_unknown_company_is_a_422_naming_company_id(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    r = await _import(client, tenant, "250")
    assert_problem(r, 409)  # no PSA connected yet
    await connect(client, tenant, cw)
    for company in ("999", "abc", " "):
        r = await _import(client, tenant, company)
        assert_problem(r, 422)
        assert r.json()["errors"][0]["loc"] == ["query", "company_id"], r.text
    r = await client.get(URL, headers=tenant.engineer.headers)
    assert_problem(r, 422)
    assert r.json()["errors"][0]["loc"] == ["query", "company_id"]
    r = await client.get(URL, headers=tenant.viewer.headers, params={"company_id": "250"})
    assert r.status_code == 403


@pytest.mark.usefixtures("strict")
async def test_the_outbound_policy_refuses_a_psa_name_resolving_to_loopback(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, dns: FakeDNS
) -> None:
    dns.records["psa.attacker.example"] = ["127.0.0.1"]
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={
            "provider": "connectwise",
            **cw.credentials(),
            "base_url": f"https://psa.attacker.example:{cw.port}/v2025_1/apis/3.0",
        },
    )
    assert r.status_code == 200, r.text
    r = await _import(client, tenant, "250")
    assert r.status_code == 502 and r.json()["errors"][0]["kind"] == "refused", r.text
    assert cw.requests == []


@pytest.fixture(scope="module")
def at_server() -> Iterator[at_fake.FakeAutotask]:
    with at_fake.FakeAutotask() as server:
        yield server


@pytest.fixture(scope="module")
def halo_server() -> Iterator[halo_fake.FakeHaloPSA]:
    with halo_fake.FakeHaloPSA() as server:
        yield server


async def test_autotask_configuration_items_become_targets(
    client: AsyncClient, tenant: Tenant, at_server: at_fake.FakeAutotask
) -> None:
    at_server.reset()
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={
            "provider": "autotask",
            "username": at_fake.USERNAME,
            "secret": at_fake.SECRET,
            "integration_code": at_fake.INTEGRATION_CODE,
            "zone_url": at_server.url + "/atservicesrest/",
        },
    )
    assert r.status_code == 200, r.text
    r = await _import(client, tenant, "101")
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["provider"] == "autotask" and got["client"] == "Contoso Dental"
    front = next(t for t in got["targets"] if t["label"] == "CD-FRONTDESK-01")
    assert front["fields"] == {"ip": "10.0.0.21", "os": "Windows 11 Pro", "type": "Workstation"}
    assert (front["psa_company_id"], front["psa_config_id"]) == ("101", "301")
    assert {t["label"] for t in got["targets"]} == {"CD-FRONTDESK-01", "CD-NAS-01"}
    r = await _import(client, tenant, "999")
    assert_problem(r, 422)


async def test_halopsa_says_importing_configurations_is_unsupported(
    client: AsyncClient, tenant: Tenant, halo_server: halo_fake.FakeHaloPSA
) -> None:
    halo_server.reset()
    r = await client.put(
        "/api/v1/integrations/psa",
        headers=tenant.admin.headers,
        json={
            "provider": "halopsa",
            "base_url": halo_server.url,
            "client_id": halo_fake.CLIENT_ID,
            "client_secret": halo_fake.CLIENT_SECRET,
        },
    )
    assert r.status_code == 200, r.text
    r = await _import(client, tenant, "1")
    assert_problem(r, 409)
    assert r.json()["type"].endswith("/psa-unsupported") and "HaloPSA" in r.json()["detail"]
