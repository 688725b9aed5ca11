"""Batches: one session per target with the target filled in, working them (the same answer
for the remaining targets, skip, fail, claim), status and counts, and the report."""

from __future__ import annotations

import pytest
from httpx import AsyncClient
from sqlalchemy import func, select

from resolutionflow.models import MaintenanceBatch, Session
from tests.fixtures.factories import Factory, Tenant
from tests.maintenance.conftest import (
    PATCH_FLOW,
    TARGETS,
    batch,
    event,
    finish,
    launch,
    make_list,
    publish_flow,
)
from tests.test_tenancy import SMALL_FLOW


async def test_a_batch_over_three_targets_creates_three_sessions_with_the_targets_filled_in(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    target_list = await make_list(client, tenant.engineer)
    created = await launch(
        client, tenant.engineer, flow_id=flow_id, target_list_id=target_list["id"]
    )
    assert created["status"] == "running"
    assert created["launched_by_id"] == str(tenant.engineer.id)  # who may cancel it
    assert [i["label"] for i in created["items"]] == ["FAB-DC01", "FAB-FS01", "CON-SQL01"]
    assert [i["status"] for i in created["items"]] == ["pending"] * 3
    assert created["counts"] == {
        "total": 3, "pending": 3, "in_progress": 0, "done": 0, "skipped": 0, "failed": 0,
        "escalated": 0,
    }  # fmt: skip
    assert {i["target_id"] for i in created["items"]} == {t["id"] for t in target_list["targets"]}
    session_ids = {i["session_id"] for i in created["items"]}
    assert len(session_ids) == 3
    for item, target in zip(created["items"], TARGETS, strict=True):
        r = await client.get(
            f"/api/v1/sessions/{item['session_id']}", headers=tenant.engineer.headers
        )
        assert r.status_code == 200, r.text
        session = r.json()
        assert target["label"] in session["title"]
        assert session["owner_id"] == str(tenant.engineer.id)
        step = session["current_step"]
        assert step["title"] == f"Pre-checks on {target['label']}"
        assert target["fields"]["ip"] in step["body"] and target["fields"]["os"] in step["body"]
        assert target["client"] in step["body"]
        assert step["items"][0] == f"Backup of {target['label']} succeeded"
        assert session["timeline"][0]["payload"]["target"] == target["label"]


async def test_ad_hoc_targets_are_snapshotted_and_editing_the_list_does_not_change_a_batch(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    adhoc = await launch(
        client,
        tenant.engineer,
        flow_id=flow_id,
        targets=[{"label": "LAPTOP-7", "fields": {"ip": "192.0.2.7"}}],
        title="One-off",
    )
    assert adhoc["title"] == "One-off" and adhoc["items"][0]["target_id"] is None
    target_list = await make_list(client, tenant.engineer)
    created = await launch(
        client, tenant.engineer, flow_id=flow_id, target_list_id=target_list["id"]
    )
    r = await client.put(
        f"/api/v1/target-lists/{target_list['id']}",
        headers=tenant.engineer.headers,
        json={"name": "Renamed", "targets": [{"label": "NEW-01", "client": "Else"}]},
    )
    assert r.status_code == 200, r.text
    after = await batch(client, tenant.engineer, created["id"])
    assert [i["label"] for i in after["items"]] == ["FAB-DC01", "FAB-FS01", "CON-SQL01"]
    assert after["items"][0]["fields"] == TARGETS[0]["fields"]


async def test_apply_to_remaining_answers_the_rest_and_records_it_in_each(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS)
    first, *rest = [i["session_id"] for i in created["items"]]
    appended = await event(
        client, tenant.engineer, first,
        type="answer", node_id="c1", answer="", items=[0, 1], apply_to_remaining=True,
    )  # fmt: skip
    answer = next(e for e in appended["events"] if e["type"] == "answer")
    assert answer["payload"]["apply_to_remaining"] is True
    for session_id in rest:
        r = await client.get(f"/api/v1/sessions/{session_id}", headers=tenant.engineer.headers)
        session = r.json()
        assert session["current_node"] == "q1"
        applied = [e for e in session["timeline"] if e["type"] == "answer"]
        assert len(applied) == 1
        assert applied[0]["payload"]["applied_from"] == {"session_id": first, "target": "FAB-DC01"}
        assert applied[0]["payload"]["node_id"] == "c1"
    state = await batch(client, tenant.engineer, created["id"])
    assert [i["status"] for i in state["items"]] == ["in_progress"] * 3
    # A question too: the rest go down the same answer.
    await event(
        client, tenant.engineer, first,
        type="answer", node_id="q1", answer="No", apply_to_remaining=True,
    )  # fmt: skip
    for session_id in rest:
        r = await client.get(f"/api/v1/sessions/{session_id}", headers=tenant.engineer.headers)
        assert r.json()["current_node"] == "r1"


async def test_apply_to_remaining_leaves_targets_at_another_step_alone(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS)
    a, b, c = [i["session_id"] for i in created["items"]]
    await event(client, tenant.engineer, b, type="answer", node_id="c1", answer="", items=[0, 1])
    await event(
        client, tenant.engineer, a,
        type="answer", node_id="c1", answer="", items=[0, 1], apply_to_remaining=True,
    )  # fmt: skip
    r = await client.get(f"/api/v1/sessions/{b}", headers=tenant.engineer.headers)
    answers = [e for e in r.json()["timeline"] if e["type"] == "answer"]
    assert len(answers) == 1 and "applied_from" not in answers[0]["payload"]
    r = await client.get(f"/api/v1/sessions/{c}", headers=tenant.engineer.headers)
    assert r.json()["current_node"] == "q1"


async def test_skip_with_a_reason_fail_and_the_report_includes_every_target(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS)
    dc, fs, sql = created["items"]
    await event(client, tenant.engineer, dc["session_id"], type="note", text="Internal: slow disk")
    await finish(client, tenant.engineer, dc["session_id"], reboot="Yes")
    base = f"/api/v1/maintenance/batches/{created['id']}/items"
    r = await client.post(f"{base}/{fs['id']}/skip", headers=tenant.engineer.headers, json={})
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "reason"]
    r = await client.post(
        f"{base}/{fs['id']}/skip",
        headers=tenant.engineer.headers,
        json={"reason": "Decommissioned last week"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "skipped" and r.json()["reason"] == "Decommissioned last week"
    r = await client.post(
        f"{base}/{fs['id']}/skip", headers=tenant.engineer.headers, json={"reason": "again"}
    )
    assert r.status_code == 409
    mid = await batch(client, tenant.engineer, created["id"])
    assert mid["status"] == "running"
    assert mid["counts"]["done"] == 1 and mid["counts"]["skipped"] == 1
    assert mid["counts"]["pending"] == 1
    r = await client.post(
        f"{base}/{sql['id']}/fail",
        headers=tenant.engineer.headers,
        json={"reason": "Update 0x800f0922 failed twice"},
    )
    assert r.status_code == 200, r.text
    r = await client.get(f"/api/v1/sessions/{sql['session_id']}", headers=tenant.engineer.headers)
    assert r.json()["status"] == "unresolved"
    done = await batch(client, tenant.engineer, created["id"])
    assert done["status"] == "completed" and done["completed_at"] is not None
    assert [i["status"] for i in done["items"]] == ["done", "skipped", "failed"]

    r = await client.get(
        f"/api/v1/maintenance/batches/{created['id']}/report", headers=tenant.viewer.headers
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/markdown")
    text = r.text
    assert "| Target | Client | Outcome | Engineer | Duration |" in text
    for label in ("FAB-DC01", "FAB-FS01", "CON-SQL01"):
        assert f"| {label} |" in text
        assert f"### {label}" in text
    assert "Decommissioned last week" in text and "0x800f0922" in text
    # Grouped by client, in name order.
    assert text.index("## Contoso") < text.index("## Fabrikam") < text.index("### FAB-DC01")
    assert "Internal: slow disk" in text
    r = await client.get(
        f"/api/v1/maintenance/batches/{created['id']}/report?audience=client&format=html",
        headers=tenant.viewer.headers,
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "slow disk" not in r.text and "FAB-DC01" in r.text and "<table>" in r.text
    assert "Engineer" not in r.text
    # The skip and fail reasons were written for colleagues: the client reads the outcome only.
    assert "Decommissioned last week" not in r.text and "0x800f0922" not in r.text
    assert "Skipped in this maintenance run." in r.text
    assert "Could not be completed in this maintenance run." in r.text


async def test_the_report_is_redacted(client: AsyncClient, tenant: Tenant) -> None:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS[:1])
    secret = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
    await event(
        client, tenant.engineer, created["items"][0]["session_id"],
        type="note", text=f"Used token {secret}",
    )  # fmt: skip
    r = await client.get(
        f"/api/v1/maintenance/batches/{created['id']}/report", headers=tenant.engineer.headers
    )
    assert secret not in r.text and "REDACTED" in r.text


async def test_status_filter_and_counts_in_the_list(client: AsyncClient, tenant: Tenant) -> None:
    flow_id = await publish_flow(client, tenant)
    running = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS[:2])
    finished = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS[:1])
    await finish(client, tenant.engineer, finished["items"][0]["session_id"])
    r = await client.get(
        "/api/v1/maintenance/batches?status=completed", headers=tenant.engineer.headers
    )
    assert [b["id"] for b in r.json()["items"]] == [finished["id"]]
    assert r.json()["items"][0]["counts"]["done"] == 1
    r = await client.get("/api/v1/maintenance/batches", headers=tenant.engineer.headers)
    assert [b["id"] for b in r.json()["items"]] == [running["id"], finished["id"]]
    r = await client.get(
        "/api/v1/maintenance/batches?status=nonsense", headers=tenant.engineer.headers
    )
    assert r.status_code == 422


async def test_round_robin_and_a_team_pool_that_members_claim(
    client: AsyncClient, tenant: Tenant, factory: Factory
) -> None:
    flow_id = await publish_flow(client, tenant)
    second = await factory.user(tenant)
    team_id = str(await factory.team(tenant, [tenant.engineer, second]))
    rr = await launch(
        client, tenant.admin, flow_id=flow_id, targets=TARGETS, team_id=team_id,
        assignment="round_robin",
    )  # fmt: skip
    owners = [i["assignee_id"] for i in rr["items"]]
    assert owners == [str(tenant.engineer.id), str(second.id), str(tenant.engineer.id)]
    pool = await launch(client, tenant.admin, flow_id=flow_id, targets=TARGETS, team_id=team_id)
    assert pool["assignment"] == "pool"
    assert all(i["assignee_id"] is None for i in pool["items"])
    item = pool["items"][0]
    r = await client.get(f"/api/v1/sessions/{item['session_id']}", headers=second.headers)
    assert r.status_code == 404  # nobody's yet
    claim = f"/api/v1/maintenance/batches/{pool['id']}/items/{item['id']}/claim"
    outsider = await factory.user(tenant)
    r = await client.post(claim, headers=outsider.headers, json={})
    assert r.status_code == 403
    r = await client.post(claim, headers=second.headers, json={})
    assert r.status_code == 200 and r.json()["assignee_id"] == str(second.id)
    r = await client.post(claim, headers=tenant.engineer.headers, json={})
    assert r.status_code == 409
    r = await client.get(f"/api/v1/sessions/{item['session_id']}", headers=second.headers)
    assert r.status_code == 200 and r.json()["owner_id"] == str(second.id)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"flow_id": "00000000-0000-0000-0000-000000000001", "targets": TARGETS}, "flow_id"),
        ({"targets": []}, "targets"),
        ({"targets": [{"label": "A"}, {"label": " a "}]}, "targets"),
        ({}, "target_list_id"),
        ({"target_list_id": "00000000-0000-0000-0000-000000000001"}, "target_list_id"),
        ({"targets": TARGETS, "assignee_user_id": "00000000-0000-0000-0000-000000000001"}, "assignee_user_id"),
        ({"targets": TARGETS, "team_id": "00000000-0000-0000-0000-000000000001"}, "team_id"),
        ({"targets": TARGETS, "assignment": "round_robin"}, "team_id"),
    ],
)  # fmt: skip
async def test_bad_launches_are_422_naming_the_field_and_create_nothing(
    client: AsyncClient, tenant: Tenant, app, body: dict, field: str
) -> None:  # type: ignore[no-untyped-def]
    flow_id = await publish_flow(client, tenant)
    r = await client.post(
        "/api/v1/maintenance/batches",
        headers=tenant.engineer.headers,
        json={"flow_id": flow_id, **body},
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"][0]["loc"][:2] == ["body", field], r.json()
    async with app.state.sessionmaker() as db:
        assert (
            await db.scalar(
                select(func.count())
                .select_from(MaintenanceBatch)
                .where(MaintenanceBatch.account_id == tenant.id)
            )
            == 0
        )
        assert (
            await db.scalar(
                select(func.count()).select_from(Session).where(Session.account_id == tenant.id)
            )
            == 0
        )


async def test_unpublished_troubleshooting_empty_and_other_accounts_lists_are_refused(
    client: AsyncClient, tenant: Tenant, other: Tenant
) -> None:
    draft = await publish_flow(client, tenant, publish=False)
    tree = await publish_flow(client, tenant, SMALL_FLOW)
    mine = await publish_flow(client, tenant)
    theirs = await make_list(client, other.engineer)
    for body, field in (
        ({"flow_id": draft, "targets": TARGETS}, "flow_id"),
        ({"flow_id": tree, "targets": TARGETS}, "flow_id"),
        ({"flow_id": mine, "target_list_id": theirs["id"]}, "target_list_id"),
    ):
        r = await client.post(
            "/api/v1/maintenance/batches", headers=tenant.engineer.headers, json=body
        )
        assert r.status_code == 422, r.text
        assert r.json()["errors"][0]["loc"] == ["body", field]
    created = await launch(client, tenant.engineer, flow_id=mine, targets=TARGETS[:1])
    for path in ("", "/report", f"/items/{created['items'][0]['id']}/skip"):
        url = f"/api/v1/maintenance/batches/{created['id']}{path}"
        r = await (
            client.post(url, headers=other.admin.headers, json={"reason": "x"})
            if path.endswith("skip")
            else client.get(url, headers=other.admin.headers)
        )
        assert r.status_code == 404, (path, r.text)
    assert PATCH_FLOW["kind"] == "maintenance"


async def test_the_batch_stream_sends_the_batch_and_ends(
    client: AsyncClient, tenant: Tenant
) -> None:
    flow_id = await publish_flow(client, tenant)
    created = await launch(client, tenant.engineer, flow_id=flow_id, targets=TARGETS[:1])
    r = await client.get(
        f"/api/v1/maintenance/batches/{created['id']}/stream?max_seconds=0",
        headers=tenant.viewer.headers,
    )
    assert r.status_code == 200
    assert "event: batch" in r.text and created["id"] in r.text
    assert "event: end" in r.text and '"expired"' in r.text
