"""Assignment: a stable hash against the split, pinned versions, the timeline entry, ticket
stickiness, FlowPilot's accepted flow, and the results computed from the sessions."""

from __future__ import annotations

import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.experiments import assignment
from tests.assist.support import publish_demo_library
from tests.experiments.support import (
    changed,
    finish,
    flow_with_draft,
    save_draft,
    session_detail,
    start_session,
    start_test,
)
from tests.fixtures.factories import Factory, Tenant


def _experiment(split: float, experiment_id: uuid.UUID | None = None) -> Any:
    return SimpleNamespace(id=experiment_id or uuid.uuid5(uuid.NAMESPACE_URL, "exp"), split=split)


def _ids(n: int) -> list[str]:
    # Synthetic, deterministic session ids: the same 1,000 every run.
    return [assignment.key_of(uuid.uuid5(uuid.NAMESPACE_OID, str(i)), None) for i in range(n)]


def test_the_hash_follows_the_split_and_is_stable() -> None:
    keys = _ids(1000)
    for split, low, high in ((0.5, 460, 540), (0.2, 170, 230), (0.9, 880, 920)):
        experiment = _experiment(split)
        b = [k for k in keys if assignment.variant_for(experiment, k) == "b"]
        assert low <= len(b) <= high, (split, len(b))
        # The same keys land in the same variants every time.
        assert b == [k for k in keys if assignment.variant_for(experiment, k) == "b"]
    # A wider split only moves sessions from A to B (a bucket below 0.2 is below 0.5).
    narrow, wide = _experiment(0.2), _experiment(0.5)
    for key in keys:
        if assignment.variant_for(narrow, key) == "b":
            assert assignment.variant_for(wide, key) == "b"


def test_different_tests_split_independently() -> None:
    keys = _ids(1000)
    first = _experiment(0.5, uuid.uuid5(uuid.NAMESPACE_URL, "first"))
    second = _experiment(0.5, uuid.uuid5(uuid.NAMESPACE_URL, "second"))
    same = sum(assignment.variant_for(first, k) == assignment.variant_for(second, k) for k in keys)
    # Independent halves agree about half the time (not always, as one shared hash would).
    assert 440 <= same <= 560


def test_the_key_is_the_ticket_when_there_is_one() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    assert assignment.key_of(a, "T-1001") == assignment.key_of(b, " t-1001 ") == "ticket:t-1001"
    assert assignment.key_of(a, None) == f"session:{a}" != assignment.key_of(b, "")


def _bucket_key(experiment_id: str, variant: str, ticket_prefix: str, split: float) -> str:
    """A ticket id the hash puts in `variant` of the experiment."""
    for i in range(1000):
        ticket = f"{ticket_prefix}-{i}"
        in_b = assignment.bucket(uuid.UUID(experiment_id), f"ticket:{ticket.casefold()}") < split
        if in_b == (variant == "b"):
            return ticket
    raise AssertionError("no such ticket")


async def test_sessions_pin_their_variants_version_and_say_so_on_the_timeline(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id, use_draft=True, split=0.5)
    for variant, version, first in (("a", 1, "q"), ("b", 2, "cycle")):
        ticket = _bucket_key(experiment["id"], variant, f"T{variant}", 0.5)
        created = await start_session(client, tenant, flow_id, ticket_id=ticket)
        assert created["variant"] == variant and created["experiment_id"] == experiment["id"]
        assert created["flow_version"] == version and created["current_node"] == first
        detail = await session_detail(client, tenant, created["id"])
        types = [e["type"] for e in detail["timeline"]]
        assert types[:2] == ["started", "experiment_assigned"]
        entry = detail["timeline"][1]["payload"]
        assert entry == {
            "experiment_id": experiment["id"],
            "flow_id": flow_id,
            "variant": variant,
            "version": version,
        }
        # The same ticket in a new session: the same variant (sticky per ticket).
        again = await start_session(client, tenant, flow_id, ticket_id=ticket.upper())
        assert again["variant"] == variant and again["flow_version"] == version
        # The ticket note is for the client: the test is not in it.
        r = await client.get(
            f"/api/v1/sessions/{created['id']}/documentation?format=markdown",
            headers=tenant.engineer.headers,
        )
        assert r.status_code == 200 and "variant" not in r.text.lower()

    # A session keeps its variant after the test stops, and its pinned version runs on.
    r = await client.post(
        f"/api/v1/experiments/{experiment['id']}/stop",
        headers=tenant.admin.headers,
        json={"promote": None},
    )
    assert r.status_code == 200
    detail = await session_detail(client, tenant, created["id"])
    assert detail["variant"] == "b" and detail["flow_version"] == 2
    r = await client.post(
        f"/api/v1/sessions/{created['id']}/events",
        headers=tenant.engineer.headers,
        json={"type": "answer", "node_id": "cycle", "answer": ""},
    )
    assert r.status_code in (200, 201), r.text
    assert r.json()["session"]["current_node"] == "q"


async def test_the_split_sends_roughly_its_share_to_b(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id, use_draft=True, split=0.8)
    sessions = [await start_session(client, tenant, flow_id) for _ in range(30)]
    expected = {
        s["id"]: assignment.variant_for(
            _experiment(0.8, uuid.UUID(experiment["id"])), f"session:{s['id']}"
        )
        for s in sessions
    }
    # Each session got exactly the variant its id hashes to, and its version.
    assert {s["id"]: s["variant"] for s in sessions} == expected
    assert all(s["flow_version"] == (2 if s["variant"] == "b" else 1) for s in sessions)
    r = await client.get(f"/api/v1/experiments/{experiment['id']}", headers=tenant.admin.headers)
    results = r.json()["results"]
    assert results["a"]["runs"] + results["b"]["runs"] == 30
    assert results["b"]["runs"] == sum(v == "b" for v in expected.values())


async def test_freeform_sessions_are_not_assigned_until_they_pick_the_flow(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id)
    r = await client.post(
        "/api/v1/sessions", headers=tenant.engineer.headers, json={"title": "Something odd"}
    )
    freeform = r.json()
    assert freeform["variant"] is None
    r = await client.post(
        f"/api/v1/sessions/{freeform['id']}/events",
        headers=tenant.engineer.headers,
        json={"type": "switch_flow", "flow_id": flow_id},
    )
    assert r.status_code in (200, 201), r.text
    session = r.json()["session"]
    assert session["experiment_id"] == experiment["id"] and session["variant"] in ("a", "b")
    assert session["flow_version"] == (2 if session["variant"] == "b" else 1)
    types = [e["type"] for e in r.json()["events"]]
    assert types[:2] == ["flow_switched", "experiment_assigned"]


async def _pilot_session(client: AsyncClient, tenant: Tenant, ticket: str) -> dict[str, Any]:
    r = await client.post(
        "/api/v1/sessions",
        headers=tenant.engineer.headers,
        json={
            "title": "FlowPilot",
            "mode": "pilot",
            "ticket_id": ticket,
            "intake": {"text": "GlobalProtect VPN won't connect, gateway unreachable"},
        },
    )
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_accepting_flowpilots_proposed_flow_assigns_a_variant(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    flows = await publish_demo_library(client, tenant)
    flow_id = flows["VPN won't connect"]
    flow = (await client.get(f"/api/v1/flows/{flow_id}", headers=tenant.admin.headers)).json()
    await save_draft(client, tenant, flow_id, changed(flow["draft"], "Check the VPN licence"))
    experiment = await start_test(client, tenant, flow_id, use_draft=True)
    for variant in ("a", "b"):
        ticket = _bucket_key(experiment["id"], variant, f"VPN{variant}", 0.5)
        created = await _pilot_session(client, tenant, ticket)
        assert created["matched_flow"]["id"] == flow_id
        # Proposing the flow is not starting it.
        assert (await session_detail(client, tenant, created["id"]))["variant"] is None
        r = await client.post(
            f"/api/v1/sessions/{created['id']}/pilot/steps/{created['pilot_step']['id']}/answer",
            headers=tenant.engineer.headers,
            json={"option": "Follow this flow"},
        )
        assert r.status_code == 200, r.text
        detail = await session_detail(client, tenant, created["id"])
        assert detail["variant"] == variant and detail["experiment_id"] == experiment["id"]
        assert detail["flow_version"] == experiment[f"version_{variant}"]
        assert "experiment_assigned" in [e["type"] for e in detail["timeline"]]
        if variant == "b":
            # FlowPilot walks B's first step: the one only the candidate has.
            step = r.json()["pilot_step"]
            assert step["title"] == "Check the VPN licence"


async def test_results_count_each_variants_sessions(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    flow_id = await flow_with_draft(client, tenant)
    experiment = await start_test(client, tenant, flow_id, use_draft=True)
    plan = {
        # variant: outcomes of its sessions, in order
        "a": ["resolve", "resolve", "mark_unresolved", "abandon", None],
        "b": ["resolve", "resolve", "resolve", "mark_unresolved"],
    }
    for variant, outcomes in plan.items():
        for n, how in enumerate(outcomes):
            ticket = _bucket_key(experiment["id"], variant, f"R{variant}{n}", 0.5)
            session = await start_session(client, tenant, flow_id, ticket_id=ticket)
            assert session["variant"] == variant
            if how is not None:
                await finish(client, tenant, session["id"], how)
    # An escalated session completes its run without resolving it, and counts as an escalation.
    ticket = _bucket_key(experiment["id"], "b", "Resc", 0.5)
    escalated = await start_session(client, tenant, flow_id, ticket_id=ticket)
    r = await client.post(
        f"/api/v1/sessions/{escalated['id']}/escalate",
        headers=tenant.engineer.headers,
        json={"reason": "Need a senior"},
    )
    assert r.status_code in (200, 201), r.text

    r = await client.get(f"/api/v1/experiments/{experiment['id']}", headers=tenant.engineer.headers)
    results = r.json()["results"]
    a, b = results["a"], results["b"]
    assert (a["runs"], a["open"], a["completed"], a["resolved"], a["abandoned"]) == (5, 1, 4, 2, 1)
    assert a["resolution_rate"] == 0.5 and a["escalations"] == 0
    assert (b["runs"], b["open"], b["completed"], b["resolved"], b["escalations"]) == (
        5,
        0,
        5,
        3,
        1,
    )
    assert b["resolution_rate"] == 0.6
    assert a["version"] == 1 and b["version"] == 2
    # Small counts: Fisher's exact test of 3/5 against 2/4 (p = 1).
    assert results["resolution_test"]["method"] == "fisher"
    assert results["resolution_test"]["p_value"] == pytest.approx(1.0)
    # Both have resolved sessions, so their times are compared (the figures: test_statistics).
    assert results["time_test"]["method"] == "mann-whitney"
    assert a["median_active_seconds"] is not None and b["median_active_seconds"] is not None
    # 5 of 9 completed runs resolved: 55.6% -> 65.6% needs 374 per variant (by hand:
    # (1.96 * sqrt(2 * .6056 * .3944) + .8416 * sqrt(.2469 + .2258))^2 / .01 = 373.7);
    # the smaller variant, A, has 4.
    assert results["runs_needed_per_variant"] == 374
    assert results["more_runs_needed"] == 370
    assert results["conclusion"].startswith("Not enough data yet (p = 1.00 so far): about 370 more")
