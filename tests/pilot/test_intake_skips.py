"""FlowPilot starts an accepted flow where the intake leaves off: the questions the intake
answers are answered from it (recorded as inferred, with the sentence that says so), the first
open question is asked, and the engineer can go back to any skipped one."""

from __future__ import annotations

import itertools
from typing import Any

from httpx import AsyncClient

from resolutionflow.pilot import intake_facts
from tests.auth.support import assert_problem
from tests.fixtures.factories import Factory, Tenant

API = "/api/v1"

FLOW: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Laptop will not charge",
    "description": "The laptop battery does not charge from the adapter.",
    "kind": "troubleshooting",
    "category": "Hardware",
    "tags": ["laptop", "charging"],
    "start": "plugged",
    "nodes": [
        {"id": "plugged", "type": "question", "title": "Is the adapter plugged into the wall?"},
        {"id": "light", "type": "question", "title": "Does the charging light come on?"},
        {
            "id": "battery",
            "type": "question",
            "title": "Does the laptop run on battery alone for ten minutes?",
        },
        {"id": "socket", "type": "question", "title": "Does the wall socket power a lamp?"},
        {"id": "plug_in", "type": "resolution", "title": "Plug it in", "outcome": "resolved"},
        {"id": "electric", "type": "resolution", "title": "Call facilities", "outcome": "escalate"},
        {
            "id": "adapter",
            "type": "resolution",
            "title": "Replace the adapter",
            "outcome": "resolved",
        },
        {"id": "cell", "type": "resolution", "title": "Replace the battery", "outcome": "resolved"},
        {"id": "fine", "type": "resolution", "title": "Recalibrate", "outcome": "resolved"},
    ],
    "edges": [
        {"source": "plugged", "target": "light", "label": "Yes"},
        {"source": "plugged", "target": "socket", "label": "No"},
        {"source": "light", "target": "battery", "label": "Yes"},
        {"source": "light", "target": "adapter", "label": "No"},
        {"source": "battery", "target": "fine", "label": "Yes"},
        {"source": "battery", "target": "cell", "label": "No"},
        {"source": "socket", "target": "plug_in", "label": "Yes"},
        {"source": "socket", "target": "electric", "label": "No"},
    ],
}

BOTH = (
    "Laptop will not charge: the adapter is plugged into the wall. "
    "The charging light comes on, and still the battery stays at 3%."
)
NEGATED = "Laptop will not charge. The adapter is not plugged into the wall yet."
AMBIGUOUS = "Laptop will not charge; maybe the adapter is plugged into the wall, not sure."
IMPLIED = "Laptop will not charge. The charging light comes on, and the battery stays at 3%."


async def _flow(client: AsyncClient, tenant: Tenant) -> str:
    r = await client.post(f"{API}/flows", headers=tenant.admin.headers, json=FLOW)
    assert r.status_code == 201, r.text
    fid = str(r.json()["id"])
    r = await client.post(f"{API}/flows/{fid}/publish", headers=tenant.admin.headers, json={})
    assert r.status_code == 200, r.text
    return fid


async def _accepted(client: AsyncClient, tenant: Tenant, text: str) -> tuple[str, dict[str, Any]]:
    """Starts a FlowPilot session with this intake and follows the proposed flow."""
    fid = await _flow(client, tenant)
    r = await client.post(
        f"{API}/sessions",
        headers=tenant.engineer.headers,
        json={"title": "Charging", "mode": "pilot", "intake": {"text": text}},
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert created["matched_flow"]["id"] == fid
    step = created["pilot_step"]
    r = await client.post(
        f"{API}/sessions/{created['id']}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "Follow this flow"},
    )
    assert r.status_code == 200, r.text
    return str(created["id"]), r.json()["pilot_step"]


async def _state(client: AsyncClient, tenant: Tenant, sid: str) -> dict[str, Any]:
    r = await client.get(f"{API}/sessions/{sid}/pilot", headers=tenant.engineer.headers)
    assert r.status_code == 200, r.text
    return dict(r.json())


async def _skipped(client: AsyncClient, tenant: Tenant, sid: str) -> list[dict[str, Any]]:
    """The session's FlowPilot steps answered from the intake, in order."""
    return [s for s in (await _state(client, tenant, sid))["steps"] if s["inferred"]]


async def test_an_intake_that_answers_two_questions_starts_at_the_third(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid, step = await _accepted(client, tenant, BOTH)
    assert step["purpose"] == "flow_node"
    assert step["text"].startswith("Does the laptop run on battery")

    state = await _state(client, tenant, sid)
    skipped = [s for s in state["steps"] if s["inferred"]]
    assert [(s["text"].split("\n")[0], s["answer"]["option"]) for s in skipped] == [
        ("Is the adapter plugged into the wall?", "Yes"),
        ("Does the charging light come on?", "Yes"),
    ]
    assert all(s["status"] == "answered" for s in skipped)
    assert "plugged into the wall" in skipped[0]["inferred"]["evidence"]
    assert "charging light comes on" in skipped[1]["inferred"]["evidence"]

    # Real answers on the flow's timeline, marked as inferred from the intake.
    session = (await client.get(f"{API}/sessions/{sid}", headers=tenant.engineer.headers)).json()
    assert session["current_step"]["node_id"] == "battery"
    answers = [e["payload"] for e in session["timeline"] if e["type"] == "answer"]
    assert [(a["node_id"], a["answer"], a.get("inferred_from_intake")) for a in answers] == [
        ("plugged", "Yes", True),
        ("light", "Yes", True),
    ]
    # The session's note says where those answers came from.
    r = await client.get(
        f"{API}/sessions/{sid}/documentation",
        params={"intent": "preview", "format": "markdown"},
        headers=tenant.engineer.headers,
    )
    assert r.status_code == 200, r.text
    assert "Is the adapter plugged into the wall? → **Yes** (from the intake)" in r.text


async def test_a_question_implied_by_a_later_answer_is_skipped_and_says_which(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    # Nothing said about the adapter; the charging light is only asked about once it is in.
    sid, step = await _accepted(client, tenant, IMPLIED)
    assert step["text"].startswith("Does the laptop run on battery")
    skipped = await _skipped(client, tenant, sid)
    assert [
        (s["text"].split("\n")[0], s["answer"]["option"], s["inferred"]["via"]) for s in skipped
    ] == [
        ("Is the adapter plugged into the wall?", "Yes", "Does the charging light come on?"),
        ("Does the charging light come on?", "Yes", None),
    ]
    assert all("charging light comes on" in s["inferred"]["evidence"] for s in skipped)


async def test_a_negated_intake_picks_the_negative_answer(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid, step = await _accepted(client, tenant, NEGATED)
    assert step["text"].startswith("Does the wall socket power a lamp")
    assert [(s["text"], s["answer"]["option"]) for s in await _skipped(client, tenant, sid)] == [
        ("Is the adapter plugged into the wall?", "No")
    ]


async def test_an_ambiguous_intake_skips_nothing(client: AsyncClient, factory: Factory) -> None:
    tenant = await factory.tenant()
    sid, step = await _accepted(client, tenant, AMBIGUOUS)
    assert step["text"].startswith("Is the adapter plugged into the wall")
    state = await _state(client, tenant, sid)
    assert not [s for s in state["steps"] if s["inferred"]]


async def test_going_back_to_a_skipped_question_asks_it_again_and_undoes_what_followed(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid, open_step = await _accepted(client, tenant, BOTH)
    first = (await _skipped(client, tenant, sid))[0]

    r = await client.post(
        f"{API}/sessions/{sid}/pilot/steps/{first['id']}/revisit", headers=tenant.engineer.headers
    )
    assert r.status_code == 200, r.text
    step = r.json()["pilot_step"]
    assert step["text"] == "Is the adapter plugged into the wall?"
    assert step["options"] == ["Yes", "No"] and step["inferred"] is None

    state = await _state(client, tenant, sid)
    by_id = {s["id"]: s for s in state["steps"]}
    assert by_id[first["id"]]["status"] == "undone"
    assert by_id[open_step["id"]]["status"] == "superseded"
    session = (await client.get(f"{API}/sessions/{sid}", headers=tenant.engineer.headers)).json()
    assert session["current_step"]["node_id"] == "plugged"
    kinds = [e["type"] for e in session["timeline"]]
    assert kinds.count("went_back") == 2 and "pilot_went_back" in kinds

    # Answered by hand now, the other way: the flow follows the engineer's answer.
    r = await client.post(
        f"{API}/sessions/{sid}/pilot/steps/{step['id']}/answer",
        headers=tenant.engineer.headers,
        json={"option": "No"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["pilot_step"]["text"].startswith("Does the wall socket power a lamp")

    # The undone step cannot be gone back to again (the flow is not past it any more).
    r = await client.post(
        f"{API}/sessions/{sid}/pilot/steps/{first['id']}/revisit", headers=tenant.engineer.headers
    )
    assert_problem(r, 409)


async def test_going_back_is_for_engineers_on_this_session(
    client: AsyncClient, factory: Factory
) -> None:
    tenant = await factory.tenant()
    sid, _ = await _accepted(client, tenant, BOTH)
    first = (await _skipped(client, tenant, sid))[0]
    url = f"{API}/sessions/{sid}/pilot/steps/{first['id']}/revisit"
    assert_problem(await client.post(url, headers=tenant.viewer.headers), 403)
    other = await factory.tenant()
    assert_problem(await client.post(url, headers=other.engineer.headers), 404)


def test_the_reader_stops_at_the_first_question_it_is_unsure_of() -> None:
    graph = {"nodes": FLOW["nodes"], "edges": FLOW["edges"]}
    said = intake_facts.walk(graph, "plugged", BOTH)
    assert [(x.node_id, x.answer) for x in said] == [("plugged", "Yes"), ("light", "Yes")]
    # Said both ways: not an answer.
    both_ways = "The adapter is plugged into the wall. The adapter is not plugged into the wall."
    assert intake_facts.walk(graph, "plugged", both_ways) == []
    # The condition is not the answer: the light is.
    lit = "When the adapter is plugged into the wall, the charging light won't come on."
    assert [(x.node_id, x.answer) for x in intake_facts.walk(graph, "light", lit)] == [
        ("light", "No")
    ]


def test_a_question_with_named_answers_is_answered_by_the_one_the_intake_names() -> None:
    graph = {
        "nodes": [
            {"id": "scope", "type": "question", "title": "Is it one device or the whole site?"},
            {"id": "one", "type": "resolution", "title": "Check the device", "outcome": "resolved"},
            {"id": "all", "type": "resolution", "title": "Check the server", "outcome": "resolved"},
        ],
        "edges": [
            {"source": "scope", "target": "one", "label": "One device"},
            {"source": "scope", "target": "all", "label": "The whole site"},
        ],
    }

    def said(text: str) -> list[tuple[str, str]]:
        return [(x.node_id, x.answer) for x in intake_facts.walk(graph, "scope", text)]

    assert said("Every PC on the whole site fails to resolve names.") == [
        ("scope", "The whole site")
    ]
    assert said("Only one device, LT-114, can't resolve names.") == [("scope", "One device")]
    assert said("Not the whole site: reception only.") == []
    assert said("One device at first, and now the whole site.") == []


def test_a_later_question_the_intake_answers_implies_the_branch_that_leads_to_it() -> None:
    graph = {"nodes": FLOW["nodes"], "edges": FLOW["edges"]}
    said = intake_facts.walk(graph, "plugged", "The charging light won't come on.")
    assert [(x.node_id, x.answer, x.via) for x in said] == [
        ("plugged", "Yes", "Does the charging light come on?"),
        ("light", "No", None),
    ]
    # A question both branches lead to says nothing about which one was taken.
    rejoined = {
        "nodes": FLOW["nodes"],
        "edges": [*FLOW["edges"], {"source": "socket", "target": "light", "label": "Maybe"}],
    }
    assert intake_facts.walk(rejoined, "plugged", "The charging light won't come on.") == []


def test_only_a_question_a_few_steps_down_implies_anything() -> None:
    def chain(between: int) -> dict[str, Any]:
        """`between` unanswered questions from the start down to the charging light."""
        asks = [f"Is switch {chr(65 + i)} set to ten?" for i in range(between)]
        ids = [f"q{i}" for i in range(between)] + ["light"]
        nodes: list[dict[str, Any]] = [
            {"id": i, "type": "question", "title": t} for i, t in zip(ids, asks, strict=False)
        ]
        nodes += [
            {"id": "light", "type": "question", "title": "Does the charging light come on?"},
            {"id": "end", "type": "resolution", "title": "Done", "outcome": "resolved"},
        ]
        edges = [{"source": a, "target": b, "label": "Yes"} for a, b in itertools.pairwise(ids)]
        edges += [{"source": i, "target": "end", "label": "No"} for i in ids]
        edges += [{"source": "light", "target": "end", "label": "Yes"}]
        return {"nodes": nodes, "edges": edges}

    def skipped(graph: dict[str, Any]) -> list[str]:
        return [x.node_id for x in intake_facts.walk(graph, "q0", "The charging light is on.")]

    near = intake_facts.LOOK_AHEAD  # the light is LOOK_AHEAD steps below the start
    assert skipped(chain(near)) == [f"q{i}" for i in range(near)] + ["light"]
    assert skipped(chain(near + 1)) == []
