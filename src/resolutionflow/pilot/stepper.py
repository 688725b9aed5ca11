"""FlowPilot's offline next step: from the accepted flow (its authored nodes), from what resolved
similar sessions, from the step library (steps that fit the intake, ranked with their quality
boost: ratings, verified uses, open flags), from knowledge documents, and from discovery
questions for the category — and, where the team's knowledge runs out, an honest request for
what would help."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from resolutionflow.assist.offline import MIN_RELEVANCE, excerpt, first_command
from resolutionflow.assist.retrieval import Evidence, Retrieval, outgoing
from resolutionflow.pilot import questions, tiers

# A past fix this relevant is worth proposing before more questions.
PROPOSE_FIX_FROM = 0.6
# A library step this relevant (after its quality boost) comes before discovery questions; a
# weaker one after them, before knowledge passages.
PROPOSE_LIBRARY_FROM = 0.5
# Two explanations this close make a fork worth asking.
FORK_WITHIN = 0.08
FORK_FROM = 0.45


@dataclass
class Draft:
    type: str
    body: dict[str, Any]
    confidence: float
    source: str


@dataclass
class Context:
    intake: str
    category: str | None
    found: Retrieval
    asked: set[str]  # discovery keys and evidence refs already used
    flow_decision: str | None
    matched_flow: dict[str, Any] | None
    node: dict[str, Any] | None = None  # the accepted flow's current node
    graph: dict[str, Any] | None = None
    flow_title: str | None = None
    flow_outcome: str | None = None
    active_fix: dict[str, Any] | None = None
    last_fix_outcome: str | None = None
    forked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _ref(e: Evidence) -> dict[str, Any]:
    return {"kind": e.kind, "id": str(e.id), "title": e.title}


def confidence(ctx: Context) -> float:
    if ctx.last_fix_outcome == "success":
        return 0.95
    best = max((e.relevance for e in ctx.found.evidence), default=0.0)
    if ctx.flow_decision == "accepted":
        return round(max(tiers.FOLLOWING_FLOW, best), 3)
    return round(min(best, tiers.GUIDED_FROM - 0.01), 3)


def _flow_step(ctx: Context, conf: float) -> Draft | None:
    node = ctx.node
    if node is None or ctx.graph is None:
        return None
    ref = {
        "kind": "flow",
        "id": ctx.matched_flow["id"] if ctx.matched_flow else "",
        "title": ctx.flow_title or "",
    }
    base = {"purpose": "flow_node", "node_id": node["id"], "source_ref": ref}
    kind = node.get("type")
    title = node.get("title") or "Next step"
    body = node.get("body", "")
    if kind == "question":
        options = [label for label, _ in outgoing(ctx.graph, node["id"]) if label]
        return Draft(
            "question",
            {
                **base,
                "text": title + (f"\n\n{body}" if body else ""),
                "options": options,
                "allow_text": False,
            },
            conf,
            "flow",
        )
    if kind == "input":
        return Draft(
            "question",
            {
                **base,
                "text": title + (f"\n\n{body}" if body else ""),
                "options": [],
                "allow_text": True,
                "variable": node.get("variable"),
                # A secret's value stays with the client; the timeline says it was captured.
                "input_type": "secret" if node.get("input_type") == "secret" else "text",
            },
            conf,
            "flow",
        )
    if kind == "resolution":
        return Draft(
            "resolution_suggestion",
            {**base, "purpose": "flow_end", "summary": title, "follow_ups": [], "fix": None},
            conf,
            "flow",
        )
    items = node.get("items") or []
    instructions = body + ("\n" if body and items else "") + "\n".join(f"- {i}" for i in items)
    return Draft(
        "action",
        {
            **base,
            "kind": "verification" if kind == "checklist" else "instruction",
            "title": title,
            "instructions": instructions,
            "command": first_command(body),
            "expected": "All items done" if items else "Done",
            "items": items,
            "options": ["Done"],
        },
        conf,
        "flow",
    )


def _fix_check(ctx: Context, conf: float) -> Draft:
    fix = ctx.active_fix or {}
    return Draft(
        "action",
        {
            "purpose": "fix_outcome",
            "fix_id": fix.get("id"),
            "kind": "verification",
            "title": f"Did “{fix.get('title', 'the fix')}” work?",
            "instructions": "Check with the user or re-test what failed; say how it went.",
            "expected": "The problem no longer happens",
            "options": ["Success", "Failed", "Partial", "Pending"],
        },
        conf,
        "history",
    )


def next_step(ctx: Context) -> Draft:
    conf = confidence(ctx)
    relevant = [e for e in ctx.found.evidence if e.relevance >= MIN_RELEVANCE]

    # A fix being tried: its outcome is asked for explicitly.
    if ctx.active_fix and ctx.active_fix.get("status") == "verifying":
        return _fix_check(ctx, conf)
    if ctx.last_fix_outcome == "success":
        return Draft(
            "resolution_suggestion",
            {
                "purpose": "resolve",
                "summary": "The fix worked: resolve the session with this as the resolution.",
                "fix": None,
                "follow_ups": [],
                "options": ["Resolve now", "Keep working"],
            },
            conf,
            "history",
        )

    # Following an authored flow: its nodes are the steps.
    if ctx.flow_decision == "accepted":
        step = _flow_step(ctx, conf)
        if step is not None:
            return step

    # A matching flow not yet decided: propose it.
    if ctx.matched_flow and ctx.flow_decision == "proposed":
        m = ctx.matched_flow
        return Draft(
            "question",
            {
                "purpose": "follow_flow",
                "text": f"Follow “{m['title']}”? It matches this problem (score {m['score']:.2f}).",
                "options": ["Follow this flow", "Not this one"],
                "allow_text": False,
                "source_ref": {"kind": "flow", "id": m["id"], "title": m["title"]},
            },
            conf,
            "flow",
        )

    fixes = [e for e in relevant if e.kind == "session" and str(e.id) not in ctx.asked]
    library = [e for e in relevant if e.kind == "step" and str(e.id) not in ctx.asked]
    # Two explanations nearly tied: let the engineer choose. A library step is something to do,
    # not an explanation, so it is never a hypothesis.
    candidates = [
        e
        for e in relevant
        if str(e.id) not in ctx.asked and e.relevance >= FORK_FROM and e.kind != "step"
    ]
    if not ctx.forked and len(candidates) >= 2:
        a, b = candidates[0], candidates[1]
        if a.relevance - b.relevance <= FORK_WITHIN and a.id != b.id:
            return Draft(
                "fork",
                {
                    "purpose": "hypotheses",
                    "text": "Two explanations fit about equally. Which looks closer?",
                    "hypotheses": [
                        {"id": "a", "title": a.title, "why": excerpt(a.text, 160), "ref": _ref(a)},
                        {"id": "b", "title": b.title, "why": excerpt(b.text, 160), "ref": _ref(b)},
                    ],
                },
                conf,
                a.kind if a.kind != "session" else "history",
            )

    if fixes and fixes[0].relevance >= PROPOSE_FIX_FROM:
        return _past_fix(fixes[0], conf)
    if library and library[0].relevance >= PROPOSE_LIBRARY_FROM:
        return library_step(library[0], conf)

    for d in questions.for_category(ctx.category):
        if d.key not in ctx.asked:
            return Draft(
                "question",
                {
                    "purpose": "discovery",
                    "key": d.key,
                    "text": d.text,
                    "options": list(d.options),
                    "allow_text": True,
                    "fact": d.fact,
                },
                conf,
                "generic",
            )

    if fixes:
        return _past_fix(fixes[0], conf)
    if library:
        return library_step(library[0], conf)
    docs = [e for e in relevant if e.kind == "knowledge" and str(e.id) not in ctx.asked]
    if docs:
        doc = docs[0]
        return Draft(
            "action",
            {
                "purpose": "knowledge",
                "kind": "instruction",
                "title": f"From “{doc.title}”",
                "instructions": excerpt(doc.text, 600),
                "command": first_command(doc.text),
                "expected": "Says whether it applies",
                "options": ["Done", "Doesn't apply"],
                "source_ref": _ref(doc),
                "ref_id": str(doc.id),
            },
            conf,
            "knowledge",
        )
    return Draft(
        "action",
        {
            "purpose": "out_of_knowledge",
            "kind": "info_request",
            "title": "Your team's knowledge doesn't cover this yet",
            "instructions": "Capture the exact error text, the relevant event log entries and "
            "command output as notes; if it's urgent, escalate with what you have. Once this "
            "session is resolved, the next engineer gets your fix.",
            "expected": "More evidence on the timeline",
            "options": ["Done"],
        },
        conf,
        "generic",
    )


# A library step's kind as a FlowPilot action's kind.
_ACTION_KINDS = {"action": "instruction", "check": "verification", "script_ref": "script"}


def library_step(e: Evidence, conf: float) -> Draft:
    """A step-library step as the next step: a question keeps its answers, anything else is an
    action. It carries the step's id (`step_id`, and `source_ref`) so the UI links it."""
    ref = _ref(e)
    base: dict[str, Any] = {
        "purpose": "library_step",
        "source_ref": ref,
        "ref_id": ref["id"],
        "step_id": ref["id"],
    }
    answers = list(e.detail.get("answers") or [])
    body = e.text.split("\nAnswers: ")[0] if answers else e.text
    if e.detail.get("step_kind") == "question" and answers:
        return Draft(
            "question",
            {
                **base,
                "text": e.title + (f"\n\n{excerpt(body, 600)}" if body.strip() else ""),
                "options": answers[:6],
                "allow_text": True,
            },
            conf,
            "library",
        )
    return Draft(
        "action",
        {
            **base,
            "kind": _ACTION_KINDS.get(str(e.detail.get("step_kind")), "instruction"),
            "title": e.title,
            "instructions": excerpt(body, 1200),
            "command": first_command(body),
            "expected": "Says whether it fixed or explained the problem",
            "options": ["Done", "Doesn't apply"],
        },
        conf,
        "library",
    )


def _past_fix(e: Evidence, conf: float) -> Draft:
    resolution = (
        e.text.strip().splitlines()[0].removeprefix("Resolution:").strip() if e.text.strip() else ""
    )
    return Draft(
        "resolution_suggestion",
        {
            "purpose": "fix",
            "summary": f"A similar problem (“{e.title}”) was fixed like this: {resolution}",
            "fix": {
                "title": f"Apply the fix from “{e.title}”"[:300],
                "instructions": resolution,
                "command": first_command(e.text),
            },
            "follow_ups": [],
            "options": ["Try this fix", "Not this"],
            "source_ref": _ref(e),
            "ref_id": str(e.id),
        },
        max(conf, e.relevance),
        "history",
    )


def confidence_floor(pilot: dict[str, Any]) -> float:
    """Following an accepted flow keeps the session guided whatever one step scores."""
    return tiers.FOLLOWING_FLOW if pilot.get("flow_decision") == "accepted" else 0.0
