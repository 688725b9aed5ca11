"""Import the public third-party decision trees (FloDial, ARRIS SURFboard Tier-1 flows) through
the real importer path and check the publish validator's findings on them.

The data is read from the evaluation directory at run time ($RF_EVAL_DIR, else
../shared/data/eval next to the repository); it is never copied into the repo. Without that
directory these tests skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.io import dump_document, parse_document
from resolutionflow.flows.validation import validate

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("RF_EVAL_DIR") or REPO.parent / "shared" / "data" / "eval")
FLODIAL = EVAL_DIR / "flodial"
ARRIS = EVAL_DIR / "arris_surfboard_tier1_flows"

pytestmark = pytest.mark.skipif(
    not (FLODIAL.is_dir() and ARRIS.is_dir()),
    reason=f"evaluation data not found at {EVAL_DIR} (set RF_EVAL_DIR to the eval directory)",
)


def _load_converter() -> ModuleType:
    path = REPO / "scripts" / "convert_eval_flows.py"
    spec = importlib.util.spec_from_file_location("convert_eval_flows", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def conv() -> ModuleType:
    return _load_converter()


@pytest.fixture(scope="module")
def flodial(conv: ModuleType) -> list[tuple[str, FlowDocument]]:
    return conv.convert_flodial(FLODIAL)


@pytest.fixture(scope="module")
def arris(conv: ModuleType) -> list[tuple[str, FlowDocument]]:
    return conv.convert_arris(ARRIS)


def _imported(doc: FlowDocument) -> FlowDocument:
    """The real importer path: the exported file's bytes through parse_document."""
    return parse_document(dump_document(doc), filename="converted.rfflow.json")


# ----------------------------------------------------------------------------- counts


def test_every_source_flow_is_converted(flodial: list, arris: list) -> None:
    trees = sorted((FLODIAL / "knowledge-sources").glob("*.json"))
    files = sorted((ARRIS / "flows").glob("*.json"))
    assert [name for name, _ in flodial] == [f.name for f in trees]
    assert [name for name, _ in arris] == [f.name for f in files]
    assert len(flodial) == 12
    assert len(arris) == 8


def test_node_and_edge_counts_match_the_sources(flodial: list, arris: list) -> None:
    for name, doc in flodial:
        tree = json.loads((FLODIAL / "knowledge-sources" / name).read_text(encoding="utf-8"))
        assert len(doc.nodes) == len(tree["nodes"]), name
        assert len(doc.edges) == sum(len(e) for e in tree["edges"].values()), name
    steps = 0
    for name, doc in arris:
        source = json.loads((ARRIS / "flows" / name).read_text(encoding="utf-8"))
        assert len(doc.nodes) == len(source["steps"]), name
        steps += len(source["steps"])
    assert steps == 558
    # 1,149 exits as the set's README counts them, less 3: three steps have a malformed flat
    # `Skips` list, which the converter reads as one pair rather than two one-letter targets.
    assert sum(len(doc.edges) for _, doc in arris) == 1146


# ----------------------------------------------------------------------------- importer path


@pytest.mark.parametrize("which", ["flodial", "arris"])
def test_importer_accepts_every_converted_flow(which: str, request: pytest.FixtureRequest) -> None:
    for name, doc in request.getfixturevalue(which):
        imported = _imported(doc)
        assert imported == doc, name
        assert len(imported.nodes) == len(doc.nodes) and len(imported.edges) == len(doc.edges)


@pytest.mark.parametrize("which", ["flodial", "arris"])
def test_problems_are_tied_to_nodes_or_edges(which: str, request: pytest.FixtureRequest) -> None:
    for name, doc in request.getfixturevalue(which):
        imported = _imported(doc)
        node_ids = {n.id for n in imported.nodes}
        for problem in validate(imported):
            assert problem.message.strip(), (name, problem)
            assert problem.code.strip(), (name, problem)
            assert problem.node_id is not None or problem.edge is not None, (name, problem)
            if problem.node_id is not None and problem.edge is None:
                assert problem.node_id in node_ids or problem.code == "start_unknown", (
                    name,
                    problem,
                )


# ----------------------------------------------------------------------------- FloDial

# Source questions with a single answer (the other branch is missing in the tree): valid, a
# confirm step in the runner, and the editor warns about each.
FLODIAL_ONE_ANSWER = {
    ("engine_overheats.json", "4"),
    ("engine_overheats.json", "26"),
    ("laptop_battery.json", "3"),
    ("laptop_drive.json", "3"),
    ("ticking.json", "7"),
}


def test_flodial_trees_are_all_valid_with_single_answer_questions_as_warnings(
    flodial: list,
) -> None:
    warned = set()
    for name, doc in flodial:
        problems = validate(_imported(doc))
        assert [p for p in problems if p.severity == "error"] == [], name
        assert {p.code for p in problems} <= {"question_single_answer"}, (name, problems)
        warned |= {(name, p.node_id) for p in problems}
    assert warned == FLODIAL_ONE_ANSWER


def test_flodial_terminals_are_resolutions_with_outcomes(flodial: list) -> None:
    for name, doc in flodial:
        tree = json.loads((FLODIAL / "knowledge-sources" / name).read_text(encoding="utf-8"))
        for node in doc.nodes:
            terminal = tree["nodes"][node.id]["terminal"]
            assert (node.type == "resolution") == terminal, (name, node.id)
            if terminal:
                assert node.outcome in {"resolved", "unresolved", "escalate"}
        labels = {e.label for e in doc.edges}
        assert labels <= {"Yes", "No"}


# ----------------------------------------------------------------------------- ARRIS

# References in the vendor set that name no step in any file: (file, source node id, target id).
# Ids derived from step names that don't fit the id pattern end in a hash of the name.
ARRIS_DANGLING = {
    (
        "Slow_Speed.json",
        "Check-connections-between-Coax-Modem-also-between-Modem-dc1eedc1",
        "Perform-a-Factory-Reset-2f21ce13",
    ),
    (
        "Slow_Speed.json",
        "Advise-Cust-to-try-accessing-websites-that-were-underpe-986557ab",
        "Check-if-speed-is-limited-by-ISP-or-Network-drivers-on-1f90686d",
    ),
    (
        "Slow_Speed.json",
        "2-4GHz-or-5GHz-radio-experiencing-problems",
        "Advise-Cust-to-switch-devices-to-5GHz-band-2962fdbf",
    ),
    (
        "Slow_Speed.json",
        "2-4GHz-or-5GHz-radio-experiencing-problems",
        "Advise-Cust-to-switch-devices-to-2-4GHz-band-a591dd9b",
    ),
    (
        "Slow_Speed.json",
        "Try-disabling-WMM-either-lowering-or-removing-Firewall-7fa9d087",
        "Peform-a-Factory-Reset-4",
    ),
    (
        "Slow_Speed.json",
        "Check-cable-signal-levels-in-GUI",
        "Re-direct-Cust-to-ISP-to-adjust-signal-levels",
    ),
    (
        "Slow_Speed.json",
        "Client-connected-to-2-4GHz-or-5GHz-radio",
        "Advise-Cust-to-switch-to-other-band",
    ),
    (
        "Slow_Speed.json",
        "Done-5",
        "Check-if-speed-is-limited-by-ISP-or-Network-drivers-on-adcaabf0",
    ),
    ("Slow_Speed.json", "Done-6", "Re-direct-Cust-to-ISP-to-adjust-signal-levels"),
    ("provision.json", "test1", "chekled"),
    (
        "provision.json",
        "Perform-a-Factory-Reset-2",
        "Check-cable-signal-levels-and-Wi-Fi-signal-strength-on-d8e3fd27",
    ),
}


def _target_unknown(docs: list) -> set[tuple[str, str, str]]:
    out = set()
    for name, doc in docs:
        for p in validate(_imported(doc)):
            if p.code == "edge_target_unknown":
                assert p.edge is not None and p.node_id == p.edge.source
                out.add((name, p.node_id, p.edge.target))
    return out


def test_arris_dangling_references_are_reported(arris: list) -> None:
    reported = _target_unknown(arris)
    missing = ARRIS_DANGLING - reported
    assert not missing, f"the validator no longer reports these broken edges: {sorted(missing)}"


def test_arris_every_reference_outside_its_file_stays_broken(conv: ModuleType, arris: list) -> None:
    broken = conv.arris_broken_references(ARRIS)
    kinds = Counter(b["kind"] for b in broken)
    assert kinds == {"cross_file": 149, "dangling": 11}
    assert {
        (b["file"], b["node_id"], b["target_id"]) for b in broken if b["kind"] == "dangling"
    } == (ARRIS_DANGLING)
    # Converted, not repaired: each one is an edge the validator reports.
    reported = _target_unknown(arris)
    assert {(b["file"], b["node_id"], b["target_id"]) for b in broken} == reported
    docs = dict(arris)
    for b in broken:
        assert b["target_id"] not in {n.id for n in docs[b["file"]].nodes}


def test_arris_terminal_steps_with_a_skip_are_flagged(arris: list) -> None:
    # Steps with nothing to press end the call, so they are resolutions; the conditional Skip
    # some of them carry can't leave a resolution, and the validator says so.
    docs = dict(arris)
    flagged = {
        p.node_id
        for p in validate(_imported(docs["provision.json"]))
        if p.code == "resolution_has_way_out"
    }
    assert flagged == {"resolved", "provision", "provision_page"}


def test_arris_derived_ids_are_stable_and_valid(conv: ModuleType, arris: list) -> None:
    again = conv.convert_arris(ARRIS)
    assert [doc.export() for _, doc in again] == [doc.export() for _, doc in arris]
    for name, doc in arris:
        ids = [n.id for n in doc.nodes]
        assert len(ids) == len(set(ids)), name
        source = json.loads((ARRIS / "flows" / name).read_text(encoding="utf-8"))
        kept = [s for s in source["steps"] if conv.ID_PATTERN.match(s)]
        assert set(kept) <= set(ids), "ids that fit the pattern are kept as they are"


def test_arris_report_runs(conv: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert conv.main([str(EVAL_DIR)]) == 0
    out = capsys.readouterr().out
    assert "FloDial: 12 flows" in out and "ARRIS SURFboard: 8 flows" in out
    assert "11 dangling" in out and "Summary: 20 flows converted" in out
