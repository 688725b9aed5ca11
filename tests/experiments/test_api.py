"""A/B tests through the API: starting (what B can be, and every refusal naming its field),
reading, stopping with and without promotion, roles and tenancy."""

from __future__ import annotations

import uuid

import pytest
from httpx import AsyncClient

from tests.auth.support import assert_problem
from tests.experiments.support import (
    FLOW,
    changed,
    flow_with_draft,
    new_flow,
    publish_flow,
    save_draft,
    start_session,
    start_test,
)
from tests.fixtures.factories import Factory, Tenant


async def _flow(client: AsyncClient, tenant: Tenant, flow_id: str) -> dict:  # type: ignore[type-arg]
    r = await client.get(f"/api/v1/flows/{flow_id}", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def _versions(client: AsyncClient, tenant: Tenant, flow_id: str) -> list[dict]:  # type: ignore[type-arg]
    r = await client.get(f"/api/v1/flows/{flow_id}/versions", headers=tenant.admin.headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_the_draft_runs_as_a_candidate_version_that_is_not_published(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id, use_draft=True)
    assert experiment["status"] == "running"
    assert (experiment["version_a"], experiment["version_b"]) == (1, 2)
    assert experiment["b_source"] == "draft" and experiment["split"] == 0.5
    assert experiment["started_by_name"] == "team_admin user"
    assert experiment["results"]["a"]["runs"] == experiment["results"]["b"]["runs"] == 0

    # Version 2 exists, immutable, marked as a candidate; the flow still publishes version 1.
    flow = await _flow(client, tenant, flow_id)
    assert flow["latest_version"] == 1 and flow["has_unpublished_changes"] is True
    versions = {v["number"]: v["candidate"] for v in await _versions(client, tenant, flow_id)}
    assert versions == {1: False, 2: True}
    r = await client.get(f"/api/v1/flows/{flow_id}/versions/2", headers=tenant.admin.headers)
    assert {n["id"] for n in r.json()["graph"]["nodes"]} == {"q", "ok", "no", "cycle"}

    # Editing the draft while the test runs does not touch B.
    await save_draft(client, tenant, flow_id, changed(FLOW, "Reseat the network cable"))
    r = await client.get(f"/api/v1/flows/{flow_id}/versions/2", headers=tenant.admin.headers)
    assert [n["title"] for n in r.json()["graph"]["nodes"] if n["id"] == "cycle"] == [
        "Power-cycle the printer"
    ]

    r = await client.get(
        f"/api/v1/flows/{flow_id}/experiments/current", headers=tenant.engineer.headers
    )
    assert r.status_code == 200 and r.json()["id"] == experiment["id"]
    r = await client.get(f"/api/v1/flows/{flow_id}/experiments", headers=tenant.viewer.headers)
    assert [e["id"] for e in r.json()["items"]] == [experiment["id"]]
    r = await client.get(f"/api/v1/experiments/{experiment['id']}", headers=tenant.viewer.headers)
    assert r.status_code == 200 and r.json()["version_b"] == 2

    r = await client.get(
        "/api/v1/audit-events?action=experiment.started", headers=tenant.admin.headers
    )
    [event] = r.json()["items"]
    assert event["target_id"] == flow_id
    assert event["detail"]["experiment_id"] == experiment["id"]


async def test_a_published_version_can_be_the_candidate(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await new_flow(client, tenant)  # version 1
    flow = await _flow(client, tenant, flow_id)
    await save_draft(client, tenant, flow_id, changed(flow["draft"]))
    assert await publish_flow(client, tenant, flow_id) == 2
    # A is always the published version (2); B may be any other, here the older version 1.
    experiment = await start_test(client, tenant, flow_id, candidate_version=1, split=0.2)
    assert (experiment["version_a"], experiment["version_b"]) == (2, 1)
    assert experiment["b_source"] == "version" and experiment["split"] == 0.2
    # No version was added for it.
    assert [v["number"] for v in await _versions(client, tenant, flow_id)] == [2, 1]


async def test_when_there_is_no_test_current_is_null_and_history_empty(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await new_flow(client, tenant)
    r = await client.get(
        f"/api/v1/flows/{flow_id}/experiments/current", headers=tenant.engineer.headers
    )
    assert r.status_code == 200 and r.json() is None
    r = await client.get(f"/api/v1/flows/{flow_id}/experiments", headers=tenant.engineer.headers)
    assert r.status_code == 200 and r.json() == {"items": []}
    r = await client.get(
        f"/api/v1/flows/{uuid.uuid4()}/experiments/current", headers=tenant.engineer.headers
    )
    assert_problem(r, 404)


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"candidate_version", "use_draft"}),
        ({"use_draft": False}, {"candidate_version", "use_draft"}),
        ({"use_draft": True, "candidate_version": 1}, {"candidate_version", "use_draft"}),
        ({"use_draft": True, "split": 0}, {"split"}),
        ({"use_draft": True, "split": 1}, {"split"}),
        ({"use_draft": True, "split": 0.99}, {"split"}),
        ({"use_draft": True, "split": -0.5}, {"split"}),
        ({"use_draft": True, "split": "half"}, {"split"}),
        ({"candidate_version": 0}, {"candidate_version"}),
        ({"use_draft": True, "colour": "blue"}, {"colour"}),
    ],
)
async def test_bad_bodies_are_422_naming_the_field(
    client: AsyncClient,
    factory: Factory,
    body: dict,
    fields: set[str],  # type: ignore[type-arg]
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments", headers=tenant.admin.headers, json=body
    )
    problem = assert_problem(r, 422)
    assert {e["loc"][-1] for e in problem["errors"]} == fields
    r = await client.get(f"/api/v1/flows/{flow_id}/experiments", headers=tenant.admin.headers)
    assert r.json()["items"] == []


async def test_the_candidate_must_exist_and_differ_from_the_published_version(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await new_flow(client, tenant)
    url = f"/api/v1/flows/{flow_id}/experiments"
    h = tenant.admin.headers

    r = await client.post(url, headers=h, json={"candidate_version": 1})
    assert "published version" in assert_problem(r, 422, field="candidate_version")["detail"]
    r = await client.post(url, headers=h, json={"candidate_version": 7})
    assert "no version 7" in assert_problem(r, 422, field="candidate_version")["detail"]
    # The draft is still what version 1 published.
    r = await client.post(url, headers=h, json={"use_draft": True})
    assert "no changes" in assert_problem(r, 422, field="use_draft")["detail"]
    # Moving nodes on the canvas is no change either.
    flow = await _flow(client, tenant, flow_id)
    moved = {**flow["draft"]}
    moved["nodes"] = [{**n, "position": {"x": 40, "y": 80}} for n in moved["nodes"]]
    await save_draft(client, tenant, flow_id, moved)
    r = await client.post(url, headers=h, json={"use_draft": True})
    assert_problem(r, 422, field="use_draft")
    # Version 2 republishing the same steps is no candidate.
    await publish_flow(client, tenant, flow_id)
    r = await client.post(url, headers=h, json={"candidate_version": 1})
    assert "same steps" in assert_problem(r, 422, field="candidate_version")["detail"]


async def test_a_draft_that_cannot_be_published_cannot_run(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await new_flow(client, tenant)
    broken = changed(FLOW)
    broken["edges"] = [e for e in broken["edges"] if e["source"] != "cycle"]  # a dead end
    await save_draft(client, tenant, flow_id, broken)
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments",
        headers=tenant.admin.headers,
        json={"use_draft": True},
    )
    problem = assert_problem(r, 422, field="use_draft")
    assert any(p["node_id"] == "cycle" for p in problem["problems"])
    # Nothing was published for it.
    assert [v["number"] for v in await _versions(client, tenant, flow_id)] == [1]


async def test_an_unpublished_flow_cannot_be_tested(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    flow_id = await new_flow(client, tenant, publish=False)
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments",
        headers=tenant.admin.headers,
        json={"use_draft": True},
    )
    assert "no published version" in assert_problem(r, 422, field="flow_id")["detail"]


async def test_one_running_test_per_flow_and_no_publishing_during_it(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    await start_test(client, tenant, flow_id)
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments",
        headers=tenant.admin.headers,
        json={"candidate_version": 2},
    )
    assert "already running" in assert_problem(r, 409)["detail"]
    r = await client.post(f"/api/v1/flows/{flow_id}/publish", headers=tenant.admin.headers, json={})
    assert "A/B test is running" in assert_problem(r, 409)["detail"]
    assert (await _flow(client, tenant, flow_id))["latest_version"] == 1


async def test_stop_with_promotion_of_b_publishes_it_as_a_new_version(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id)
    session = await start_session(client, tenant, flow_id)

    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop",
        headers=tenant.admin.headers,
        json={"promote": "b"},
    )
    assert r.status_code == 200, r.text
    stopped = r.json()
    assert stopped["status"] == "stopped" and stopped["promoted"] == "b"
    assert stopped["promoted_version"] == 3 and stopped["ended_by_name"] == "team_admin user"
    assert stopped["ended_at"] is not None

    flow = await _flow(client, tenant, flow_id)
    assert flow["latest_version"] == 3
    # B was the draft as it still is: nothing is left unpublished.
    assert flow["has_unpublished_changes"] is False
    r = await client.get(f"/api/v1/flows/{flow_id}/versions/3", headers=tenant.admin.headers)
    v3 = r.json()
    assert {n["id"] for n in v3["graph"]["nodes"]} == {"q", "ok", "no", "cycle"}
    assert "variant B (version 2)" in v3["change_note"]
    versions = {v["number"]: v["candidate"] for v in await _versions(client, tenant, flow_id)}
    assert versions == {1: False, 2: True, 3: False}

    # New sessions run version 3 outside any test; the earlier one keeps its variant.
    after = await start_session(client, tenant, flow_id)
    assert after["flow_version"] == 3 and after["variant"] is None
    r = await client.get(f"/api/v1/sessions/{session['id']}", headers=tenant.engineer.headers)
    assert r.json()["variant"] in ("a", "b") and r.json()["experiment_id"] == experiment["id"]

    r = await client.get(
        f"/api/v1/flows/{flow_id}/experiments/current", headers=tenant.admin.headers
    )
    assert r.json() is None
    r = await client.get(
        "/api/v1/audit-events?action=experiment.stopped", headers=tenant.admin.headers
    )
    [event] = r.json()["items"]
    assert event["detail"] == {
        "experiment_id": experiment["id"],
        "promoted": "b",
        "promoted_version": 3,
    }
    # Stopping twice: the test has ended.
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop", headers=tenant.admin.headers, json={}
    )
    assert_problem(r, 409)
    # And publishing works again.
    assert await publish_flow(client, tenant, flow_id) == 4


@pytest.mark.parametrize("promote", ["a", None])
async def test_stop_without_promoting_b_leaves_the_published_version(
    client: AsyncClient, factory: Factory, promote: str | None
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id)
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop",
        headers=tenant.admin.headers,
        json={"promote": promote},
    )
    assert r.status_code == 200, r.text
    assert r.json()["promoted"] == promote and r.json()["promoted_version"] is None
    flow = await _flow(client, tenant, flow_id)
    assert flow["latest_version"] == 1 and flow["has_unpublished_changes"] is True
    assert (await start_session(client, tenant, flow_id))["flow_version"] == 1
    # The next test's candidate gets the next number: 2 stays the old candidate.
    again = await start_test(client, tenant, flow_id)
    assert again["version_b"] == 3


async def test_stop_needs_no_body(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id)
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop", headers=tenant.admin.headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["promoted"] is None
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop",
        headers=tenant.admin.headers,
        json={"promote": "c"},
    )
    assert_problem(r, 422, field="promote")


async def test_engineers_and_viewers_read_but_only_team_admins_start_and_stop(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    for role in ("viewer", "engineer"):
        r = await client.post(
            f"/api/v1/flows/{flow_id}/experiments",
            headers=tenant[role].headers,
            json={"use_draft": True},
        )
        assert_problem(r, 403)
    experiment = await start_test(client, tenant, flow_id)
    for role in ("viewer", "engineer"):
        for url in (
            f"/api/v1/flows/{flow_id}/experiments/current",
            f"/api/v1/flows/{flow_id}/experiments",
            f"/api/v1/experiments/{experiment['id']}",
        ):
            r = await client.get(url, headers=tenant[role].headers)
            assert r.status_code == 200, (role, url, r.text)
        r = await client.post(
            f"/api/v1/experiments/{experiment['id']}/stop",
            headers=tenant[role].headers,
            json={"promote": "b"},
        )
        assert_problem(r, 403)
    # Still running, nothing promoted.
    assert (await _flow(client, tenant, flow_id))["latest_version"] == 1
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop",
        headers=tenant.super_admin.headers,
        json={"promote": None},
    )
    assert r.status_code == 200, r.text


async def test_another_accounts_flows_and_tests_are_not_found(
    client: AsyncClient, factory: Factory
) -> None:
    owner, intruder = await factory.tenant(), await factory.tenant()
    flow_id = await flow_with_draft(client, owner)
    experiment = await start_test(client, owner, flow_id)
    h = intruder.admin.headers
    r = await client.post(
        f"/api/v1/flows/{flow_id}/experiments", headers=h, json={"use_draft": True}
    )
    assert_problem(r, 404)
    for url in (
        f"/api/v1/flows/{flow_id}/experiments/current",
        f"/api/v1/flows/{flow_id}/experiments",
        f"/api/v1/experiments/{experiment['id']}",
    ):
        assert_problem(await client.get(url, headers=h), 404)
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop", headers=h, json={"promote": "b"}
    )
    assert_problem(r, 404)
    # The owner's test is untouched.
    r = await client.get(f"/api/v1/experiments/{experiment['id']}", headers=owner.admin.headers)
    assert r.json()["status"] == "running"
    # The intruder's own flow of the same shape does not get the owner's assignment.
    own = await new_flow(client, intruder)
    session = await start_session(client, intruder, own)
    assert session["variant"] is None
