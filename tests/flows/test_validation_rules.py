"""The publish rules (DESIGN.md §5) as the pure `validate()` function: each rule alone reports
exactly its own problem, tied to the node or edge it concerns; many broken rules report all."""

from __future__ import annotations

import copy
import uuid
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import Problem, PublishedFlows, errors_only, validate

# q --Yes--> fixed ; q --No--> act --> escalate
BASE: dict[str, Any] = {
    "format": "resolutionflow.flow/1",
    "title": "Printer offline",
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Does it ping?"},
        {"id": "act", "type": "action", "title": "Power-cycle the printer"},
        {"id": "fixed", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        {"id": "esc", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "fixed", "label": "Yes"},
        {"source": "q", "target": "act", "label": "No"},
        {"source": "act", "target": "esc", "label": ""},
    ],
}


def graph(
    *,
    add_nodes: list[dict[str, Any]] | None = None,
    add_edges: list[dict[str, Any]] | None = None,
    drop_edges: set[tuple[str, str]] | None = None,
    patch: dict[str, dict[str, Any]] | None = None,
    **top: Any,
) -> FlowDocument:
    data = copy.deepcopy(BASE)
    data["nodes"] += add_nodes or []
    data["edges"] = [
        e for e in data["edges"] if (e["source"], e["target"]) not in (drop_edges or set())
    ] + (add_edges or [])
    for node in data["nodes"]:
        node.update((patch or {}).get(node["id"], {}))
    data.update(top)
    return FlowDocument.model_validate(data)


def edge(source: str, target: str, label: str = "") -> dict[str, str]:
    return {"source": source, "target": target, "label": label}


def only(problems: list[Problem], code: str) -> list[Problem]:
    """Every problem has this code (and there is at least one)."""
    assert problems, f"expected {code}, got no problems"
    assert {p.code for p in problems} == {code}, [p.model_dump() for p in problems]
    return problems


def test_the_base_graph_is_valid() -> None:
    assert validate(graph()) == []


def test_a_valid_graph_using_every_node_type_has_no_problems() -> None:
    sub = uuid.uuid4()
    published = PublishedFlows(subflows={sub: frozenset()}, titles={sub: "Repair Office"})
    doc = graph(
        add_nodes=[
            {"id": "c", "type": "checklist", "title": "Pre-flight", "items": ["Backup PST"]},
            {"id": "i", "type": "input", "title": "Error code?", "variable": "error_code"},
            {"id": "s", "type": "subflow", "title": "Repair Office", "flow_id": str(sub)},
            {
                "id": "r",
                "type": "resolution",
                "title": "Code {{error_code}}",
                "outcome": "unresolved",
            },
        ],
        add_edges=[edge("act", "c"), edge("c", "i"), edge("i", "s"), edge("s", "r")],
        drop_edges={("act", "esc")},
    )
    doc.nodes = [n for n in doc.nodes if n.id != "esc"]
    assert validate(doc, published, uuid.uuid4()) == []


def test_an_empty_flow_reports_only_empty() -> None:
    problems = validate(FlowDocument(title="Nothing yet"))
    [p] = only(problems, "empty")
    assert p.node_id is None and p.severity == "error"


def test_a_repeated_node_id_is_reported_once_with_that_id() -> None:
    problems = validate(
        graph(
            add_nodes=[
                {"id": "fixed", "type": "resolution", "title": "Fixed again", "outcome": "resolved"}
            ]
        )
    )
    [p] = only(problems, "duplicate_id")
    assert p.node_id == "fixed"


def test_no_start_node_is_start_missing() -> None:
    [p] = only(validate(graph(start=None)), "start_missing")
    assert p.node_id is None


def test_a_start_that_names_no_node_is_start_unknown_naming_that_id() -> None:
    [p] = only(validate(graph(start="nowhere")), "start_unknown")
    assert p.node_id == "nowhere"


def test_an_edge_from_a_missing_node_is_edge_source_unknown() -> None:
    [p] = only(validate(graph(add_edges=[edge("ghost", "esc")])), "edge_source_unknown")
    assert p.edge is not None and (p.edge.source, p.edge.target) == ("ghost", "esc")
    assert p.node_id == "esc"


def test_an_edge_to_a_missing_node_is_edge_target_unknown() -> None:
    [p] = only(validate(graph(add_edges=[edge("q", "ghost", "Maybe")])), "edge_target_unknown")
    assert p.edge is not None
    assert (p.edge.source, p.edge.target, p.edge.label) == ("q", "ghost", "Maybe")
    assert p.node_id == "q"


def test_a_broken_connection_is_reported_once_without_knock_on_problems() -> None:
    # The dangling connection still counts as the answer / next step the author meant: no
    # "too few answers" for the question, no "no way out" for the action.
    question = graph(drop_edges={("q", "act"), ("act", "esc")}, add_edges=[edge("q", "gone", "No")])
    question.nodes = [n for n in question.nodes if n.id not in {"act", "esc"}]
    [p] = only(validate(question), "edge_target_unknown")
    assert p.node_id == "q"

    action = graph(drop_edges={("act", "esc")}, add_edges=[edge("act", "missing")])
    action.nodes = [n for n in action.nodes if n.id != "esc"]
    [p] = only(validate(action), "edge_target_unknown")
    assert p.node_id == "act"


def test_a_node_not_reachable_from_the_start_is_unreachable() -> None:
    doc = graph(
        add_nodes=[{"id": "lost", "type": "resolution", "title": "Lost", "outcome": "resolved"}]
    )
    [p] = only(validate(doc), "unreachable")
    assert p.node_id == "lost"


def test_a_question_with_one_answer_is_a_confirm_step_warning_not_an_error() -> None:
    doc = graph(drop_edges={("q", "fixed")})
    doc.nodes = [n for n in doc.nodes if n.id != "fixed"]
    [p] = only(validate(doc), "question_single_answer")
    assert p.node_id == "q" and p.severity == "warning"
    assert "confirm step" in p.message
    assert errors_only(validate(doc)) == []


def test_a_confirm_steps_answer_may_have_no_label() -> None:
    doc = graph(drop_edges={("q", "fixed")}, add_edges=[edge("q", "fixed", "")])
    doc.edges = [e for e in doc.edges if not (e.source == "q" and e.target == "act")]
    doc.nodes = [n for n in doc.nodes if n.id not in {"act", "esc"}]
    doc.edges = [e for e in doc.edges if e.source != "act"]
    assert [p.code for p in validate(doc)] == ["question_single_answer"]


def test_a_question_with_no_answer_has_no_way_out_once() -> None:
    doc = graph(drop_edges={("q", "fixed"), ("q", "act")})
    doc.nodes = [n for n in doc.nodes if n.id == "q"] + [
        n for n in doc.nodes if n.type == "resolution"
    ]
    doc.edges = []
    codes = [p.code for p in validate(doc) if p.node_id == "q"]
    assert codes == ["no_way_out"]


def test_a_question_answer_without_a_label_is_answer_label_missing_on_that_edge() -> None:
    doc = graph(drop_edges={("q", "fixed")}, add_edges=[edge("q", "fixed", "   ")])
    [p] = only(validate(doc), "answer_label_missing")
    assert p.node_id == "q"
    assert p.edge is not None and (p.edge.source, p.edge.target) == ("q", "fixed")


def test_answer_labels_repeated_ignoring_case_and_whitespace_are_reported() -> None:
    doc = graph(drop_edges={("q", "act")}, add_edges=[edge("q", "act", "  yES ")])
    [p] = only(validate(doc), "answer_label_repeated")
    assert p.node_id == "q"
    assert "yes" in p.message


def test_a_resolution_that_leads_somewhere_has_a_way_out() -> None:
    [p] = only(validate(graph(add_edges=[edge("fixed", "esc")])), "resolution_has_way_out")
    assert p.node_id == "fixed"


def test_a_resolution_without_outcome_is_outcome_missing() -> None:
    [p] = only(validate(graph(patch={"esc": {"outcome": None}})), "outcome_missing")
    assert p.node_id == "esc"


def test_a_dead_end_action_reports_only_no_way_out() -> None:
    # `esc` stays reachable through a second question answer so only `act` is at fault.
    doc = graph(drop_edges={("act", "esc")}, add_edges=[edge("q", "esc", "Not sure")])
    [p] = only(validate(doc), "no_way_out")
    assert p.node_id == "act"


SINGLE_EXIT_NODES = {
    "action": {"type": "action", "title": "Reset"},
    "checklist": {"type": "checklist", "title": "Checks", "items": ["Cable"]},
    "input": {"type": "input", "title": "Code?", "variable": "code"},
    "subflow": {"type": "subflow", "title": "Repair", "flow_id": None},
}


def test_single_exit_steps_with_two_next_steps_are_too_many_ways_out() -> None:
    sub = uuid.uuid4()
    published = PublishedFlows(subflows={sub: frozenset()}, titles={sub: "Repair"})
    for node_type, fields in SINGLE_EXIT_NODES.items():
        node = {"id": "x", **fields}
        if node_type == "subflow":
            node["flow_id"] = str(sub)
        doc = graph(
            add_nodes=[node],
            drop_edges={("q", "act")},
            add_edges=[edge("q", "x", "No"), edge("x", "act"), edge("x", "fixed")],
        )
        [p] = only(validate(doc, published, uuid.uuid4()), "too_many_ways_out")
        assert p.node_id == "x", node_type
        assert node_type in p.message


def test_a_cycle_with_no_exit_cannot_reach_a_resolution() -> None:
    doc = graph(
        add_nodes=[{"id": "loop", "type": "action", "title": "Try again"}],
        drop_edges={("act", "esc")},
        add_edges=[edge("act", "loop"), edge("loop", "act"), edge("q", "esc", "Give up")],
    )
    problems = only(validate(doc), "cannot_reach_resolution")
    assert {p.node_id for p in problems} == {"act", "loop"}


def test_a_flow_without_any_resolution_is_no_resolution() -> None:
    doc = FlowDocument.model_validate(
        {
            "title": "Forever",
            "start": "a",
            "nodes": [
                {"id": "a", "type": "action", "title": "A"},
                {"id": "b", "type": "action", "title": "B"},
            ],
            "edges": [edge("a", "b"), edge("b", "a")],
        }
    )
    [p] = only(validate(doc), "no_resolution")
    assert p.node_id is None


def test_a_node_with_a_blank_title_is_title_missing() -> None:
    [p] = only(validate(graph(patch={"act": {"title": "   "}})), "title_missing")
    assert p.node_id == "act"


def test_a_checklist_without_items_is_checklist_empty() -> None:
    for items in (None, [], ["  ", ""]):
        doc = graph(
            add_nodes=[{"id": "c", "type": "checklist", "title": "Checks", "items": items}],
            drop_edges={("act", "esc")},
            add_edges=[edge("act", "c"), edge("c", "esc")],
        )
        [p] = only(validate(doc), "checklist_empty")
        assert p.node_id == "c", items


def _input(variable: str | None) -> FlowDocument:
    return graph(
        add_nodes=[{"id": "in", "type": "input", "title": "Error code?", "variable": variable}],
        drop_edges={("act", "esc")},
        add_edges=[edge("act", "in"), edge("in", "esc")],
    )


def test_an_input_without_variable_is_variable_missing() -> None:
    for variable in (None, ""):
        [p] = only(validate(_input(variable)), "variable_missing")
        assert p.node_id == "in"


def test_an_input_with_a_bad_variable_name_is_variable_invalid() -> None:
    for variable in ("1code", "error code", "code-x", "_x"):
        [p] = only(validate(_input(variable)), "variable_invalid")
        assert p.node_id == "in", variable


def _subflow(flow_id: uuid.UUID | None) -> FlowDocument:
    return graph(
        add_nodes=[{"id": "sub", "type": "subflow", "title": "Repair Office", "flow_id": flow_id}],
        drop_edges={("act", "esc")},
        add_edges=[edge("act", "sub"), edge("sub", "esc")],
    )


def test_a_subflow_without_a_flow_is_subflow_missing() -> None:
    [p] = only(validate(_subflow(None), PublishedFlows(), uuid.uuid4()), "subflow_missing")
    assert p.node_id == "sub"


def test_a_subflow_naming_no_published_flow_is_subflow_unknown() -> None:
    other = uuid.uuid4()
    published = PublishedFlows(subflows={other: frozenset()})
    [p] = only(validate(_subflow(uuid.uuid4()), published, uuid.uuid4()), "subflow_unknown")
    assert p.node_id == "sub"


def test_a_subflow_naming_a_published_flow_is_fine() -> None:
    target = uuid.uuid4()
    published = PublishedFlows(subflows={target: frozenset()}, titles={target: "Repair"})
    assert validate(_subflow(target), published, uuid.uuid4()) == []


def test_a_flow_running_itself_as_subflow_is_subflow_cycle() -> None:
    me = uuid.uuid4()
    published = PublishedFlows(subflows={me: frozenset()})
    [p] = only(validate(_subflow(me), published, me), "subflow_cycle")
    assert p.node_id == "sub"


def test_a_subflow_that_runs_this_flow_back_is_subflow_cycle() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    published = PublishedFlows(subflows={b: frozenset({a})}, titles={b: "Reset password"})
    [p] = only(validate(_subflow(b), published, a), "subflow_cycle")
    assert p.node_id == "sub"
    assert "Reset password" in p.message


def test_a_longer_subflow_loop_names_the_chain() -> None:
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    published = PublishedFlows(
        subflows={b: frozenset({c}), c: frozenset({a})},
        titles={b: "Bravo flow", c: "Charlie flow"},
    )
    [p] = only(validate(_subflow(b), published, a), "subflow_cycle")
    assert p.node_id == "sub"
    assert "Bravo flow → Charlie flow" in p.message


def test_a_subflow_chain_without_a_loop_is_fine() -> None:
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    published = PublishedFlows(subflows={b: frozenset({c}), c: frozenset()})
    assert validate(_subflow(b), published, a) == []


def test_an_unknown_placeholder_is_only_a_warning() -> None:
    doc = graph(patch={"act": {"body": "Tell them code {{ error_code }}."}})
    [p] = only(validate(doc), "variable_unknown")
    assert p.severity == "warning" and p.node_id == "act"
    assert errors_only([p]) == []


def test_a_placeholder_captured_by_an_input_is_fine() -> None:
    doc = graph(
        add_nodes=[{"id": "in", "type": "input", "title": "Code?", "variable": "error_code"}],
        drop_edges={("q", "act")},
        add_edges=[edge("q", "in", "No"), edge("in", "act")],
        patch={"act": {"body": "Look up {{error_code}}", "title": "Code {{ error_code }}"}},
    )
    assert validate(doc) == []


def test_a_graph_breaking_many_rules_reports_every_one() -> None:
    me, unknown = uuid.uuid4(), uuid.uuid4()
    doc = FlowDocument.model_validate(
        {
            "title": "Everything wrong",
            "start": "q",
            "nodes": [
                {"id": "q", "type": "question", "title": "Start?"},
                {"id": "q2", "type": "question", "title": "Again?"},
                {"id": "dup", "type": "action", "title": "Dup one"},
                {"id": "dup", "type": "action", "title": "Dup two"},
                {"id": "r1", "type": "resolution", "title": "Done"},
                {"id": "r2", "type": "resolution", "title": "Fine", "outcome": "resolved"},
                {"id": "a1", "type": "action", "title": ""},
                {"id": "c1", "type": "checklist", "title": "Check", "items": []},
                {"id": "i1", "type": "input", "title": "Ask"},
                {"id": "i2", "type": "input", "title": "Ask 2", "variable": "9bad"},
                {"id": "s1", "type": "subflow", "title": "Sub none"},
                {"id": "s2", "type": "subflow", "title": "Sub unknown", "flow_id": str(unknown)},
                {"id": "s3", "type": "subflow", "title": "Sub self", "flow_id": str(me)},
                {"id": "x1", "type": "action", "title": "Loop 1", "body": "Say {{nope}}"},
                {"id": "x2", "type": "action", "title": "Loop 2"},
                {"id": "orphan", "type": "action", "title": "Orphan"},
            ],
            "edges": [
                edge("q", "q2", "Go"),
                edge("q2", "a1", "Yes"),
                edge("q2", "c1", " yes"),
                edge("q2", "x1", ""),
                edge("q2", "ghost", "Maybe"),
                edge("a1", "i1"),
                edge("a1", "i2"),
                edge("i1", "s1"),
                edge("s1", "s2"),
                edge("i2", "s2"),
                edge("s2", "s3"),
                edge("s3", "dup"),
                edge("dup", "r1"),
                edge("r1", "r2"),
                edge("c1", "r2"),
                edge("x1", "x2"),
                edge("x2", "x1"),
                edge("ghost2", "r2"),
            ],
        }
    )
    problems = validate(doc, PublishedFlows(), me)
    by_code: dict[str, set[str | None]] = {}
    for p in problems:
        by_code.setdefault(p.code, set()).add(p.node_id)
    assert by_code == {
        "duplicate_id": {"dup"},
        "question_single_answer": {"q"},
        "edge_target_unknown": {"q2"},
        "edge_source_unknown": {"r2"},
        "answer_label_repeated": {"q2"},
        "answer_label_missing": {"q2"},
        "too_many_ways_out": {"a1"},
        "title_missing": {"a1"},
        "checklist_empty": {"c1"},
        "variable_missing": {"i1"},
        "variable_invalid": {"i2"},
        "subflow_missing": {"s1"},
        "subflow_unknown": {"s2"},
        "subflow_cycle": {"s3"},
        "outcome_missing": {"r1"},
        "resolution_has_way_out": {"r1"},
        "cannot_reach_resolution": {"x1", "x2"},
        "unreachable": {"orphan"},
        "no_way_out": {"orphan"},
        "variable_unknown": {"x1"},
    }
    assert {p.code for p in problems if p.severity == "warning"} == {
        "question_single_answer",
        "variable_unknown",
    }


def test_a_bad_start_and_no_resolution_are_reported_together() -> None:
    doc = FlowDocument.model_validate(
        {
            "title": "Nowhere",
            "start": "gone",
            "nodes": [
                {"id": "a", "type": "action", "title": "A"},
                {"id": "b", "type": "action", "title": "B"},
            ],
            "edges": [edge("a", "b")],
        }
    )
    assert {(p.code, p.node_id) for p in validate(doc)} == {
        ("start_unknown", "gone"),
        ("no_way_out", "b"),
        ("no_resolution", None),
    }


# --- property: never raises, problems point at real ids ----------------------------------

IDS = ["a", "b", "c", "d", "e"]
GHOSTS = ["ghost", "zz"]
KNOWN_FLOWS = [uuid.UUID(int=i) for i in range(1, 4)]

node_strategy = st.fixed_dictionaries(
    {
        "id": st.sampled_from(IDS),
        "type": st.sampled_from(
            ["question", "action", "checklist", "input", "resolution", "subflow"]
        ),
        "title": st.sampled_from(["", "  ", "Step", "Uses {{v}}"]),
    },
    optional={
        "items": st.lists(st.sampled_from(["", "Cable", " "]), max_size=3),
        "variable": st.sampled_from(["", "v", "9x", "code"]),
        "outcome": st.sampled_from(["resolved", "unresolved", "escalate"]),
        "flow_id": st.sampled_from([str(f) for f in KNOWN_FLOWS] + [str(uuid.UUID(int=99))]),
    },
)
edge_strategy = st.builds(
    edge,
    st.sampled_from(IDS + GHOSTS),
    st.sampled_from(IDS + GHOSTS),
    st.sampled_from(["", "Yes", "yes ", "No"]),
)
published_strategy = st.builds(
    lambda links: PublishedFlows(
        subflows={f: frozenset(t for s, t in links if s == f) for f in KNOWN_FLOWS},
        titles={f: f"Flow {f.int}" for f in KNOWN_FLOWS},
    ),
    st.lists(st.tuples(st.sampled_from(KNOWN_FLOWS), st.sampled_from(KNOWN_FLOWS)), max_size=4),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    nodes=st.lists(node_strategy, max_size=7),
    edges=st.lists(edge_strategy, max_size=10),
    start=st.one_of(st.none(), st.sampled_from(IDS + GHOSTS)),
    published=published_strategy,
    flow_id=st.one_of(st.none(), st.sampled_from(KNOWN_FLOWS)),
)
def test_validate_never_raises_and_problems_point_at_real_or_referenced_ids(
    nodes: list[dict[str, Any]],
    edges: list[dict[str, str]],
    start: str | None,
    published: PublishedFlows,
    flow_id: uuid.UUID | None,
) -> None:
    doc = FlowDocument.model_validate(
        {"title": "Random", "start": start, "nodes": nodes, "edges": edges}
    )
    problems = validate(doc, published, flow_id)
    node_ids = {n["id"] for n in nodes}
    allowed = node_ids | ({start} if start else set())
    edge_keys = {(e["source"], e["target"], e["label"]) for e in edges}
    for p in problems:
        assert isinstance(p, Problem)
        assert p.severity in ("error", "warning")
        if p.node_id is not None:
            assert p.node_id in allowed, p
        if p.edge is not None:
            assert (p.edge.source, p.edge.target, p.edge.label) in edge_keys, p
    if not nodes:
        assert [p.code for p in problems] == ["empty"]
    # Publishing would be refused exactly when there is an error.
    assert bool(errors_only(problems)) == any(p.severity == "error" for p in problems)
