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
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from httpx import AsyncClient

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.io import dump_document, parse_document
from resolutionflow.flows.validation import validate
from tests.fixtures.factories import Factory

API = "/api/v1"

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
def arris_flows(conv: ModuleType) -> dict[str, Any]:
    """file name -> ArrisFlow (the flow with the converter's notes)."""
    return {f.file: f for f in conv.convert_arris_detailed(ARRIS)}


@pytest.fixture(scope="module")
def arris(arris_flows: dict[str, Any]) -> list[tuple[str, FlowDocument]]:
    return [(name, f.doc) for name, f in arris_flows.items()]


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


def test_every_arris_step_is_in_its_flow_or_listed_as_left_out(arris_flows: dict) -> None:
    steps = exits = 0
    for flow in arris_flows.values():
        source = json.loads((ARRIS / "flows" / flow.file).read_text(encoding="utf-8"))
        ids = {n.id for n in flow.doc.nodes}
        kept = [s for s in source["steps"] if s not in flow.left_out]
        assert {flow.id_map[s] for s in kept} <= ids, flow.file
        assert not {flow.id_map[s] for s in flow.left_out} & ids, flow.file
        steps += len(kept) + len(flow.left_out)
        # Every exit of a kept step is an edge of its node (plus "Finish here" on a final step
        # that carries a Skip).
        for step in kept:
            out = [e for e in flow.doc.edges if e.source == flow.id_map[step]]
            finish = [e for e in out if e.label == "Finish here"]
            assert len(out) - len(finish) == len(flow.exits[step]), (flow.file, step)
            exits += len(flow.exits[step])
    assert steps == 558
    assert exits > 900


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


def test_every_converted_flow_passes_the_publish_validator(flodial: list, arris: list) -> None:
    for name, doc in flodial + arris:
        errors = [p for p in validate(_imported(doc)) if p.severity == "error"]
        assert errors == [], (name, errors[:3])


def test_arris_jumps_into_other_files_run_on_in_copies_of_their_steps(
    conv: ModuleType, arris: list
) -> None:
    broken = conv.arris_broken_references(ARRIS)
    # The source as it is: the modules jump between files, and some references name nothing.
    assert Counter(b["kind"] for b in broken) == {"cross_file": 149, "dangling": 11}
    docs = dict(arris)
    for b in broken:
        if b["kind"] != "cross_file":
            continue
        doc = docs[b["file"]]
        ids = {n.id for n in doc.nodes}
        if b["node_id"] not in ids:
            continue  # the step itself is left out of this flow (not reachable)
        [found_in] = b["found_in"].split(", ")[:1]
        prefix = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(found_in).stem) + "--"
        targets = {e.target for e in doc.edges if e.source == b["node_id"]}
        assert any(t.startswith(prefix) for t in targets), b
        copied = next(n for n in doc.nodes if n.id in targets and n.id.startswith(prefix))
        assert copied.body.startswith(f"*From the `{Path(found_in).stem}` flow.*")


def test_arris_dangling_references_are_read_as_typos_or_end_as_named_resolutions(
    arris_flows: dict,
) -> None:
    flows = arris_flows
    notes = [(file, n.message) for file, f in flows.items() for n in f.notes]
    typos = {m for _, m in notes if " read as the step " in m}
    missing = {m for _, m in notes if m.startswith("dangling reference")}
    # A one-letter typo and a spacing difference are references to a step that exists.
    assert "reference 'Peform a Factory Reset.4' read as the step 'Perform a Factory Reset.4'" in (
        typos
    )
    assert "reference 'chekled' read as the step 'checkled'" in typos
    # What no file has ends the call, named as the button named it, not "resolved".
    slow = flows["Slow_Speed.json"].doc
    ends = [n for n in slow.nodes if "missing in the source" in n.body]
    assert ends and all(n.type == "resolution" for n in ends)
    by_title = {n.title: n.outcome for n in ends}
    assert by_title["Re-direct Cust. to ISP to adjust signal levels"] == "escalate"
    assert by_title["Advise Cust. to switch to other band."] == "unresolved"
    # The source's 11 dangling references name 10 steps: 5 typos, 5 missing.
    assert (len(typos), len(missing)) == (5, 5)


def test_arris_final_steps_with_a_skip_become_a_choice_before_the_end(arris: list) -> None:
    docs = dict(arris)
    doc = docs["provision.json"]
    nodes = {n.id: n for n in doc.nodes}
    for step in ("resolved", "provision", "provision_page"):
        assert nodes[step].type == "question", step
        out = {e.label: e.target for e in doc.edges if e.source == step}
        assert any(label.startswith("Already done: ") for label in out), out
        end = nodes[out["Finish here"]]
        assert end.type == "resolution" and end.title == nodes[step].title


def test_arris_module_flows_start_where_the_other_files_jump_in(arris_flows: dict) -> None:
    flows = arris_flows
    assert flows["1led.json"].doc.start == "1led__checkled"
    assert "START" in flows["1led.json"].left_out
    assert flows["start.json"].doc.start == "START"


def test_arris_derived_ids_are_stable_and_valid(conv: ModuleType, arris: list) -> None:
    again = conv.convert_arris(ARRIS)
    assert [doc.export() for _, doc in again] == [doc.export() for _, doc in arris]
    for name, doc in arris:
        ids = [n.id for n in doc.nodes]
        assert len(ids) == len(set(ids)), name
        source = json.loads((ARRIS / "flows" / name).read_text(encoding="utf-8"))
        kept = [s for s in source["steps"] if conv.ID_PATTERN.match(s)]
        assert set(kept) & set(ids) <= set(kept), "ids that fit the pattern are kept as they are"


def test_report_runs(conv: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    assert conv.main([str(EVAL_DIR)]) == 0
    out = capsys.readouterr().out
    assert "FloDial: 12 flows" in out and "ARRIS SURFboard: 8 flows" in out
    assert "Summary: 20 flows converted (FloDial 12, ARRIS 8); 20 valid, 0 invalid" in out


# ----------------------------------------------------------------------------- publishing


async def test_all_20_converted_flows_import_and_publish(
    flodial: list, arris: list, client: AsyncClient, factory: Factory
) -> None:
    t = await factory.tenant()
    published = []
    warned: dict[str, set[str]] = {}
    for name, doc in flodial + arris:
        r = await client.post(
            f"{API}/flows/import",
            content=dump_document(doc),
            headers={**t.admin.headers, "Content-Type": "application/json"},
        )
        assert r.status_code == 201, (name, r.text[:300])
        fid = r.json()["id"]
        # What the editor's Problems panel shows for the imported draft.
        r = await client.post(f"{API}/flows/{fid}/validate", headers=t.engineer.headers)
        assert r.status_code == 200 and r.json()["valid"] is True, (name, r.text[:300])
        warned[name] = {
            p["node_id"] for p in r.json()["problems"] if p["code"] == "question_single_answer"
        }
        assert all(p["severity"] == "warning" for p in r.json()["problems"]), name
        r = await client.post(f"{API}/flows/{fid}/publish", json={}, headers=t.admin.headers)
        assert r.status_code == 200, (name, r.text[:500])
        published.append(name)
    assert len(published) == 20
    assert {(n, i) for n, ids in warned.items() for i in ids} == FLODIAL_ONE_ANSWER
