"""The demo flow library (src/resolutionflow/demo_flows): every file imports and publishes
cleanly, and together they cover the topics and node types the demo promises."""

from __future__ import annotations

import json
import re
from collections import defaultdict, deque
from pathlib import Path

import pytest

from resolutionflow.demo_flows import load_demo_flows
from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.io import dump_document, parse_document
from resolutionflow.flows.validation import PLACEHOLDER, validate

FOLDER = Path(__file__).resolve().parents[2] / "src" / "resolutionflow" / "demo_flows"
FILES = sorted(FOLDER.glob("*.rfflow.json"))

# topic -> (title pattern, category, kind)
TOPICS = {
    "outlook": (r"outlook", "Email", "troubleshooting"),
    "vpn": (r"\bvpn\b", "Network", "troubleshooting"),
    "printer": (r"printer", "Printing", "troubleshooting"),
    "mfa_password": (r"\bmfa\b.*password|password.*\bmfa\b", "Identity", "troubleshooting"),
    "slow_pc": (r"slow (pc|computer)", "Performance", "troubleshooting"),
    "licensing": (r"licen[cs]e", "Licensing", "troubleshooting"),
    "backup": (r"backup", "Backup", "troubleshooting"),
    "dns": (r"\bdns\b", "Network", "troubleshooting"),
    "wifi": (r"wi-?fi", "Network", "troubleshooting"),
    "onboarding": (r"onboarding", "Onboarding", "procedural"),
    "mailbox": (r"mailbox", "Email", "troubleshooting"),
    "patching": (r"patching", "Maintenance", "maintenance"),
}


def _docs() -> list[tuple[str, FlowDocument]]:
    return [(f.name, parse_document(f.read_bytes(), filename=f.name)) for f in FILES]


def _outgoing(doc: FlowDocument) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for edge in doc.edges:
        out[edge.source].append(edge.target)
    return out


def _reachable(doc: FlowDocument, start: str) -> set[str]:
    out, seen, queue = _outgoing(doc), {start}, deque([start])
    while queue:
        for nxt in out[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def test_library_has_at_least_twelve_files() -> None:
    assert len(FILES) >= 12
    for file in FILES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.rfflow\.json", file.name), file.name


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_each_flow_parses_and_publishes_cleanly(path: Path) -> None:
    doc = parse_document(path.read_bytes(), filename=path.name)
    assert 8 <= len(doc.nodes) <= 25
    problems = validate(doc)
    errors = [p for p in problems if p.severity == "error"]
    assert errors == [], [(p.code, p.node_id, p.message) for p in errors]
    # Not required for publishing, but the demo library should be warning-free too.
    assert problems == [], [(p.code, p.node_id, p.message) for p in problems]


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_each_flow_is_well_described(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    doc = parse_document(path.read_bytes(), filename=path.name)
    assert doc.description.strip() and doc.category.strip() and doc.title.strip()
    assert 2 <= len(doc.tags) <= 5
    assert all(tag == tag.lower() for tag in doc.tags)
    assert not any(n.type == "subflow" for n in doc.nodes)
    assert all("position" not in n for n in raw["nodes"]), "the editor lays flows out"
    types = {n.type for n in doc.nodes}
    assert len(types) >= 3, types
    # Runbook content: Markdown bodies with commands or settings in code spans/blocks.
    assert any("`" in n.body for n in doc.nodes)
    assert sum(1 for n in doc.nodes if n.body.strip()) >= len(doc.nodes) // 2
    for node in doc.nodes:
        if node.type == "question":
            labels = [e.label.strip().casefold() for e in doc.edges if e.source == node.id]
            assert len(labels) >= 2 and len(set(labels)) == len(labels), node.id


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_each_flow_reaches_a_resolution(path: Path) -> None:
    doc = parse_document(path.read_bytes(), filename=path.name)
    assert doc.start is not None
    seen = _reachable(doc, doc.start)
    assert any(n.type == "resolution" and n.id in seen for n in doc.nodes)


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_round_trip_is_lossless(path: Path) -> None:
    doc = parse_document(path.read_bytes(), filename=path.name)
    again = parse_document(json.dumps(doc.export()))
    assert again == doc
    assert parse_document(dump_document(doc)) == doc
    # The stored files are exactly what export produces (no hand-edited drift).
    assert json.loads(path.read_text(encoding="utf-8")) == doc.export()


def test_library_covers_the_promised_topics() -> None:
    docs = [doc for _, doc in _docs()]
    for topic, (pattern, category, kind) in TOPICS.items():
        matches = [d for d in docs if re.search(pattern, d.title, re.IGNORECASE)]
        assert matches, f"no flow for {topic}"
        assert any(d.category == category and d.kind == kind for d in matches), (
            topic,
            [(d.title, d.category, d.kind) for d in matches],
        )
    categories = {d.category for d in docs}
    assert {"Email", "Network", "Printing", "Identity", "Performance", "Licensing"} <= categories
    assert {"Backup", "Onboarding", "Maintenance"} <= categories


def test_library_uses_every_node_type_but_subflow_and_every_outcome() -> None:
    nodes = [n for _, doc in _docs() for n in doc.nodes]
    assert {n.type for n in nodes} == {"question", "action", "checklist", "input", "resolution"}
    assert {n.outcome for n in nodes if n.type == "resolution"} == {
        "resolved",
        "unresolved",
        "escalate",
    }
    assert sum(1 for n in nodes if n.type == "input") >= 5


def test_procedural_flows_are_linear_chains_ending_in_a_resolution() -> None:
    chains = [doc for _, doc in _docs() if doc.kind in ("procedural", "maintenance")]
    assert {d.kind for d in chains} == {"procedural", "maintenance"}
    for doc in chains:
        out = _outgoing(doc)
        by_id = {n.id: n for n in doc.nodes}
        assert doc.start is not None
        current, visited = doc.start, []
        while by_id[current].type != "resolution":
            assert by_id[current].type != "question", (doc.title, current)
            assert len(out[current]) == 1, (doc.title, current)
            visited.append(current)
            current = out[current][0]
            assert current not in visited, "a chain must not loop"
        assert len(visited) + 1 == len(doc.nodes), "every step lies on the one chain"


def test_a_procedural_flow_shows_captured_variables_later() -> None:
    found = False
    for _, doc in _docs():
        if doc.kind != "procedural":
            continue
        inputs = {n.id: n.variable for n in doc.nodes if n.type == "input"}
        assert doc.start is not None
        for node_id, variable in inputs.items():
            later = _reachable(doc, node_id) - {node_id}
            for node in doc.nodes:
                text = " ".join([node.title, node.body, *(node.items or [])])
                if node.id in later and variable in PLACEHOLDER.findall(text):
                    found = True
    assert found, "no procedural flow shows an input variable as {{variable}} in a later step"


def test_onboarding_captures_username_and_start_date() -> None:
    (doc,) = [d for _, d in _docs() if d.kind == "procedural" and "onboarding" in d.title.lower()]
    variables = {n.variable for n in doc.nodes if n.type == "input"}
    assert {"username", "start_date"} <= variables
    text = " ".join(n.title + " " + n.body + " " + " ".join(n.items or []) for n in doc.nodes)
    assert "{{username}}" in text and "{{start_date}}" in text


def test_package_loader_returns_every_file() -> None:
    loaded = load_demo_flows()
    assert [name for name, _ in loaded] == [f.name for f in FILES]
    assert [doc for _, doc in loaded] == [doc for _, doc in _docs()]
