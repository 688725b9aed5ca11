"""The structural diff between two graphs (`flows.diff.diff`)."""

from __future__ import annotations

import copy
from typing import Any

from resolutionflow.flows.diff import diff
from resolutionflow.flows.document import FlowDocument

OLD: dict[str, Any] = {
    "title": "Printer offline",
    "kind": "troubleshooting",
    "description": "When a printer shows offline",
    "category": "Printing",
    "tags": ["printer"],
    "start": "q",
    "nodes": [
        {"id": "q", "type": "question", "title": "Does it ping?", "position": {"x": 0, "y": 0}},
        {"id": "act", "type": "action", "title": "Power-cycle", "body": "Hold the button."},
        {"id": "ok", "type": "resolution", "title": "Fixed", "outcome": "resolved"},
        {"id": "esc", "type": "resolution", "title": "Escalate", "outcome": "escalate"},
    ],
    "edges": [
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "act", "label": "No"},
        {"source": "act", "target": "esc", "label": ""},
    ],
}


def doc(data: dict[str, Any]) -> FlowDocument:
    return FlowDocument.model_validate(data)


def changed(**top: Any) -> dict[str, Any]:
    data = copy.deepcopy(OLD)
    data.update(top)
    return data


def node(data: dict[str, Any], node_id: str) -> dict[str, Any]:
    return next(n for n in data["nodes"] if n["id"] == node_id)


def edges(refs: list[Any]) -> list[tuple[str, str, str]]:
    return [(e.source, e.target, e.label) for e in refs]


def test_identical_graphs_have_no_differences() -> None:
    result = diff(doc(OLD), doc(copy.deepcopy(OLD)))
    assert result.model_dump() == {
        "nodes": {"added": [], "removed": [], "changed": []},
        "edges": {"added": [], "removed": [], "changed": []},
        "fields": [],
    }


def test_nodes_added_removed_and_changed_are_listed_by_id() -> None:
    new = copy.deepcopy(OLD)
    new["nodes"] = [n for n in new["nodes"] if n["id"] != "esc"]
    new["nodes"].append(
        {"id": "call", "type": "resolution", "title": "Call vendor", "outcome": "escalate"}
    )
    node(new, "act")["body"] = "Hold the button for ten seconds."
    new["edges"][2]["target"] = "call"
    result = diff(doc(OLD), doc(new))
    assert result.nodes.added == ["call"]
    assert result.nodes.removed == ["esc"]
    assert result.nodes.changed == ["act"]


def test_any_field_other_than_position_is_a_change() -> None:
    for node_id, field, value in [
        ("q", "title", "Does it answer a ping?"),
        ("act", "type", "checklist"),
        ("ok", "outcome", "unresolved"),
        ("act", "items", ["Cable"]),
    ]:
        new = copy.deepcopy(OLD)
        node(new, node_id)[field] = value
        assert diff(doc(OLD), doc(new)).nodes.changed == [node_id], field


def test_moving_nodes_on_the_canvas_is_not_a_change() -> None:
    new = copy.deepcopy(OLD)
    node(new, "q")["position"] = {"x": 400, "y": -120.5}
    node(new, "act")["position"] = {"x": 10, "y": 10}
    result = diff(doc(OLD), doc(new))
    assert result.nodes.changed == [] and result.nodes.added == [] and result.nodes.removed == []
    assert result.fields == []


def test_a_new_label_on_the_same_connection_is_a_changed_edge() -> None:
    new = copy.deepcopy(OLD)
    new["edges"][0]["label"] = "Yes, it pings"
    result = diff(doc(OLD), doc(new))
    assert edges(result.edges.changed) == [("q", "ok", "Yes, it pings")]
    assert result.edges.added == [] and result.edges.removed == []
    assert result.nodes.changed == []


def test_edges_added_and_removed() -> None:
    new = copy.deepcopy(OLD)
    new["edges"] = [e for e in new["edges"] if "act" not in (e["source"], e["target"])]
    new["edges"].append({"source": "q", "target": "esc", "label": "No"})
    result = diff(doc(OLD), doc(new))
    assert edges(result.edges.added) == [("q", "esc", "No")]
    assert sorted(edges(result.edges.removed)) == [("act", "esc", ""), ("q", "act", "No")]
    assert result.edges.changed == []


def test_parallel_edges_between_one_pair_are_matched_by_label() -> None:
    old = copy.deepcopy(OLD)
    old["edges"].append({"source": "q", "target": "ok", "label": "Sometimes"})
    # Same pair, one label kept, one relabelled, one more added.
    new = copy.deepcopy(old)
    new["edges"] = [e for e in new["edges"] if (e["source"], e["target"]) != ("q", "ok")]
    new["edges"] += [
        {"source": "q", "target": "ok", "label": "Usually"},
        {"source": "q", "target": "ok", "label": "Yes"},
        {"source": "q", "target": "ok", "label": "Always"},
    ]
    result = diff(doc(old), doc(new))
    assert edges(result.edges.changed) == [("q", "ok", "Usually")]
    assert edges(result.edges.added) == [("q", "ok", "Always")]
    assert result.edges.removed == []

    back = diff(doc(new), doc(old))
    assert edges(back.edges.changed) == [("q", "ok", "Sometimes")]
    assert edges(back.edges.removed) == [("q", "ok", "Always")]
    assert back.edges.added == []


def test_reordering_parallel_edges_is_no_change() -> None:
    old = copy.deepcopy(OLD)
    old["edges"].append({"source": "q", "target": "ok", "label": "Sometimes"})
    new = copy.deepcopy(old)
    new["edges"].reverse()
    result = diff(doc(old), doc(new))
    assert result.edges.model_dump() == {"added": [], "removed": [], "changed": []}


def test_a_second_identical_parallel_edge_is_an_added_edge() -> None:
    # Drafts may hold an accidental double connection; the diff must list it, not crash.
    new = copy.deepcopy(OLD)
    new["edges"].append({"source": "q", "target": "ok", "label": "Yes"})
    result = diff(doc(OLD), doc(new))
    assert edges(result.edges.added) == [("q", "ok", "Yes")]
    assert result.edges.removed == [] and result.edges.changed == []

    back = diff(doc(new), doc(OLD))
    assert edges(back.edges.removed) == [("q", "ok", "Yes")]
    assert back.edges.added == [] and back.edges.changed == []


def test_flow_level_fields_that_differ_are_listed() -> None:
    new = changed(
        title="Printer shows offline",
        description="Other text",
        kind="procedural",
        category="Hardware",
        tags=["printer", "network"],
        start="act",
    )
    assert diff(doc(OLD), doc(new)).fields == [
        "title",
        "description",
        "kind",
        "category",
        "tags",
        "start",
    ]
    assert diff(doc(OLD), doc(changed(category="Hardware"))).fields == ["category"]
