"""Drafts (optimistic concurrency, invalid drafts allowed), validation, publishing numbered
immutable versions, history, diff, restore and subflow rules across flows."""

from __future__ import annotations

import asyncio
import copy
import uuid
from typing import Any

from httpx import AsyncClient, Response

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import validate
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Person, Tenant

API = "/api/v1"

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "VPN will not connect",
    "kind": "troubleshooting",
    "category": "Network",
    "tags": ["vpn"],
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Is the user on Wi-Fi?"},
        {"id": "act", "type": "action", "title": "Restart the VPN client"},
        {"id": "ok", "type": "resolution", "title": "Connected", "outcome": "resolved"},
        {"id": "esc", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "act", "label": "Yes"},
        {"source": "q", "target": "esc", "label": "No"},
        {"source": "act", "target": "ok", "label": ""},
    ],
}

# Breaks several rules at once: unknown edge target (which still counts as the question's
# second answer), a dead-end action (so the question can't reach a resolution), unreachable
# nodes, a resolution without outcome.
BROKEN: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Half-finished",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Is it on?"},
        {"id": "act", "type": "action", "title": "Turn it on"},
        {"id": "end", "type": "resolution", "title": "Done"},
        {"id": "lost", "type": "resolution", "title": "Lost", "outcome": "resolved"},
    ],
    "edges": [
        {"source": "q", "target": "act", "label": "No"},
        {"source": "q", "target": "ghost", "label": "Yes"},
    ],
}


def flow(**top: Any) -> dict[str, Any]:
    data = copy.deepcopy(FLOW)
    data.update(top)
    return data


def with_subflow(title: str, target: str) -> dict[str, Any]:
    """A valid flow whose action step is replaced by a subflow running `target`."""
    data = flow(title=title)
    data["nodes"][1] = {"id": "act", "type": "subflow", "title": "Run other", "flow_id": target}
    return data


async def create(client: AsyncClient, who: Person, body: dict[str, Any] | None = None) -> str:
    r = await client.post(f"{API}/flows", json=body or flow(), headers=who.headers)
    assert r.status_code == 201, r.text
    return str(r.json()["id"])


async def get(client: AsyncClient, who: Person, flow_id: str) -> dict[str, Any]:
    r = await client.get(f"{API}/flows/{flow_id}", headers=who.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def put(
    client: AsyncClient,
    who: Person,
    flow_id: str,
    body: dict[str, Any],
    revision: int | None = None,
) -> Response:
    payload = body | ({"revision": revision} if revision is not None else {})
    return await client.put(f"{API}/flows/{flow_id}/draft", json=payload, headers=who.headers)


async def publish(client: AsyncClient, who: Person, flow_id: str, note: str = "") -> Response:
    return await client.post(
        f"{API}/flows/{flow_id}/publish", json={"change_note": note}, headers=who.headers
    )


async def versions(client: AsyncClient, who: Person, flow_id: str) -> list[dict[str, Any]]:
    r = await client.get(f"{API}/flows/{flow_id}/versions", headers=who.headers)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


def stored(body: dict[str, Any]) -> dict[str, Any]:
    return FlowDocument.model_validate(body).export()


# --- drafts --------------------------------------------------------------------------------


async def test_saving_with_the_current_revision_stores_and_bumps_it(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    edited = flow(title="VPN drops every hour", description="Since the update")
    r = await put(client, t.admin, fid, edited, revision=1)
    assert r.status_code == 200, r.text
    assert r.json()["draft_revision"] == 2
    got = await get(client, t.viewer, fid)
    assert got["draft_revision"] == 2
    assert got["title"] == "VPN drops every hour"
    assert got["description"] == "Since the update"
    assert got["draft"] == stored(edited)
    assert "revision" not in got["draft"]
    assert got["draft_updated_by_name"] == t.admin.name
    r = await put(client, t.engineer, fid, flow(title="Third"), revision=2)
    assert r.status_code == 200 and r.json()["draft_revision"] == 3


async def test_saving_a_stale_revision_is_a_conflict_naming_who_saved_and_stores_nothing(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.admin)
    r = await put(client, t.engineer, fid, flow(title="Engineer's edit"), revision=1)
    assert r.status_code == 200, r.text

    r = await put(client, t.admin, fid, flow(title="Admin's edit"), revision=1)
    problem = assert_problem(r, 409)
    assert problem["current_revision"] == 2
    assert problem["detail"].startswith(f"{t.engineer.name} saved this draft")
    assert "reload" in problem["detail"]

    got = await get(client, t.admin, fid)
    assert got["title"] == "Engineer's edit"
    assert got["draft"]["title"] == "Engineer's edit"
    assert got["draft_revision"] == 2
    assert got["draft_updated_by_name"] == t.engineer.name
    # A revision from the future is just as stale.
    assert_problem(await put(client, t.admin, fid, flow(title="x"), revision=7), 409)
    assert (await get(client, t.admin, fid))["draft_revision"] == 2


async def test_saving_without_a_revision_overwrites(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    assert (await put(client, t.engineer, fid, flow(title="One"), revision=1)).status_code == 200
    r = await put(client, t.admin, fid, flow(title="Forced"))
    assert r.status_code == 200, r.text
    got = await get(client, t.engineer, fid)
    assert got["title"] == "Forced" and got["draft_revision"] == 3


async def test_two_saves_from_one_revision_cannot_both_win(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    results = await asyncio.gather(
        put(client, t.engineer, fid, flow(title="Mine"), revision=1),
        put(client, t.admin, fid, flow(title="Theirs"), revision=1),
    )
    assert sorted(r.status_code for r in results) == [200, 409], [r.text for r in results]
    winner = next(r for r in results if r.status_code == 200).json()
    got = await get(client, t.engineer, fid)
    assert got["draft_revision"] == 2
    assert got["title"] == winner["title"]


async def test_an_invalid_graph_can_be_saved_as_a_draft(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    r = await put(client, t.engineer, fid, BROKEN, revision=1)
    assert r.status_code == 200, r.text
    assert (await get(client, t.engineer, fid))["draft"] == stored(BROKEN)
    # Even no nodes at all.
    r = await client.post(
        f"{API}/flows", json={"format": "resolutionflow.flow/1", "title": "Empty"},
        headers=t.engineer.headers,
    )  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json()["draft"]["nodes"] == []


# --- validation ----------------------------------------------------------------------------

BROKEN_ERRORS = {
    ("edge_target_unknown", "q"),
    ("cannot_reach_resolution", "q"),
    ("no_way_out", "act"),
    ("outcome_missing", "end"),
    ("unreachable", "end"),
    ("unreachable", "lost"),
}


async def test_validate_a_stored_draft_lists_problems_with_node_ids(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, BROKEN)
    r = await client.post(f"{API}/flows/{fid}/validate", headers=t.engineer.headers)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["valid"] is False
    assert {(p["code"], p["node_id"]) for p in report["problems"]} == BROKEN_ERRORS
    ghost = next(p for p in report["problems"] if p["code"] == "edge_target_unknown")
    assert ghost["edge"] == {"source": "q", "target": "ghost", "label": "Yes"}
    assert all(p["severity"] == "error" and p["message"] for p in report["problems"])

    good = await create(client, t.engineer)
    r = await client.post(f"{API}/flows/{good}/validate", headers=t.engineer.headers)
    assert r.json() == {"valid": True, "problems": []}


async def test_validate_an_unsaved_graph(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    r = await client.post(f"{API}/flows/validate", json=BROKEN, headers=t.engineer.headers)
    assert r.status_code == 200, r.text
    assert r.json()["valid"] is False
    assert {(p["code"], p["node_id"]) for p in r.json()["problems"]} == BROKEN_ERRORS

    warned = flow()
    warned["nodes"][1]["body"] = "Quote {{ticket}}"
    r = await client.post(f"{API}/flows/validate", json=warned, headers=t.engineer.headers)
    assert r.json()["valid"] is True
    assert [(p["code"], p["node_id"], p["severity"]) for p in r.json()["problems"]] == [
        ("variable_unknown", "act", "warning")
    ]
    # Nothing is stored by validating.
    r = await client.get(f"{API}/flows", headers=t.engineer.headers)
    assert r.json()["items"] == []


# --- publishing and versions ---------------------------------------------------------------


async def test_publishing_an_invalid_draft_lists_every_error_and_creates_no_version(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer, BROKEN)
    problem = assert_problem(await publish(client, t.admin, fid), 422)
    assert {(p["code"], p["node_id"]) for p in problem["problems"]} == BROKEN_ERRORS
    expected = [p.model_dump(mode="json") for p in validate(FlowDocument.model_validate(BROKEN))]
    assert problem["problems"] == expected
    assert await versions(client, t.admin, fid) == []
    got = await get(client, t.admin, fid)
    assert got["latest_version"] is None
    assert_problem(await client.get(f"{API}/flows/{fid}/versions/1", headers=t.admin.headers), 404)


async def test_warnings_do_not_block_publishing(client: AsyncClient, factory: Factory) -> None:
    t = await factory.tenant()
    warned = flow()
    warned["nodes"][1]["body"] = "Quote {{ticket}}"
    fid = await create(client, t.engineer, warned)
    r = await publish(client, t.admin, fid)
    assert r.status_code == 200, r.text
    assert r.json() == {"version": 1}


async def test_publishing_numbers_versions_and_lists_them_newest_first(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    await client.patch(
        f"{API}/account", json={"engineers_can_publish": True}, headers=t.admin.headers
    )
    fid = await create(client, t.engineer)
    r = await publish(client, t.admin, fid, "First release")
    assert r.status_code == 200, r.text
    assert r.json() == {"version": 1}

    bigger = flow()
    bigger["nodes"].append({"id": "c", "type": "checklist", "title": "Checks", "items": ["MFA"]})
    bigger["edges"][0]["target"] = "c"
    bigger["edges"].append({"source": "c", "target": "act", "label": ""})
    assert (await put(client, t.engineer, fid, bigger, revision=1)).status_code == 200
    r = await publish(client, t.engineer, fid, "Added MFA checks")
    assert r.status_code == 200, r.text
    assert r.json() == {"version": 2}

    items = await versions(client, t.viewer, fid)
    assert [
        (v["number"], v["change_note"], v["published_by_name"], v["node_count"]) for v in items
    ] == [
        (2, "Added MFA checks", t.engineer.name, 5),
        (1, "First release", t.admin.name, 4),
    ]
    assert items[0]["published_at"] >= items[1]["published_at"]
    assert (await get(client, t.viewer, fid))["latest_version"] == 2


async def test_a_version_is_immutable_after_the_draft_changes(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    assert (await publish(client, t.admin, fid, "v1")).status_code == 200
    assert (await put(client, t.engineer, fid, BROKEN)).status_code == 200
    assert (await put(client, t.engineer, fid, flow(title="Renamed"))).status_code == 200

    r = await client.get(f"{API}/flows/{fid}/versions/1", headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    v1 = r.json()
    assert v1["number"] == 1 and v1["change_note"] == "v1"
    assert v1["published_by_name"] == t.admin.name
    assert v1["graph"] == stored(flow())
    assert_problem(await client.get(f"{API}/flows/{fid}/versions/2", headers=t.viewer.headers), 404)


async def test_has_unpublished_changes_follows_edits_and_publishes(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    assert (await publish(client, t.admin, fid)).status_code == 200
    assert (await get(client, t.engineer, fid))["has_unpublished_changes"] is False
    assert (await put(client, t.engineer, fid, flow(title="Edited"))).status_code == 200
    got = await get(client, t.engineer, fid)
    assert got["has_unpublished_changes"] is True
    listed = (await client.get(f"{API}/flows", headers=t.engineer.headers)).json()["items"]
    assert listed[0]["has_unpublished_changes"] is True
    assert (await publish(client, t.admin, fid)).status_code == 200
    got = await get(client, t.engineer, fid)
    assert got["has_unpublished_changes"] is False and got["latest_version"] == 2


async def test_diff_between_versions_and_against_the_draft(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    assert (await publish(client, t.admin, fid)).status_code == 200
    v2 = flow(title="VPN v2")
    v2["nodes"][1]["body"] = "Quit and reopen it."
    v2["nodes"][0]["position"] = {"x": 300, "y": 40}
    v2["edges"][0]["label"] = "Yes, Wi-Fi"
    assert (await put(client, t.engineer, fid, v2)).status_code == 200
    assert (await publish(client, t.admin, fid)).status_code == 200
    draft = copy.deepcopy(v2)
    draft["nodes"].append(
        {"id": "call", "type": "resolution", "title": "Call", "outcome": "escalate"}
    )
    draft["edges"][1]["target"] = "call"
    draft["nodes"] = [n for n in draft["nodes"] if n["id"] != "esc"]
    assert (await put(client, t.engineer, fid, draft)).status_code == 200

    r = await client.get(
        f"{API}/flows/{fid}/diff", params={"from": 1, "to": 2}, headers=t.viewer.headers
    )
    assert r.status_code == 200, r.text
    assert r.json() == {
        "nodes": {"added": [], "removed": [], "changed": ["act"]},
        "edges": {
            "added": [],
            "removed": [],
            "changed": [{"source": "q", "target": "act", "label": "Yes, Wi-Fi"}],
        },
        "fields": ["title"],
    }
    r = await client.get(f"{API}/flows/{fid}/diff", params={"from": 1}, headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    d = r.json()
    assert d["nodes"] == {"added": ["call"], "removed": ["esc"], "changed": ["act"]}
    assert d["edges"]["added"] == [{"source": "q", "target": "call", "label": "No"}]
    assert d["edges"]["removed"] == [{"source": "q", "target": "esc", "label": "No"}]
    r2 = await client.get(
        f"{API}/flows/{fid}/diff", params={"from": 1, "to": "draft"}, headers=t.viewer.headers
    )
    assert r2.json() == d

    for params in ({"from": 3, "to": 1}, {"from": 1, "to": 9}):
        assert_problem(
            await client.get(f"{API}/flows/{fid}/diff", params=params, headers=t.viewer.headers),
            404,
        )
    for params in ({"from": "latest"}, {"from": 0}, {"from": 1, "to": "-1"}, {}):
        r = await client.get(f"{API}/flows/{fid}/diff", params=params, headers=t.viewer.headers)
        assert_problem(r, 422)


async def test_diff_against_a_draft_with_a_doubled_connection(
    client: AsyncClient, factory: Factory
) -> None:
    # Drafts may be invalid; an accidental second identical connection must diff, not 500.
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    assert (await publish(client, t.admin, fid)).status_code == 200
    doubled = flow()
    doubled["edges"].append({"source": "q", "target": "act", "label": "Yes"})
    assert (await put(client, t.engineer, fid, doubled)).status_code == 200
    r = await client.get(f"{API}/flows/{fid}/diff", params={"from": 1}, headers=t.viewer.headers)
    assert r.status_code == 200, r.text
    assert r.json()["edges"]["added"] == [{"source": "q", "target": "act", "label": "Yes"}]


async def test_restore_makes_the_draft_a_copy_of_that_version(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    assert (await publish(client, t.admin, fid)).status_code == 200
    assert (await put(client, t.engineer, fid, flow(title="Second", tags=["x"]))).status_code == 200
    assert (await publish(client, t.admin, fid)).status_code == 200
    assert (await put(client, t.engineer, fid, BROKEN)).status_code == 200
    before = await get(client, t.engineer, fid)

    r = await client.post(f"{API}/flows/{fid}/versions/1/restore", headers=t.admin.headers)
    assert r.status_code == 200, r.text
    assert r.json()["draft_revision"] == before["draft_revision"] + 1
    got = await get(client, t.engineer, fid)
    v1 = (await client.get(f"{API}/flows/{fid}/versions/1", headers=t.admin.headers)).json()
    assert got["draft"] == v1["graph"] == stored(flow())
    assert got["title"] == FLOW["title"] and got["tags"] == ["vpn"]
    assert got["draft_revision"] == before["draft_revision"] + 1
    assert got["latest_version"] == 2
    assert [v["number"] for v in await versions(client, t.admin, fid)] == [2, 1]
    assert_problem(
        await client.post(f"{API}/flows/{fid}/versions/5/restore", headers=t.admin.headers), 404
    )


# --- subflows across flows -----------------------------------------------------------------


async def test_a_subflow_must_name_a_published_flow_of_the_account(
    client: AsyncClient, factory: Factory
) -> None:
    t, other = await factory.tenant(), await factory.tenant()
    target = await create(client, t.engineer, flow(title="Repair Office"))
    parent = await create(client, t.engineer, with_subflow("Outlook", target))
    problem = assert_problem(await publish(client, t.admin, parent), 422)
    assert [(p["code"], p["node_id"]) for p in problem["problems"]] == [("subflow_unknown", "act")]

    # Another account's published flow is just as unknown.
    foreign = await create(client, other.admin)
    assert (await publish(client, other.admin, foreign)).status_code == 200
    assert (
        await put(client, t.engineer, parent, with_subflow("Outlook", foreign))
    ).status_code == 200
    problem = assert_problem(await publish(client, t.admin, parent), 422)
    assert [p["code"] for p in problem["problems"]] == ["subflow_unknown"]

    assert (
        await put(client, t.engineer, parent, with_subflow("Outlook", target))
    ).status_code == 200
    assert (await publish(client, t.admin, target)).status_code == 200
    r = await publish(client, t.admin, parent)
    assert r.status_code == 200, r.text
    assert r.json() == {"version": 1}


async def test_a_subflow_loop_across_flows_is_refused_at_publish(
    client: AsyncClient, factory: Factory
) -> None:
    t: Tenant = await factory.tenant()
    a = await create(client, t.engineer, flow(title="Alpha"))
    assert (await publish(client, t.admin, a)).status_code == 200
    b = await create(client, t.engineer, with_subflow("Bravo", a))
    assert (await publish(client, t.admin, b)).status_code == 200

    assert (await put(client, t.engineer, a, with_subflow("Alpha", b))).status_code == 200
    problem = assert_problem(await publish(client, t.admin, a), 422)
    [p] = problem["problems"]
    assert p["code"] == "subflow_cycle" and p["node_id"] == "act"
    assert "Bravo" in p["message"]
    assert [v["number"] for v in await versions(client, t.admin, a)] == [1]

    # The longer loop A -> C -> B -> A, naming the chain.
    c = await create(client, t.engineer, with_subflow("Charlie", b))
    assert (await publish(client, t.admin, c)).status_code == 200
    assert (await put(client, t.engineer, a, with_subflow("Alpha", c))).status_code == 200
    [p] = assert_problem(await publish(client, t.admin, a), 422)["problems"]
    assert p["code"] == "subflow_cycle"
    assert "Charlie → Bravo" in p["message"]

    # Running itself.
    assert (await put(client, t.engineer, a, with_subflow("Alpha", a))).status_code == 200
    [p] = assert_problem(await publish(client, t.admin, a), 422)["problems"]
    assert p["code"] == "subflow_cycle"


async def test_concurrent_publishes_never_duplicate_a_version_number(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    results = await asyncio.gather(*(publish(client, t.admin, fid, f"n{i}") for i in range(4)))
    statuses = [r.status_code for r in results]
    assert set(statuses) <= {200, 409}, [r.text for r in results]
    numbers = [r.json()["version"] for r in results if r.status_code == 200]
    assert numbers and len(numbers) == len(set(numbers))
    for r in results:
        if r.status_code == 409:
            assert_problem(r, 409)
    listed = await versions(client, t.admin, fid)
    assert sorted(v["number"] for v in listed) == sorted(numbers)
    assert sorted(numbers) == list(range(1, len(numbers) + 1))
    assert (await get(client, t.admin, fid))["latest_version"] == max(numbers)


async def test_a_change_note_over_the_limit_is_refused(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    r = await publish(client, t.admin, fid, "x" * 2001)
    assert_problem(r, 422, field="change_note")
    assert await versions(client, t.admin, fid) == []


async def test_an_unknown_flow_cannot_be_published_or_saved(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    missing = str(uuid.uuid4())
    assert_problem(await publish(client, t.admin, missing), 404)
    assert_problem(await put(client, t.admin, missing, flow()), 404)
    assert_problem(await put(client, t.admin, missing, flow(), revision=1), 404)


async def test_a_folder_id_in_a_draft_save_is_applied_or_refused_never_ignored(
    client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    fid = await create(client, t.engineer)
    r = await client.post(f"{API}/folders", json={"name": "Network"}, headers=t.engineer.headers)
    folder_id = r.json()["id"]
    r = await put(client, t.engineer, fid, flow() | {"folder_id": folder_id}, revision=1)
    if r.status_code == 200:
        assert r.json()["folder_id"] == folder_id
        assert (await get(client, t.engineer, fid))["folder_id"] == folder_id
    else:
        assert_problem(r, 422, field="folder_id")
        assert (await get(client, t.engineer, fid))["draft_revision"] == 1
