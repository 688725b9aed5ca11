"""The KB accelerator, offline: an article's headings and numbered or bulleted steps become a
procedural flow — one step per numbered step (a checklist where a step has sub-bullets), in
order, ending in a resolution."""

from __future__ import annotations

import itertools
import re

from resolutionflow.flows.document import MAX_NODES, Edge, FlowDocument, Node
from resolutionflow.knowledge.extract import ExtractedDocument

_NUMBERED = re.compile(r"^\s*(?:\d{1,3}[.)]|step\s+\d{1,3}[:.)]?)\s+(.+)$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*[-*•]\s+(.+)$")
_FENCE = re.compile(r"^\s*```")


def _steps(text: str) -> list[tuple[str, str, list[str]]]:
    """(title, body, items) per numbered step; bullets under a step become its items, other
    lines (commands included) its body."""
    steps: list[tuple[str, list[str], list[str]]] = []
    in_code = False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            if steps:
                steps[-1][1].append(line)
            continue
        m = None if in_code else _NUMBERED.match(line)
        if m:
            steps.append((m.group(1).strip(), [], []))
            continue
        if not steps:
            continue
        b = None if in_code else _BULLET.match(line)
        if b:
            steps[-1][2].append(b.group(1).strip()[:500])
        elif line.strip() or in_code:
            steps[-1][1].append(line)
    return [(t[:200], "\n".join(body).strip()[:20000], items[:100]) for t, body, items in steps]


def to_flow(doc: ExtractedDocument) -> FlowDocument:
    nodes: list[Node] = []
    for section in doc.sections:
        found = _steps(section.text)
        if not found and section.heading and section.text.strip():
            # A section without numbered steps is one step: its heading, its text.
            bullets = [b.group(1) for b in map(_BULLET.match, section.text.splitlines()) if b]
            found = [
                (
                    section.heading.split(" > ")[-1][:200],
                    section.text.strip()[:20000],
                    bullets[:100] if len(bullets) >= 2 else [],
                )
            ]
        for title, body, items in found:
            if len(nodes) >= MAX_NODES - 1:
                break
            nid = f"s{len(nodes) + 1}"
            if len(items) >= 2:
                nodes.append(Node(id=nid, type="checklist", title=title, body=body, items=items))
            else:
                nodes.append(Node(id=nid, type="action", title=title, body=body))
    if not nodes:
        raise ValueError("No headings or numbered steps found to turn into a procedure.")
    nodes.append(Node(id="done", type="resolution", title="Procedure complete", outcome="resolved"))
    edges = [Edge(source=a.id, target=b.id) for a, b in itertools.pairwise(nodes)]
    return FlowDocument(
        title=doc.title[:200] or "Imported procedure",
        kind="procedural",
        description=f"Built from the article “{doc.title}”. Review before publishing.",
        start=nodes[0].id,
        nodes=nodes,
        edges=edges,
    )
