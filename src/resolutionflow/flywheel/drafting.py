"""Offline drafting: the common path of several sessions as a valid flow (new_flow), and the
change to an existing flow that its runs point at (enhancement, branch_addition).

new_flow, in short (docs/knowledge-loop.md has the long form):
1. the steps of every session are clustered by their normalised titles (TF-IDF over words and
   character n-grams, average linkage, a similarity threshold), so "Restart the spooler" and
   "restarted print spooler" become one step;
2. each session becomes a sequence of step clusters with the answer given at each question;
   steps seen in too few sessions are dropped as noise;
3. the steps are ordered by their mean relative position and the sequences merged into one
   graph (a multiple alignment against that consensus order: a transition that goes backwards
   is dropped); at a question each answer leads where it most often led; an action leads to
   its most frequent successor;
4. each session's end becomes a resolution (what worked, by the words of its summary); the
   graph is then repaired until the flow validator accepts it (a question needs two answers,
   every node must reach an end, nothing unreachable).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from resolutionflow.flows.document import Edge, FlowDocument, Node
from resolutionflow.flows.validation import errors_only, validate
from resolutionflow.flywheel import clustering
from resolutionflow.flywheel.traces import Trace, TraceStep

STEP_THRESHOLD = 0.42
RESOLUTION_THRESHOLD = 0.35
FALLBACK_TITLE = "Not covered yet: escalate"
OTHER_LABEL = "Something else"

Redact = Callable[[str], str]


def _same(text: str) -> str:
    return text


@dataclass
class Draft:
    document: FlowDocument
    # node id -> how many of the evidence sessions passed through it
    support: dict[str, int] = field(default_factory=dict)
    sessions: int = 0

    @property
    def steps(self) -> int:
        return sum(1 for n in self.document.nodes if n.type != "resolution")


def min_support(n: int) -> int:
    """A step must appear in this many sessions to be kept: a few percent of a large cluster,
    and at least two sessions once there are four or more."""
    return max(1 if n < 4 else 2, math.ceil(0.04 * n))


def _ids(prefix: str) -> Callable[[], str]:
    counter = iter(range(1, 10_000))
    return lambda: f"{prefix}{next(counter)}"


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def draft_new_flow(
    traces: Sequence[Trace],
    *,
    title: str,
    description: str = "",
    redact: Redact = _same,
) -> Draft:
    """A valid flow from the common path of `traces` (each should have ended)."""
    seqs = [[s for s in t.steps if s.title.strip()] for t in traces]
    occurrences: list[tuple[int, int, TraceStep]] = [
        (si, pi, step) for si, seq in enumerate(seqs) for pi, step in enumerate(seq)
    ]
    texts = [clustering.normalise(o[2].title) or o[2].title.lower() for o in occurrences]
    emb = clustering.embed(texts)
    sims = clustering.similarity_matrix(emb)
    groups = clustering.agglomerate(sims, STEP_THRESHOLD)
    group_of: dict[int, int] = {}
    for g, members in enumerate(groups):
        for m in members:
            group_of[m] = g
    n = len(traces)
    support: Counter[int] = Counter()
    for g, members in enumerate(groups):
        support[g] = len({occurrences[m][0] for m in members})
    keep = {g for g in support if support[g] >= min_support(n)}

    # Each session as kept step groups, consecutive repeats collapsed.
    paths: list[list[tuple[int, str | None, int]]] = []  # (group, answer, occurrence index)
    index = 0
    for seq in seqs:
        path: list[tuple[int, str | None, int]] = []
        for step in seq:
            g = group_of[index]
            if g in keep:
                if path and path[-1][0] == g:
                    path[-1] = (g, step.answer or path[-1][1], index)
                else:
                    path.append((g, step.answer, index))
            index += 1
        paths.append(path)

    # Consensus order: the mean relative position of each step in the sessions that have it.
    positions: dict[int, list[float]] = defaultdict(list)
    for path in paths:
        for i, (g, _, _) in enumerate(path):
            positions[g].append(i / max(1, len(path) - 1) if len(path) > 1 else 0.0)
    order = {g: sum(v) / len(v) for g, v in positions.items()}

    # Kind and title of each step group: a question when most of its occurrences are asked.
    kinds: dict[int, str] = {}
    titles: dict[int, str] = {}
    details: dict[int, str] = {}
    for g in order:
        members = groups[g]
        asked = sum(1 for m in members if occurrences[m][2].kind == "question")
        kinds[g] = "question" if asked * 2 > len(members) else "action"
        typical = clustering.medoid(members, sims)
        titles[g] = _short(redact(_title_case(occurrences[typical][2].title.strip())))
        found = Counter(
            occurrences[m][2].detail.strip() for m in members if occurrences[m][2].detail
        )
        details[g] = redact(found.most_common(1)[0][0])[:2000] if found else ""

    # Ends: resolutions clustered by the words of the summary.
    ends: list[str] = []
    for t in traces:
        if t.status == "resolved":
            ends.append(t.resolution.strip() or "Resolved")
        else:
            ends.append("")
    end_texts = [clustering.normalise(e) or "resolved" for e in ends]
    end_sims = clustering.similarity_matrix(clustering.embed(end_texts))
    end_groups = clustering.agglomerate(end_sims, RESOLUTION_THRESHOLD)
    end_of: dict[int, int] = {}
    end_titles: dict[int, str] = {}
    for e, members in enumerate(end_groups):
        resolved = [m for m in members if ends[m]]
        for m in members:
            end_of[m] = e if ends[m] else -1
        if resolved:
            typical = clustering.medoid(resolved, end_sims)
            end_titles[e] = _short(redact(_title_case(ends[typical])), 200)

    # Transitions: (from group, answer) -> Counter(to); the last kept step -> its end.
    START = -1
    moves: dict[tuple[int, str | None], Counter[tuple[str, int]]] = defaultdict(Counter)
    for si, path in enumerate(paths):
        prev: tuple[int, str | None] = (START, None)
        for g, answer, _ in path:
            if (
                prev[0] == START
                or order[g] > order[prev[0]]
                or (order[g] == order[prev[0]] and g != prev[0])
            ):
                moves[prev][("step", g)] += 1
                prev = (g, answer if kinds[g] == "question" else None)
        end = end_of.get(si, -1)
        moves[prev][("end", end)] += 1

    ids = {g: f"s{i + 1}" for i, g in enumerate(sorted(order, key=lambda g: (order[g], g)))}
    end_ids = {e: f"r{i + 1}" for i, e in enumerate(sorted(end_titles))}
    nodes: dict[str, Node] = {}
    node_support: dict[str, int] = {}
    for g, node_id in ids.items():
        body = details[g]
        nodes[node_id] = Node(
            id=node_id,
            type="question" if kinds[g] == "question" else "action",
            title=titles[g],
            body=f"Done in {support[g]} of {n} sessions."
            + (f"\n\n```\n{body}\n```" if body else ""),
        )
        node_support[node_id] = support[g]
    for e, node_id in end_ids.items():
        nodes[node_id] = Node(
            id=node_id, type="resolution", title=end_titles[e], outcome="resolved"
        )
        node_support[node_id] = sum(1 for si in range(n) if end_of.get(si) == e)

    def target(key: tuple[str, int]) -> str | None:
        kind, value = key
        if kind == "step":
            return ids.get(value)
        return end_ids.get(value)

    out: dict[str, dict[str, str]] = defaultdict(dict)  # node -> label -> target
    start_counts = moves.get((START, None), Counter())
    start = next((target(k) for k, _ in start_counts.most_common() if target(k)), None)
    by_node: dict[int, dict[str | None, Counter[tuple[str, int]]]] = defaultdict(dict)
    for (g, answer), counter in moves.items():
        if g != START:
            by_node[g][answer] = counter
    for g, answers in by_node.items():
        src = ids[g]
        for answer, counter in sorted(answers.items(), key=lambda a: -sum(a[1].values())):
            dest = next((target(k) for k, _ in counter.most_common() if target(k)), None)
            if dest is None or dest == src:
                continue
            label = (answer or "") if kinds[g] == "question" else ""
            if kinds[g] == "question" and not label:
                label = OTHER_LABEL
            if label in out[src] or (kinds[g] != "question" and out[src]):
                continue
            out[src][label] = dest
    doc = _assemble(title, description, start, nodes, out)
    doc = repair(doc)
    kept = {node.id for node in doc.nodes}
    return Draft(doc, {k: v for k, v in node_support.items() if k in kept}, n)


def _assemble(
    title: str,
    description: str,
    start: str | None,
    nodes: dict[str, Node],
    out: dict[str, dict[str, str]],
) -> FlowDocument:
    edges = [
        Edge(source=src, target=dst, label=label)
        for src, labels in out.items()
        for label, dst in labels.items()
    ]
    if start is None:
        start = next(iter(nodes), None)
    return FlowDocument(
        title=_short(title, 200) or "Proposed flow",
        kind="troubleshooting",
        description=description[:5000],
        category="",
        tags=["proposed"],
        start=start,
        nodes=list(nodes.values()),
        edges=edges,
    )


def repair(doc: FlowDocument) -> FlowDocument:
    """Make a draft valid: drop what the start cannot reach, give every question a second
    answer and every dead end a way to a resolution (an escalation: the evidence did not say
    what comes next). Raises if it cannot, which would be a defect here."""
    nodes = {n.id: n.model_copy() for n in doc.nodes}
    edges = [e for e in doc.edges if e.source in nodes and e.target in nodes]
    if doc.start is None or doc.start not in nodes:
        nodes = {
            "r_fallback": Node(
                id="r_fallback", type="resolution", title=FALLBACK_TITLE, outcome="escalate"
            )
        }
        return doc.model_copy(
            update={"nodes": list(nodes.values()), "edges": [], "start": "r_fallback"}
        )
    fallback_id = "r_escalate"

    def ensure_fallback() -> str:
        if fallback_id not in nodes:
            nodes[fallback_id] = Node(
                id=fallback_id,
                type="resolution",
                title=FALLBACK_TITLE,
                body="The sessions behind this proposal did not go further here.",
                outcome="escalate",
            )
        return fallback_id

    for _ in range(3):
        outs: dict[str, list[Edge]] = defaultdict(list)
        for e in edges:
            outs[e.source].append(e)
        for node in list(nodes.values()):
            mine = outs.get(node.id, [])
            if node.type == "resolution":
                edges = [e for e in edges if e.source != node.id]
            elif node.type == "question":
                labels = {e.label for e in mine}
                if len(mine) == 0:
                    dest = ensure_fallback()
                    edges += [
                        Edge(source=node.id, target=dest, label="Yes"),
                        Edge(source=node.id, target=dest, label="No"),
                    ]
                elif len(mine) == 1:
                    other = "No" if "Yes" in labels else ("Yes" if "No" in labels else OTHER_LABEL)
                    edges.append(Edge(source=node.id, target=ensure_fallback(), label=other))
            elif not mine:
                edges.append(Edge(source=node.id, target=ensure_fallback(), label=""))
        # Reachable from the start only.
        seen = {doc.start}
        frontier = [doc.start]
        while frontier:
            cur = frontier.pop()
            for e in edges:
                if e.source == cur and e.target not in seen:
                    seen.add(e.target)
                    frontier.append(e.target)
        nodes = {k: v for k, v in nodes.items() if k in seen}
        edges = [e for e in edges if e.source in seen and e.target in seen]
        # Nodes that cannot reach an end (a cycle with no exit) get a way out.
        ends = {k for k, v in nodes.items() if v.type == "resolution"}
        reach = set(ends)
        changed = True
        while changed:
            changed = False
            for e in edges:
                if e.target in reach and e.source not in reach:
                    reach.add(e.source)
                    changed = True
        stuck = [k for k in nodes if k not in reach]
        for k in stuck:
            node = nodes[k]
            if node.type == "question":
                labels = {e.label for e in edges if e.source == k}
                label = OTHER_LABEL if OTHER_LABEL not in labels else f"{OTHER_LABEL} ({k})"
                edges.append(Edge(source=k, target=ensure_fallback(), label=label))
            else:
                edges = [e for e in edges if e.source != k]
                edges.append(Edge(source=k, target=ensure_fallback(), label=""))
        candidate = doc.model_copy(update={"nodes": list(nodes.values()), "edges": edges})
        if not errors_only(validate(candidate)):
            return candidate
    problems = errors_only(validate(candidate))
    raise ValueError(f"draft could not be repaired: {[p.message for p in problems][:5]}")


def linear(
    title: str, steps: Sequence[TraceStep], resolution: str, redact: Redact = _same
) -> FlowDocument:
    """One session's steps in order, as a flow: the baseline the bench compares with."""
    nodes: dict[str, Node] = {}
    out: dict[str, dict[str, str]] = defaultdict(dict)
    prev: tuple[str, str] | None = None
    for i, step in enumerate(steps):
        node_id = f"s{i + 1}"
        nodes[node_id] = Node(
            id=node_id, type="question" if step.kind == "question" else "action",
            title=_short(redact(step.title)),
        )  # fmt: skip
        if prev is not None:
            out[prev[0]][prev[1]] = node_id
        prev = (node_id, (step.answer or OTHER_LABEL) if step.kind == "question" else "")
    nodes["r1"] = Node(
        id="r1",
        type="resolution",
        title=_short(redact(resolution or "Resolved")),
        outcome="resolved",
    )
    if prev is not None:
        out[prev[0]][prev[1]] = "r1"
    doc = _assemble(title, "", "s1" if steps else "r1", nodes, out)
    return repair(doc)


# --- changes to an existing flow -------------------------------------------------------------


def _fresh_id(doc: FlowDocument, prefix: str) -> str:
    taken = {n.id for n in doc.nodes}
    i = 1
    while f"{prefix}{i}" in taken:
        i += 1
    return f"{prefix}{i}"


def add_step_before_end(
    doc: FlowDocument, end_node: str, title: str, body: str
) -> FlowDocument | None:
    """The fix engineers applied after the flow ended at `end_node`, as an action just before
    that end: every edge into the end now goes through the new step."""
    if not any(n.id == end_node for n in doc.nodes):
        return None
    new_id = _fresh_id(doc, "fw")
    edges = [
        e.model_copy(update={"target": new_id}) if e.target == end_node else e for e in doc.edges
    ]
    edges.append(Edge(source=new_id, target=end_node, label=""))
    nodes = [*doc.nodes, Node(id=new_id, type="action", title=_short(title), body=body)]
    start = new_id if doc.start == end_node else doc.start
    return doc.model_copy(update={"nodes": nodes, "edges": edges, "start": start})


def add_branch(
    doc: FlowDocument, question: str, label: str, next_title: str | None
) -> FlowDocument | None:
    """A new answer at `question`: to what the engineers did next when they gave it, then an
    escalation (the evidence does not say more), or straight to the escalation."""
    node = next((n for n in doc.nodes if n.id == question), None)
    if node is None or node.type != "question":
        return None
    label = _short(label, 120)
    if any(e.source == question and e.label.casefold() == label.casefold() for e in doc.edges):
        return None
    nodes = list(doc.nodes)
    edges = list(doc.edges)
    end_id = _fresh_id(doc, "fwr")
    nodes.append(
        Node(
            id=end_id,
            type="resolution",
            title=f"{label}: escalate if not solved",
            outcome="escalate",
        )
    )
    if next_title:
        step_id = _fresh_id(doc.model_copy(update={"nodes": nodes}), "fw")
        nodes.append(Node(id=step_id, type="action", title=_short(next_title)))
        edges += [
            Edge(source=question, target=step_id, label=label),
            Edge(source=step_id, target=end_id, label=""),
        ]
    else:
        edges.append(Edge(source=question, target=end_id, label=label))
    return doc.model_copy(update={"nodes": nodes, "edges": edges})


def annotate(doc: FlowDocument, node_id: str, note: str) -> FlowDocument | None:
    """Guidance added to a node's body (where runs went back or escalated)."""
    node = next((n for n in doc.nodes if n.id == node_id), None)
    if node is None:
        return None
    body = (node.body + "\n\n" if node.body else "") + note
    nodes = [
        n.model_copy(update={"body": body[:20000]}) if n.id == node_id else n for n in doc.nodes
    ]
    return doc.model_copy(update={"nodes": nodes})


_PUNCT = re.compile(r"[^\w\s]")


def signature(texts: Sequence[str]) -> str:
    """The words that identify a proposal's subject, for recognising it again."""
    counts: Counter[str] = Counter()
    for t in texts:
        counts.update(set(clustering.words(_PUNCT.sub(" ", t))))
    return " ".join(w for w, _ in counts.most_common(25))
