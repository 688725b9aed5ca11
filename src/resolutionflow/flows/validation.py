"""The graph rules a flow must satisfy to be published (DESIGN.md §5), as a pure function.

Every problem is reported, each tied to the node (or edge) it concerns, so the editor can show
all of them at once. Errors block publishing; warnings are advice.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel

from resolutionflow.flows.document import Edge, FlowDocument, Node
from resolutionflow.redaction.inputs import looks_secret

VARIABLE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
PLACEHOLDER = re.compile(r"{{\s*([A-Za-z][A-Za-z0-9_]*)\s*}}")
SINGLE_EXIT = {"action", "checklist", "input", "subflow"}


class EdgeRef(BaseModel):
    source: str
    target: str
    label: str


class Problem(BaseModel):
    code: str
    message: str
    node_id: str | None = None
    edge: EdgeRef | None = None
    severity: Literal["error", "warning"] = "error"


@dataclass(frozen=True)
class PublishedFlows:
    """What the validator needs to know about the account's other flows."""

    # Published flow id -> the flows its latest published version runs as subflows.
    subflows: Mapping[uuid.UUID, frozenset[uuid.UUID]] = field(default_factory=dict)
    titles: Mapping[uuid.UUID, str] = field(default_factory=dict)
    # The account's scripts among those the document references; None when not looked up (a
    # check without the database), so references go unchecked.
    scripts: frozenset[uuid.UUID] | None = None


def _label(node: Node) -> str:
    return f"“{node.title}”" if node.title else f"node {node.id}"


def _edge_ref(edge: Edge) -> EdgeRef:
    return EdgeRef(source=edge.source, target=edge.target, label=edge.label)


def validate(
    doc: FlowDocument,
    published: PublishedFlows | None = None,
    flow_id: uuid.UUID | None = None,
) -> list[Problem]:
    published = published or PublishedFlows()
    problems: list[Problem] = []
    add = problems.append

    if not doc.nodes:
        add(Problem(code="empty", message="The flow has no steps yet."))
        return problems

    counts = Counter(n.id for n in doc.nodes)
    for node_id, count in counts.items():
        if count > 1:
            add(
                Problem(
                    code="duplicate_id",
                    node_id=node_id,
                    message=f"{count} nodes share the id “{node_id}”; ids must be unique.",
                )
            )
    nodes: dict[str, Node] = {}
    for node in doc.nodes:
        nodes.setdefault(node.id, node)

    if doc.start is None:
        add(Problem(code="start_missing", message="Choose the node the flow starts at."))
    elif doc.start not in nodes:
        add(
            Problem(
                code="start_unknown",
                node_id=doc.start,
                message=f"The start node “{doc.start}” does not exist.",
            )
        )

    outgoing: dict[str, list[Edge]] = defaultdict(list)
    # Including connections to missing steps: those are reported once, as what they are, and
    # still count as the answer or next step the author meant (no knock-on problems).
    declared: dict[str, list[Edge]] = defaultdict(list)
    incoming: dict[str, list[str]] = defaultdict(list)
    for edge in doc.edges:
        source_ok, target_ok = edge.source in nodes, edge.target in nodes
        if source_ok:
            declared[edge.source].append(edge)
        if not source_ok:
            add(
                Problem(
                    code="edge_source_unknown",
                    edge=_edge_ref(edge),
                    node_id=edge.target if target_ok else None,
                    message=f"A connection starts at “{edge.source}”, which does not exist.",
                )
            )
        if not target_ok:
            add(
                Problem(
                    code="edge_target_unknown",
                    edge=_edge_ref(edge),
                    node_id=edge.source if source_ok else None,
                    message=f"A connection leads to “{edge.target}”, which does not exist.",
                )
            )
        if source_ok and target_ok:
            outgoing[edge.source].append(edge)
            incoming[edge.target].append(edge.source)

    for node in nodes.values():
        _check_node(node, declared[node.id], published, flow_id, add)

    # Reachability from the start.
    if doc.start in nodes:
        seen = _walk(doc.start, lambda n: [e.target for e in outgoing[n]])
        for node in nodes.values():
            if node.id not in seen:
                add(
                    Problem(
                        code="unreachable",
                        node_id=node.id,
                        message=f"{_label(node)} can't be reached from the start.",
                    )
                )

    # Every node must be able to end somewhere: walk backwards from the resolutions.
    resolutions = [n.id for n in nodes.values() if n.type == "resolution"]
    if not resolutions:
        add(Problem(code="no_resolution", message="Add at least one resolution to end the flow."))
    else:
        can_finish: set[str] = set()
        for r in resolutions:
            can_finish |= _walk(r, lambda n: incoming[n])
        for node in nodes.values():
            # A node with no (working) way out already has its own problem; don't repeat it.
            if node.id not in can_finish and outgoing[node.id]:
                add(
                    Problem(
                        code="cannot_reach_resolution",
                        node_id=node.id,
                        message=f"No path from {_label(node)} reaches a resolution.",
                    )
                )

    _check_variables(doc, nodes, add)
    return problems


def _walk(start: str, neighbours) -> set[str]:  # type: ignore[no-untyped-def]
    seen = {start}
    queue = deque([start])
    while queue:
        for nxt in neighbours(queue.popleft()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def _check_node(node, out, published, flow_id, add) -> None:  # type: ignore[no-untyped-def]
    label = _label(node)
    if not node.title.strip():
        add(
            Problem(code="title_missing", node_id=node.id, message=f"Node {node.id} needs a title.")
        )
    if node.type == "question":
        # One way out is how real third-party trees confirm a step ("Done", "Yes") before
        # going on: valid, shown by the runner as a confirm step. No way out at all is
        # `no_way_out` below.
        if len(out) == 1:
            add(
                Problem(
                    code="question_single_answer",
                    node_id=node.id,
                    severity="warning",
                    message=f"The question {label} has one answer, so the runner shows it as a "
                    "confirm step (one button). Add another answer if there is a choice to make.",
                )
            )
        labels = Counter(e.label.strip().casefold() for e in out)
        for edge in out:
            # A confirm step's button says "Confirm" when its answer has no label.
            if not edge.label.strip() and len(out) > 1:
                add(
                    Problem(
                        code="answer_label_missing",
                        node_id=node.id,
                        edge=_edge_ref(edge),
                        message=f"An answer of {label} has no label.",
                    )
                )
        for text, count in labels.items():
            if text and count > 1:
                add(
                    Problem(
                        code="answer_label_repeated",
                        node_id=node.id,
                        message=f"The question {label} has the answer “{text}” {count} times.",
                    )
                )
    elif node.type == "resolution":
        if out:
            add(
                Problem(
                    code="resolution_has_way_out",
                    node_id=node.id,
                    message=f"The resolution {label} ends the flow, so it can't lead anywhere.",
                )
            )
        if node.outcome is None:
            add(
                Problem(
                    code="outcome_missing",
                    node_id=node.id,
                    message=f"Choose the outcome of {label}: resolved, unresolved or escalate.",
                )
            )
    if node.script_id is not None:
        if node.type != "action":
            add(
                Problem(
                    code="script_on_wrong_node",
                    node_id=node.id,
                    message=f"Only an action step can run a script; {label} is a {node.type}.",
                )
            )
        elif published.scripts is not None and node.script_id not in published.scripts:
            add(
                Problem(
                    code="script_unknown",
                    node_id=node.id,
                    message=f"The script {label} runs is not in the script library (deleted?). "
                    "Choose another or remove it.",
                )
            )
    if node.type != "resolution" and not out:
        add(
            Problem(
                code="no_way_out",
                node_id=node.id,
                message=f"{label} has no next step; connect it or make it a resolution.",
            )
        )
    if node.type in SINGLE_EXIT and len(out) > 1:
        add(
            Problem(
                code="too_many_ways_out",
                node_id=node.id,
                message=f"{label} is a{'n' if node.type[0] in 'aeiou' else ''} {node.type} "
                f"with {len(out)} next steps; it can have only one (use a question to branch).",
            )
        )
    if node.type == "checklist" and not [i for i in node.items or [] if i.strip()]:
        add(
            Problem(
                code="checklist_empty",
                node_id=node.id,
                message=f"The checklist {label} has no items.",
            )
        )
    if node.type == "input":
        if not node.variable:
            add(
                Problem(
                    code="variable_missing",
                    node_id=node.id,
                    message=f"Name the variable {label} captures.",
                )
            )
        elif not VARIABLE.match(node.variable):
            add(
                Problem(
                    code="variable_invalid",
                    node_id=node.id,
                    message=f"“{node.variable}” is not a valid variable name (a letter, then "
                    "letters, digits or _).",
                )
            )
        if node.input_type != "secret" and looks_secret(node.title, node.variable):
            add(
                Problem(
                    code="input_looks_secret",
                    node_id=node.id,
                    severity="warning",
                    message=f"{label} looks like it captures a secret: mark it Secret so the "
                    "value stays in the runner (otherwise it is redacted wherever it is shown).",
                )
            )
    if node.type == "subflow":
        _check_subflow(node, label, published, flow_id, add)


def _check_subflow(node, label, published: PublishedFlows, flow_id, add) -> None:  # type: ignore[no-untyped-def]
    target = node.flow_id
    if target is None:
        add(
            Problem(
                code="subflow_missing",
                node_id=node.id,
                message=f"Choose the flow that {label} runs.",
            )
        )
        return
    if flow_id is not None and target == flow_id:
        add(
            Problem(
                code="subflow_cycle",
                node_id=node.id,
                message=f"{label} runs this same flow, which would never end.",
            )
        )
        return
    if target not in published.subflows:
        add(
            Problem(
                code="subflow_unknown",
                node_id=node.id,
                message=f"{label} runs a flow that is not a published flow of this account.",
            )
        )
        return
    if flow_id is None:
        return
    path = _path_back(target, flow_id, published.subflows)
    if path is not None:
        names = " → ".join(published.titles.get(f, str(f)) for f in path)
        add(
            Problem(
                code="subflow_cycle",
                node_id=node.id,
                message=f"{label} runs {names}, which runs this flow again: a loop.",
            )
        )


def _path_back(start: uuid.UUID, goal: uuid.UUID, graph) -> list[uuid.UUID] | None:  # type: ignore[no-untyped-def]
    """The chain of flows from `start` that leads back to `goal`, if any."""
    parents: dict[uuid.UUID, uuid.UUID | None] = {start: None}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        for nxt in graph.get(current, ()):
            if nxt == goal:
                chain = [current]
                while parents[chain[-1]] is not None:
                    chain.append(parents[chain[-1]])  # type: ignore[arg-type]
                return list(reversed(chain))
            if nxt not in parents:
                parents[nxt] = current
                queue.append(nxt)
    return None


def _check_variables(doc: FlowDocument, nodes: dict[str, Node], add) -> None:  # type: ignore[no-untyped-def]
    captured = {n.variable for n in nodes.values() if n.type == "input" and n.variable}
    for node in nodes.values():
        text = " ".join([node.title, node.body, *(node.items or [])])
        for name in sorted(set(PLACEHOLDER.findall(text)) - captured):
            add(
                Problem(
                    code="variable_unknown",
                    node_id=node.id,
                    severity="warning",
                    message=f"{_label(node)} shows {{{{{name}}}}}, but no input step captures "
                    f"“{name}”.",
                )
            )


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
