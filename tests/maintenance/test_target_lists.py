"""Target lists: create, read, replace, delete; labels unique per list; nothing stored on bad
input; team lists seen by their team; the CSV preview says what is wrong row by row."""

from __future__ import annotations

from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import func, select

from resolutionflow.models import Target, TargetList
from tests.fixtures.factories import Factory, Tenant
from tests.maintenance.conftest import TARGETS, make_list


async def test_create_read_replace_list_and_delete(client: AsyncClient, tenant: Tenant) -> None:
    created = await make_list(client, tenant.engineer)
    assert [t["label"] for t in created["targets"]] == ["FAB-DC01", "FAB-FS01", "CON-SQL01"]
    assert created["clients"] == ["Contoso", "Fabrikam"] and created["target_count"] == 3
    assert created["targets"][0]["fields"] == {"ip": "10.1.0.10", "os": "Windows Server 2022"}
    url = f"/api/v1/target-lists/{created['id']}"
    r = await client.get(url, headers=tenant.viewer.headers)
    assert r.status_code == 200 and r.json() == created
    keep = created["targets"][2]
    r = await client.put(
        url,
        headers=tenant.engineer.headers,
        json={
            "name": "Contoso only",
            "targets": [
                {**{k: keep[k] for k in ("id", "label", "client", "fields")}, "notes": "SQL"},
                {"label": "CON-WEB01", "client": "Contoso", "psa_config_id": "501"},
            ],
        },
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["name"] == "Contoso only"
    assert [t["label"] for t in body["targets"]] == ["CON-SQL01", "CON-WEB01"]
    assert body["targets"][0]["id"] == keep["id"] and body["targets"][0]["notes"] == "SQL"
    assert body["targets"][1]["psa_config_id"] == "501"
    r = await client.get("/api/v1/target-lists", headers=tenant.viewer.headers)
    assert [(x["name"], x["target_count"]) for x in r.json()["items"]] == [("Contoso only", 2)]
    r = await client.delete(url, headers=tenant.viewer.headers)
    assert r.status_code == 403
    r = await client.delete(url, headers=tenant.engineer.headers)
    assert r.status_code == 204
    r = await client.get(url, headers=tenant.engineer.headers)
    assert r.status_code == 404


async def test_duplicate_labels_and_empty_lists_are_422_naming_the_field_and_store_nothing(
    app: FastAPI, client: AsyncClient, tenant: Tenant
) -> None:
    for targets, loc in (
        ([{"label": "FAB-DC01"}, {"label": "x"}, {"label": "fab-dc01 "}], ["body", "targets", "2", "label"]),
        ([], ["body", "targets"]),
        ([{"label": ""}], ["body", "targets", "0", "label"]),
        ([{"label": "A", "fields": {"no spaces": "x"}}], ["body", "targets", "0", "fields"]),
    ):  # fmt: skip
        r = await client.post(
            "/api/v1/target-lists",
            headers=tenant.engineer.headers,
            json={"name": "Bad", "targets": targets},
        )
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["loc"][: len(loc)] == loc, r.json()
    created = await make_list(client, tenant.engineer)
    r = await client.put(
        f"/api/v1/target-lists/{created['id']}",
        headers=tenant.engineer.headers,
        json={"name": "X", "targets": [{"label": "A"}, {"label": "a"}]},
    )
    assert r.status_code == 422
    async with app.state.sessionmaker() as db:
        assert (
            await db.scalar(
                select(func.count())
                .select_from(TargetList)
                .where(TargetList.account_id == tenant.id)
            )
            == 1
        )
        assert await db.scalar(
            select(func.count()).select_from(Target).where(Target.account_id == tenant.id)
        ) == len(TARGETS)


async def test_a_teams_list_is_seen_by_its_members_and_team_admins_only(
    client: AsyncClient, tenant: Tenant, factory: Factory, other: Tenant
) -> None:
    team_id = str(await factory.team(tenant, [tenant.engineer]))
    outsider = await factory.user(tenant)
    created = await make_list(client, tenant.engineer, team_id=team_id)
    url = f"/api/v1/target-lists/{created['id']}"
    assert (await client.get(url, headers=tenant.engineer.headers)).status_code == 200
    assert (await client.get(url, headers=tenant.admin.headers)).status_code == 200
    assert (await client.get(url, headers=outsider.headers)).status_code == 404
    assert (await client.get(url, headers=other.admin.headers)).status_code == 404
    r = await client.get("/api/v1/target-lists", headers=outsider.headers)
    assert created["id"] not in [x["id"] for x in r.json()["items"]]
    # A team the caller is not in (or another account's) cannot own a new list.
    r = await client.post(
        "/api/v1/target-lists",
        headers=outsider.headers,
        json={"name": "Mine", "team_id": team_id, "targets": [{"label": "A"}]},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "team_id"]


async def test_the_csv_preview_lists_each_rows_problems_and_the_valid_targets(
    client: AsyncClient, tenant: Tenant
) -> None:
    csv = (
        "Label,Client,IP,OS,Notes\n"
        "FAB-DC01,Fabrikam,10.1.0.10,Windows Server 2022,Domain controller\n"
        ",Fabrikam,10.1.0.11,,no label\n"
        "fab-dc01,Fabrikam,10.1.0.12,,\n"
        "\n"
        "CON-SQL01,Contoso,10.2.0.5,Windows Server 2022,\n"
    )
    r = await client.post(
        "/api/v1/target-lists/csv-preview", headers=tenant.engineer.headers, json={"csv": csv}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert [t["label"] for t in body["targets"]] == ["FAB-DC01", "CON-SQL01"]
    assert body["targets"][0]["fields"] == {"ip": "10.1.0.10", "os": "Windows Server 2022"}
    assert body["targets"][0]["notes"] == "Domain controller"
    assert body["fields"] == ["ip", "os"]
    assert body["error_count"] == 2
    bad = {row["row"]: row for row in body["rows"] if not row["ok"]}
    assert set(bad) == {3, 4}
    assert "label" in bad[3]["errors"][0]
    assert "repeats line 2" in bad[4]["errors"][0]
    # The valid rows save as they are.
    r = await client.post(
        "/api/v1/target-lists",
        headers=tenant.engineer.headers,
        json={"name": "Imported", "targets": body["targets"]},
    )
    assert r.status_code == 201, r.text
    r = await client.post(
        "/api/v1/target-lists/csv-preview",
        headers=tenant.engineer.headers,
        json={"csv": "client,ip\nFabrikam,10.0.0.1\n"},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "csv"]
