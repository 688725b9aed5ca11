"""From traces to candidate proposals, and matching a candidate with the proposals already made
(reinforce an open one, reopen a dismissed one with new evidence, never repeat a rejected one).
Pure functions; service.py reads and writes."""

from __future__ import annotations

import hashlib
import math
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from resolutionflow.flows.diff import diff
from resolutionflow.flows.document import FlowDocument
from resolutionflow.flywheel import clustering, drafting
from resolutionflow.flywheel.traces import Trace

# A pattern needs this many sessions before it is proposed.
MIN_EVIDENCE = 3
# A cluster whose problem is this similar to a flow's title and description is covered by it.
COVERED_THRESHOLD = 0.35
# Notes or answers this similar are "the same fix" / "the same answer".
SAME_TEXT_THRESHOLD = 0.35
# A candidate is the same subject as an earlier proposal when this many of the earlier
# proposal's sessions are among its evidence, or when their subjects' words are this similar.
SAME_EVIDENCE = 0.5
SAME_SIGNATURE = 0.5

Redact = Callable[[str], str]


@dataclass
class Candidate:
    kind: str
    title: str
    rationale: str
    confidence: float
    fingerprint: str
    signature: str
    traces: list[Trace]
    draft: dict[str, Any]
    flow_id: uuid.UUID | None = None
    flow_version: int | None = None
    keywords: list[str] = field(default_factory=list)
    source: str = "flywheel"
    worded_by: str = "offline"


def fingerprint(*parts: object) -> str:
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


def span_days(traces: Sequence[Trace]) -> int:
    times = [t.when for t in traces]
    return max(1, math.ceil((max(times) - min(times)).total_seconds() / 86400)) if times else 0


def within(traces: Sequence[Trace]) -> str:
    """ "in 1 day", "in 12 days": the rationale's time span."""
    days = span_days(traces)
    return f"in {days} day" if days == 1 else f"in {days} days"


def _confidence(n: int, cohesion: float) -> float:
    # More sessions and a tighter cluster are surer; it never reaches certainty offline.
    tight = 0.55 + 0.45 * max(0.0, min(1.0, cohesion))
    return float(round(min(0.95, (1 - 0.5 ** (n / 2)) * tight), 2))


def _cohesion(members: Sequence[int], sims: list[list[float]]) -> float:
    if len(members) < 2:
        return 1.0
    total = sum(sims[i][j] for i in members for j in members if i < j)
    return total / (len(members) * (len(members) - 1) / 2)


def _quote(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- new flows ---------------------------------------------------------------------------------


def _problem(t: Trace) -> str:
    return " ".join([t.problem_text(), *(s.title for s in t.steps)])


def covered(problem: str, flows: Sequence[tuple[uuid.UUID, str]]) -> bool:
    """Whether a flow's title and description already say what the problem is about."""
    if not flows:
        return False
    emb = clustering.embed([problem, *(text for _, text in flows)])
    return any(emb.similarity(0, i + 1) >= COVERED_THRESHOLD for i in range(len(flows)))


def new_flows(
    traces: Sequence[Trace],
    flows: Sequence[tuple[uuid.UUID, str]],
    redact: Redact,
    *,
    min_evidence: int = MIN_EVIDENCE,
) -> list[Candidate]:
    """Clusters of resolved freeform/FlowPilot sessions with steps, that no flow covers."""
    pool = [t for t in traces if t.freeform and t.status == "resolved" and t.steps]
    if len(pool) < min_evidence:
        return []
    texts = [_problem(t) for t in pool]
    sims = clustering.similarity_matrix(clustering.embed(texts))
    out: list[Candidate] = []
    for members in clustering.agglomerate(sims, clustering.PROBLEM_THRESHOLD):
        if len(members) < min_evidence:
            continue
        group = [pool[i] for i in members]
        center = pool[clustering.medoid(members, sims)]
        words = clustering.keywords(texts, members)
        if covered(" ".join([center.problem_text(), *words]), flows):
            continue
        out.append(seeded(group, redact, cohesion=_cohesion(members, sims), words=words))
    return out


def seeded(
    group: Sequence[Trace], redact: Redact, *, cohesion: float = 0.5, words: list[str] | None = None
) -> Candidate:
    """A new_flow candidate drafted from exactly these sessions (also for a coverage gap)."""
    texts = [_problem(t) for t in group]
    words = words if words is not None else clustering.keywords(texts, list(range(len(texts))))
    sims = clustering.similarity_matrix(clustering.embed([t.problem_text() for t in group]))
    center = group[clustering.medoid(list(range(len(group))), sims)]
    title = redact(drafting._short(center.title or " ".join(words) or "Proposed flow", 120))
    steps_total = Counter(s.title for t in group for s in t.steps)
    draft = drafting.draft_new_flow(
        group,
        title=title,
        description=redact(
            f"Drafted from {len(group)} sessions about: {', '.join(words) or title}."
        ),
        redact=redact,
    )
    common = [
        n.title for n in draft.document.nodes if n.type != "resolution" and draft.support.get(n.id)
    ][:3]
    resolved = sum(1 for t in group if t.status == "resolved")
    rationale = (
        f"{len(group)} sessions {within(group)} were about “{_quote(title)}”"
        + (f" and {resolved} were resolved" if resolved else "")
        + (f" with similar steps ({'; '.join(_quote(c, 60) for c in common)})" if common else "")
        + ". No flow covers them."
    )
    del steps_total
    return Candidate(
        kind="new_flow",
        title=f"New flow: {title}"[:200],
        rationale=rationale,
        confidence=_confidence(len(group), cohesion),
        fingerprint=fingerprint("new_flow", drafting.signature(words)),
        signature=drafting.signature([t.problem_text() for t in group] + words),
        traces=list(group),
        draft={"document": draft.document.export()},
        keywords=words,
    )


# --- changes to existing flows -----------------------------------------------------------------


def _text_groups(items: Sequence[tuple[Trace, str]], min_evidence: int) -> list[list[int]]:
    texts = [clustering.normalise(text) for _, text in items]
    if not texts:
        return []
    groups = clustering.cluster(texts, SAME_TEXT_THRESHOLD)
    return [g for g in groups if len({items[i][0].session_id for i in g}) >= min_evidence]


def _typical(items: Sequence[tuple[Trace, str]], members: Sequence[int]) -> str:
    texts = [clustering.normalise(items[i][1]) for i in members]
    sims = clustering.similarity_matrix(clustering.embed(texts))
    return items[members[clustering.medoid(list(range(len(members))), sims)]][1]


def _change(
    kind: str,
    flow_id: uuid.UUID,
    version: int,
    base: FlowDocument,
    new: FlowDocument | None,
    change: dict[str, Any],
    group: Sequence[Trace],
    title: str,
    rationale: str,
    key: str,
    words: str,
) -> Candidate | None:
    if new is None:
        return None
    return Candidate(
        kind=kind,
        title=title[:200],
        rationale=rationale,
        confidence=_confidence(len(group), 0.6),
        fingerprint=fingerprint(kind, flow_id, key),
        signature=drafting.signature([words]),
        traces=list({t.session_id: t for t in group}.values()),
        draft={
            "document": new.export(),
            "diff": diff(base, new).model_dump(mode="json"),
            "change": change,
        },
        flow_id=flow_id,
        flow_version=version,
    )


def apply_change(doc: FlowDocument, change: dict[str, Any]) -> FlowDocument | None:
    """Re-apply a proposal's change to a document (the flow's current draft, at approval)."""
    op = change.get("op")
    if op == "add_step_before_end":
        return drafting.add_step_before_end(
            doc, change["node_id"], change["title"], change.get("body", "")
        )
    if op == "add_branch":
        return drafting.add_branch(
            doc, change["node_id"], change["label"], change.get("next_title")
        )
    if op == "annotate":
        return drafting.annotate(doc, change["node_id"], change["note"])
    return None


def changes(
    traces: Sequence[Trace],
    flows: dict[uuid.UUID, tuple[str, int, FlowDocument]],
    redact: Redact,
    *,
    min_evidence: int = MIN_EVIDENCE,
) -> list[Candidate]:
    """enhancement and branch_addition candidates from runs of published flows."""
    runs: dict[uuid.UUID, list[Trace]] = defaultdict(list)
    for t in traces:
        if t.flow is None:
            continue
        try:
            flow_id = uuid.UUID(t.flow.flow_id)
        except ValueError:
            continue
        if flow_id in flows:
            runs[flow_id].append(t)
    out: list[Candidate] = []
    for flow_id, group in runs.items():
        name, version, doc = flows[flow_id]
        titles = {n.id: n.title for n in doc.nodes}
        # 1. The same fix after the flow ended (notes, fixes applied outside it).
        after: dict[str, list[tuple[Trace, str]]] = defaultdict(list)
        for t in group:
            assert t.flow is not None
            if t.flow.completed_at_node and t.flow.completed_at_node in titles:
                for text in t.flow.after_end:
                    if text.strip():
                        after[t.flow.completed_at_node].append((t, text.strip().splitlines()[0]))
        for node_id, items in after.items():
            for members in _text_groups(items, min_evidence):
                fix = redact(drafting._short(_typical(items, members), 200))
                sessions = [items[i][0] for i in members]
                n = len({t.session_id for t in sessions})
                change: dict[str, Any] = {"op": "add_step_before_end", "node_id": node_id, "title": fix,
                          "body": f"Added from {n} sessions that did this after the flow ended."}  # fmt: skip
                cand = _change(
                    "enhancement", flow_id, version, doc, apply_change(doc, change), change,
                    sessions, f"{name}: add “{_quote(fix, 60)}” before “{_quote(titles[node_id], 40)}”",
                    f"{n} sessions {within(sessions)} ended with “{_quote(fix)}” after "
                    f"this flow's last step (“{_quote(titles[node_id], 60)}”).",
                    f"after:{node_id}", fix,
                )  # fmt: skip
                if cand:
                    out.append(cand)
        # 2. Escalation at one node.
        esc: dict[str, list[Trace]] = defaultdict(list)
        for t in group:
            assert t.flow is not None
            if t.flow.escalated_at in titles:
                esc[str(t.flow.escalated_at)].append(t)
        for node_id, sessions in esc.items():
            if len(sessions) < min_evidence:
                continue
            note = (
                f"> Runs often escalate here ({len(sessions)} sessions): check the steps below "
                "with a senior, or add the missing check."
            )
            change = {"op": "annotate", "node_id": node_id, "note": note}
            cand = _change(
                "enhancement", flow_id, version, doc, apply_change(doc, change), change, sessions,
                f"{name}: runs escalate at “{_quote(titles[node_id], 60)}”",
                f"{len(sessions)} sessions {within(sessions)} escalated at "
                f"“{_quote(titles[node_id], 60)}”: the flow does not say what to do there.",
                f"escalate:{node_id}", titles[node_id],
            )  # fmt: skip
            if cand:
                out.append(cand)
        # 3. Going back: the same step left and returned to.
        back: dict[tuple[str, str], list[Trace]] = defaultdict(list)
        for t in group:
            assert t.flow is not None
            for pair in set(t.flow.went_back):
                if pair[1] in titles:
                    back[pair].append(t)
        for (src, dst), sessions in back.items():
            if len(sessions) < min_evidence:
                continue
            came = titles.get(src, src)
            note = (
                f"> Engineers often came back here from “{_quote(came, 60)}” "
                f"({len(sessions)} sessions): make the choice here clearer."
            )
            change = {"op": "annotate", "node_id": dst, "note": note}
            cand = _change(
                "enhancement", flow_id, version, doc, apply_change(doc, change), change, sessions,
                f"{name}: engineers go back to “{_quote(titles[dst], 60)}”",
                f"{len(sessions)} sessions {within(sessions)} went back from "
                f"“{_quote(came, 60)}” to “{_quote(titles[dst], 60)}”.",
                f"back:{src}:{dst}", titles[dst],
            )  # fmt: skip
            if cand:
                out.append(cand)
        # 4. branch_addition: an answer the question lacks.
        answers: dict[str, list[tuple[Trace, str]]] = defaultdict(list)
        for t in group:
            assert t.flow is not None
            for node_id, _title, text in t.flow.off_answers:
                if node_id in titles and text.strip():
                    answers[node_id].append((t, text.strip().splitlines()[0]))
        for node_id, items in answers.items():
            labels = {e.label.casefold() for e in doc.edges if e.source == node_id}
            for members in _text_groups(items, min_evidence):
                answer = redact(drafting._short(_typical(items, members), 80))
                if answer.casefold() in labels:
                    continue
                sessions = [items[i][0] for i in members]
                n = len({t.session_id for t in sessions})
                change = {"op": "add_branch", "node_id": node_id, "label": answer}
                cand = _change(
                    "branch_addition", flow_id, version, doc, apply_change(doc, change), change,
                    sessions, f"{name}: add the answer “{_quote(answer, 50)}” to “{_quote(titles[node_id], 50)}”",
                    f"{n} sessions {within(sessions)} answered “{_quote(titles[node_id], 60)}” "
                    f"with “{_quote(answer, 60)}”, which the question does not offer.",
                    f"branch:{node_id}:{clustering.normalise(answer)[:60]}", answer,
                )  # fmt: skip
                if cand:
                    out.append(cand)
    return out


# --- matching with earlier proposals -----------------------------------------------------------


@dataclass
class Known:
    id: uuid.UUID
    kind: str
    status: str
    fingerprint: str
    signature: str
    flow_id: uuid.UUID | None
    session_ids: set[uuid.UUID]


def same_subject(cand: Candidate, known: Known) -> bool:
    if cand.kind != known.kind or cand.flow_id != known.flow_id:
        return False
    if cand.fingerprint == known.fingerprint:
        return True
    if cand.kind != "new_flow":
        return False
    mine = {t.session_id for t in cand.traces}
    if (
        known.session_ids
        and len(mine & known.session_ids) / len(known.session_ids) >= SAME_EVIDENCE
    ):
        return True
    if cand.signature and known.signature:
        emb = clustering.embed([cand.signature, known.signature])
        return bool(emb.similarity(0, 1) >= SAME_SIGNATURE)
    return False


def match(cand: Candidate, known: Sequence[Known]) -> Known | None:
    """The earlier proposal about the same subject: a rejected one wins (never again), then an
    open, a dismissed or an approved one."""
    rank = {"rejected": 0, "open": 1, "dismissed": 2, "approved": 3}
    hits = [k for k in known if same_subject(cand, k)]
    return min(hits, key=lambda k: rank.get(k.status, 9)) if hits else None
