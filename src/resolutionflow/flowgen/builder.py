"""The AI flow builder: a description (or an article) → a complete draft flow in the
interchange format. The model's output is validated by the same validator the editor uses; its
problems are fed back for up to two repair rounds. Runs with no transaction open."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.flows.document import FlowDocument
from resolutionflow.flows.validation import Problem, errors_only, validate

ACTION = "flow_generation"
REPAIR_ROUNDS = 2

INSTRUCTIONS = """You design troubleshooting flows for MSP service desks in the ResolutionFlow interchange format.
Return one flow as structured output:
- title, description, category, kind ("troubleshooting" for decision trees, "procedural" for step lists);
- nodes: each {id (short, unique, [a-z0-9_-]), type, title, body}; type is one of:
  "question" (a yes/no or multiple-choice check; its outgoing edges carry the answer labels),
  "action" (something to do; body has exact commands in fenced code blocks),
  "checklist" (items: list of strings), "input" (capture a value: variable name [a-z_]+),
  "resolution" (an end: outcome "resolved", "unresolved" or "escalate");
- edges: {source, target, label}; every question has one edge per answer, each with a distinct non-empty label; other nodes have exactly one unlabelled outgoing edge, resolutions none;
- start: the id of the first node. Every node must be reachable from start and every path must end in a resolution.
Make it practical: the checks an experienced engineer does first come first; warn before anything destructive; 8 to 30 nodes."""

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "description": {"type": "string"},
        "category": {"type": "string"},
        "kind": {"type": "string", "enum": ["troubleshooting", "procedural"]},
        "start": {"type": "string"},
        "nodes": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "type": {
                        "type": "string",
                        "enum": ["question", "action", "checklist", "input", "resolution"],
                    },
                    "title": {"type": "string"},
                    "body": {"type": "string"},
                    "items": {"type": "array", "items": {"type": "string"}},
                    "variable": {"type": "string"},
                    "outcome": {"type": "string", "enum": ["resolved", "unresolved", "escalate"]},
                },
                "required": ["id", "type", "title"],
            },
        },
        "edges": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "source": {"type": "string"},
                    "target": {"type": "string"},
                    "label": {"type": "string"},
                },
                "required": ["source", "target"],
            },
        },
    },
    "required": ["title", "nodes", "edges", "start"],
}


@dataclass
class Built:
    document: FlowDocument | None
    problems: list[Problem]
    rounds: int
    served: list[gateway.Served] = field(default_factory=list)
    note: str | None = None


def _parse(data: dict[str, Any] | None) -> tuple[FlowDocument | None, list[Problem]]:
    raw = dict(data or {})
    raw.pop("format", None)
    nodes = raw.get("nodes")
    for node in nodes if isinstance(nodes, list) else []:
        if isinstance(node, dict):
            for key in [k for k, v in node.items() if v in (None, "")]:
                if key not in ("id", "type", "title"):
                    node.pop(key)
    try:
        doc = FlowDocument.model_validate(raw)
    except ValidationError as exc:
        return None, [
            Problem(code="format", message=f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}")
            for e in exc.errors()[:20]
        ]
    return doc, errors_only(validate(doc))


async def build(plan: gateway.Plan, request: str, material: list[DataBlock]) -> Built:
    """No database here."""

    async def no_model() -> tuple[str, dict[str, Any] | None]:
        return "", None

    served_all: list[gateway.Served] = []
    question = request
    doc: FlowDocument | None = None
    problems: list[Problem] = []
    for round_ in range(REPAIR_ROUNDS + 1):
        served = await gateway.run(
            plan,
            gateway.Ask(
                action=ACTION,
                instructions=INSTRUCTIONS,
                blocks=material,
                question=question,
                json_schema=SCHEMA,
                max_tokens=8000,
            ),
            no_model,
            lambda _t, _d: None,
        )
        served_all.append(served)
        if served.provider == "offline":
            return Built(None, [], round_, served_all, served.note)
        candidate, problems = _parse(served.data)
        if candidate is not None:
            doc = candidate
        if candidate is not None and not problems:
            return Built(candidate, [], round_, served_all)
        # Fed back as data: the problems and the previous attempt.
        question = (
            request
            + "\n\nYour previous flow had these problems; return the whole corrected flow:\n"
            + "\n".join(f"- {p.message}" for p in problems)
            + "\n\nPrevious flow:\n"
            + json.dumps(served.data or {}, ensure_ascii=False)[:20000]
        )
    return Built(doc, problems, REPAIR_ROUNDS, served_all)
