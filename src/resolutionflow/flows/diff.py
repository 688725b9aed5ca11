"""Structural diff between two graphs: nodes and edges added, removed and changed."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from pydantic import BaseModel

from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import EdgeRef


class NodeChanges(BaseModel):
    added: list[str] = []
    removed: list[str] = []
    changed: list[str] = []


class EdgeChanges(BaseModel):
    added: list[EdgeRef] = []
    removed: list[EdgeRef] = []
    changed: list[EdgeRef] = []


class FlowDiff(BaseModel):
    nodes: NodeChanges
    edges: EdgeChanges
    # Flow-level fields (title, description, kind, category, tags, start) that differ.
    fields: list[str] = []


def _node_content(node: Any) -> dict[str, Any]:
    # Moving a node on the canvas is not a change of the procedure.
    data: dict[str, Any] = node.model_dump(mode="json", exclude={"position"})
    return data


def _leftover(labels: list[str], other: list[str]) -> list[str]:
    """`labels` minus `other` as multisets, keeping the document order of what is left."""
    available = Counter(other)
    out = []
    for label in labels:
        if available[label]:
            available[label] -= 1
        else:
            out.append(label)
    return out


def diff(old: FlowDocument, new: FlowDocument) -> FlowDiff:
    old_nodes = {n.id: n for n in old.nodes}
    new_nodes = {n.id: n for n in new.nodes}
    nodes = NodeChanges(
        added=[i for i in new_nodes if i not in old_nodes],
        removed=[i for i in old_nodes if i not in new_nodes],
        changed=[
            i
            for i in new_nodes
            if i in old_nodes and _node_content(new_nodes[i]) != _node_content(old_nodes[i])
        ],
    )

    # An edge is identified by (source, target); several between one pair are matched in order.
    def grouped(doc: FlowDocument) -> dict[tuple[str, str], list[str]]:
        out: dict[tuple[str, str], list[str]] = defaultdict(list)
        for e in doc.edges:
            out[(e.source, e.target)].append(e.label)
        return out

    before, after = grouped(old), grouped(new)
    edges = EdgeChanges()
    for key in sorted(set(before) | set(after)):
        # Labels present on both sides (as a multiset) are unchanged; the rest pair up as
        # relabelled edges, and what is left over was added or removed.
        olds = _leftover(before.get(key, []), after.get(key, []))
        news = _leftover(after.get(key, []), before.get(key, []))
        pairs = min(len(olds), len(news))
        for label in news[:pairs]:
            edges.changed.append(EdgeRef(source=key[0], target=key[1], label=label))
        for label in news[pairs:]:
            edges.added.append(EdgeRef(source=key[0], target=key[1], label=label))
        for label in olds[pairs:]:
            edges.removed.append(EdgeRef(source=key[0], target=key[1], label=label))

    fields = [
        f
        for f in ("title", "description", "kind", "category", "tags", "start")
        if getattr(old, f) != getattr(new, f)
    ]
    return FlowDiff(nodes=nodes, edges=edges, fields=fields)
