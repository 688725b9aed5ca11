"""PSA connection settings: saved per team or account, secrets encrypted and never returned,
tested with a plain explanation, discovered from the site."""

from __future__ import annotations

import logging

import pytest
from httpx import AsyncClient
from sqlalchemy import select

from resolutionflow.models.psa import PsaConnection
from tests.fakes.connectwise import FakeConnectWise
from tests.fixtures.factories import Factory, Tenant
from tests.psa.conftest import connect

URL = "/api/v1/integrations/psa"


async def test_saved_settings_never_return_or_store_the_private_key_in_clear(
    client: AsyncClient,
    tenant: Tenant,
    cw: FakeConnectWise,
    app,
    caplog: pytest.LogCaptureFixture,  # type: ignore[no-untyped-def]
) -> None:
    caplog.set_level(logging.DEBUG)
    saved = await connect(client, tenant, cw)
    assert saved["configured"] is True and saved["scope"] == "account"
    assert saved["config"] == {
        "base_url": cw.base_url,
        "company_id": "acme",
        "public_key": "pubkey123",
        "client_id": cw.client_id,
    }
    assert saved["secrets_set"] == ["private_key"]
    r = await client.get(URL, headers=tenant.admin.headers)
    assert r.status_code == 200
    assert cw.private_key not in r.text and "private_key" not in r.json()["config"]
    async with app.state.sessionmaker() as db:
        row = (await db.execute(select(PsaConnection))).scalars().all()
    stored = next(c for c in row if c.account_id == tenant.id)
    assert cw.private_key not in stored.secrets_encrypted
    assert cw.private_key not in str(stored.config)
    assert cw.private_key not in caplog.text


async def test_a_blank_secret_keeps_the_saved_one_and_other_fields_change(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    r = await client.put(
        URL,
        headers=tenant.admin.headers,
        json={
            "provider": "connectwise",
            **cw.credentials(),
            "private_key": "",
            "push_on_resolve": True,
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["secrets_set"] == ["private_key"] and r.json()["push_on_resolve"] is True
    # The kept key still signs in.
    r = await client.post(f"{URL}/test", headers=tenant.admin.headers)
    assert r.json()["ok"] is True, r.text


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"base_url": "http://cw.example.com/v2025_1/apis/3.0"}, "base_url", "https"),
        ({"base_url": "ftp://cw.example.com"}, "base_url", "https"),
        ({"company_id": ""}, "company_id", "required"),
        ({"favourite_colour": "blue"}, "favourite_colour", "no setting"),
        ({"private_key": ""}, "private_key", "required"),
    ],
)
async def test_bad_settings_are_refused_field_by_field_and_nothing_is_saved(
    client: AsyncClient,
    tenant: Tenant,
    cw: FakeConnectWise,
    change: dict[str, str],
    field: str,
    words: str,
) -> None:
    r = await client.put(
        URL,
        headers=tenant.admin.headers,
        json={"provider": "connectwise", **cw.credentials(), **change},
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    problems = {tuple(e["loc"]): e["msg"] for e in r.json()["errors"]}
    assert words in problems[("body", field)]
    assert (await client.get(URL, headers=tenant.admin.headers)).json()["configured"] is False


async def test_a_non_string_field_is_a_clear_422(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    r = await client.put(
        URL,
        headers=tenant.admin.headers,
        json={"provider": "connectwise", **cw.credentials(), "company_id": 5},
    )
    assert r.status_code == 422
    assert "company_id must be a string" in r.text


async def test_test_reports_version_or_a_plain_reason(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    r = await client.post(f"{URL}/test", headers=tenant.admin.headers)
    assert r.json() == {
        "ok": True,
        "version": "v2025.1.10431",
        "kind": None,
        "message": r.json()["message"],
    }
    status = (await client.get(URL, headers=tenant.admin.headers)).json()
    assert status["last_test_ok"] is True and status["last_test_at"]

    form = {"provider": "connectwise", **cw.credentials()}
    cases = [
        ({"private_key": "wrong-key-0000"}, "credentials"),
        ({"base_url": cw.url + "/v2019_1/apis/3.0"}, "wrong_codebase"),
        ({"base_url": "http://127.0.0.1:9/v2025_1/apis/3.0"}, "unreachable"),
    ]
    for change, kind in cases:
        r = await client.post(f"{URL}/test", headers=tenant.admin.headers, json={**form, **change})
        body = r.json()
        assert r.status_code == 200 and body["ok"] is False and body["kind"] == kind, body
        assert "wrong-key-0000" not in r.text
    cw.fail_next(403, message="Member does not have access to System > API Reports")
    r = await client.post(f"{URL}/test", headers=tenant.admin.headers, json=form)
    assert r.json()["kind"] == "permission"
    assert "PSA administrator" in r.json()["message"]
    # Testing a form never saved it: the saved settings still sign in.
    assert (await client.get(URL, headers=tenant.admin.headers)).json()["config"][
        "base_url"
    ] == cw.base_url


async def test_test_without_settings_says_so(client: AsyncClient, tenant: Tenant) -> None:
    r = await client.post(f"{URL}/test", headers=tenant.admin.headers)
    assert r.status_code == 409
    assert r.json()["type"].endswith("/psa-not-configured")


async def test_discover_finds_the_api_base_from_site_and_company(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    r = await client.post(
        f"{URL}/discover", headers=tenant.admin.headers, json={"site": cw.url, "company_id": "acme"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["base_url"] == cw.base_url
    r = await client.post(
        f"{URL}/discover",
        headers=tenant.admin.headers,
        json={"site": cw.url, "company_id": "nobody"},
    )
    # An unknown company is a problem with what was typed: a 422 on that field.
    assert r.status_code == 422 and "nobody" in r.json()["detail"], r.text
    assert r.json()["errors"][0]["loc"] == ["body", "company_id"]
    r = await client.post(
        f"{URL}/discover",
        headers=tenant.admin.headers,
        json={"site": "http://cw.example.com", "company_id": "x"},
    )
    assert r.status_code == 422


async def test_a_team_inherits_the_account_default_until_it_has_its_own(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise, factory: Factory
) -> None:
    team_id = await factory.team(tenant, [tenant.engineer])
    await connect(client, tenant, cw)
    r = await client.get(URL, params={"team_id": str(team_id)}, headers=tenant.admin.headers)
    assert r.json()["inherited"] is True and r.json()["scope"] == "account"
    r = await client.put(
        URL,
        params={"team_id": str(team_id)},
        headers=tenant.admin.headers,
        json={"provider": "connectwise", **cw.credentials(), "public_key": "teamkey"},
    )
    assert r.status_code == 200, r.text
    r = await client.get(URL, params={"team_id": str(team_id)}, headers=tenant.admin.headers)
    assert r.json()["inherited"] is False and r.json()["config"]["public_key"] == "teamkey"
    assert (await client.get(URL, headers=tenant.admin.headers)).json()["config"][
        "public_key"
    ] == "pubkey123"
    # The team's engineer searches with the team's (wrong) key now: refused by ConnectWise.
    r = await client.get("/api/v1/psa/tickets", headers=tenant.engineer.headers)
    assert r.status_code == 502 and r.json()["errors"][0]["kind"] == "credentials"
    r = await client.delete(URL, params={"team_id": str(team_id)}, headers=tenant.admin.headers)
    assert r.status_code == 204
    r = await client.get("/api/v1/psa/tickets", headers=tenant.engineer.headers)
    assert r.status_code == 200


async def test_another_accounts_team_is_not_found(
    client: AsyncClient, tenant: Tenant, other_tenant: Tenant, factory: Factory, cw: FakeConnectWise
) -> None:
    theirs = await factory.team(other_tenant)
    r = await client.put(
        URL,
        params={"team_id": str(theirs)},
        headers=tenant.admin.headers,
        json={"provider": "connectwise", **cw.credentials()},
    )
    assert r.status_code == 404


async def test_saving_and_removing_are_audited(
    client: AsyncClient, tenant: Tenant, cw: FakeConnectWise
) -> None:
    await connect(client, tenant, cw)
    assert (await client.delete(URL, headers=tenant.admin.headers)).status_code == 204
    assert (await client.delete(URL, headers=tenant.admin.headers)).status_code == 404
    r = await client.get("/api/v1/audit-events", headers=tenant.admin.headers)
    actions = [e["action"] for e in r.json()["items"]]
    assert "psa.connection_saved" in actions and "psa.connection_deleted" in actions
    assert cw.private_key not in r.text
