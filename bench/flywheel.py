"""The knowledge flywheel's offline methods on public data, each beside a simple baseline.

1. Problem clustering (flywheel/clustering.py) — purity, inverse purity and their F1 against
   the sets' own labels:
   - FloDial dialogs replayed as FlowPilot sessions (problem = the user's opening turns), label =
     the troubleshooting tree the dialog was written on;
   - cloud post-mortems replayed as resolved sessions (problem = title + summary, steps = the
     troubleshooting steps), label = the first mitigation label (and the layer-2 root cause);
   - help-desk tickets: no labels in the set, so only the cluster sizes are printed.
   Baseline: each problem goes to the bucket of its most frequent content word.
2. new_flow drafting (flywheel/drafting.py) — FloDial dialogs replayed as freeform sessions
   with the tree withheld; per tree, the draft built from that tree's dialogs is compared with
   the tree: a draft node matches a tree node when their titles are similar enough (best match
   one-to-one), then node recall/precision and edge recall (same source, target and answer).
   Baseline: the longest single dialog as a linear flow.

Reads ../shared/data/eval relative to the checkout (or RF_EVAL_DIR); evaluation only: nothing
of it is copied anywhere. Run: .venv/bin/python bench/flywheel.py
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from resolutionflow.flows.validation import errors_only, validate
from resolutionflow.flywheel import clustering, drafting
from resolutionflow.flywheel.traces import Trace, TraceStep

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("RF_EVAL_DIR", ROOT.parent / "shared" / "data" / "eval"))
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _trace(title: str, problem: str, steps: list[TraceStep], resolution: str) -> Trace:
    return Trace(
        session_id=uuid.uuid4(), title=title, problem=problem, status="resolved", mode="pilot",
        owner_id=None, created_at=NOW, ended_at=NOW, steps=steps, resolution=resolution,
    )  # fmt: skip


# --- scoring -----------------------------------------------------------------------------------


def purity(clusters: Sequence[Sequence[int]], labels: Sequence[str]) -> tuple[float, float, float]:
    n = len(labels)
    pur = sum(Counter(labels[i] for i in c).most_common(1)[0][1] for c in clusters) / n
    by_label: dict[str, set[int]] = {}
    for i, lab in enumerate(labels):
        by_label.setdefault(lab, set()).add(i)
    inv = sum(max(len(members & set(c)) for c in clusters) for members in by_label.values()) / n
    f1 = 2 * pur * inv / (pur + inv) if pur + inv else 0.0
    return pur, inv, f1


def keyword_baseline(texts: Sequence[str]) -> list[list[int]]:
    df = Counter(w for t in texts for w in set(clustering.words(t)))
    buckets: dict[str, list[int]] = {}
    for i, t in enumerate(texts):
        ws = clustering.words(t)
        key = max(ws, key=lambda w: (df[w], w)) if ws else ""
        buckets.setdefault(key, []).append(i)
    return list(buckets.values())


def _row(name: str, clusters: Sequence[Sequence[int]], labels: Sequence[str]) -> str:
    p, i, f = purity(clusters, labels)
    return f"  {name:<28} clusters {len(clusters):>4}  purity {p:.3f}  inverse {i:.3f}  F1 {f:.3f}"


# --- data --------------------------------------------------------------------------------------


def flodial() -> tuple[dict[str, dict], dict[str, dict]]:  # type: ignore[type-arg]
    base = EVAL / "flodial"
    trees = {p.stem: json.loads(p.read_text()) for p in (base / "knowledge-sources").glob("*.json")}
    with gzip.open(base / "dialogs" / "dialogs_dev.json.gz", "rt") as f:
        dialogs = json.load(f)
    return trees, dialogs


def replay_dialog(dialog: dict, tree: dict) -> Trace:  # type: ignore[type-arg]
    """A dialog as a session: the user's opening is the intake; each agent turn grounded on a
    chart node is a step (a question when the node is not terminal), answered Yes/No by where
    the dialog went next (the engineer picking an option); a terminal node is what worked."""
    turns = dialog["utterences"]
    opening = " ".join(u["utterance"] for u in turns[:1] if u["speaker"] == "user")
    asked: list[tuple[str, str]] = []
    for u in turns:
        gid = u.get("grounded_doc_id") or ""
        if u["speaker"] == "agent" and gid.startswith("chart-"):
            node = gid.split("-", 1)[1]
            if not asked or asked[-1][0] != node:
                asked.append((node, u["utterance"]))
    steps: list[TraceStep] = []
    resolution = ""
    for k, (node, text) in enumerate(asked):
        info = tree["nodes"].get(node, {})
        if info.get("terminal"):
            resolution = text
            break
        nxt = asked[k + 1][0] if k + 1 < len(asked) else None
        edges = tree["edges"].get(node, {})
        answer = next((lab.capitalize() for lab, dst in edges.items() if dst == nxt), None)
        steps.append(TraceStep("question", text, answer))
    return _trace(opening[:200], opening, steps, resolution)


def tree_graph(tree: dict) -> tuple[dict[str, str], set[tuple[str, str, str]]]:  # type: ignore[type-arg]
    titles = {nid: (n.get("utterance") or n.get("label") or "") for nid, n in tree["nodes"].items()}
    edges = {(s, d, lab.capitalize()) for s, e in tree["edges"].items() for lab, d in e.items()}
    return titles, edges


def overlap(doc, tree: dict, threshold: float = 0.3) -> tuple[float, float, float]:  # type: ignore[no-untyped-def,type-arg]
    """Node recall, node precision and edge recall of a draft against a tree, matching each
    draft node to at most one tree node by title similarity (greedy, best pairs first)."""
    titles, tree_edges = tree_graph(tree)
    draft_nodes = [n for n in doc.nodes if n.title != drafting.FALLBACK_TITLE]
    tree_ids = list(titles)
    texts = [n.title for n in draft_nodes] + [titles[t] for t in tree_ids]
    emb = clustering.embed([clustering.normalise(t) for t in texts])
    pairs = []
    for i in range(len(draft_nodes)):
        for j in range(len(tree_ids)):
            s = emb.similarity(i, len(draft_nodes) + j)
            if s >= threshold:
                pairs.append((s, i, j))
    match: dict[str, str] = {}
    used: set[int] = set()
    for _s, i, j in sorted(pairs, reverse=True):
        if draft_nodes[i].id in match or j in used:
            continue
        match[draft_nodes[i].id] = tree_ids[j]
        used.add(j)
    node_recall = len(used) / len(tree_ids)
    node_precision = len(match) / max(1, len(draft_nodes))
    found = {
        (match[e.source], match[e.target], e.label)
        for e in doc.edges
        if e.source in match and e.target in match
    }
    edge_recall = len(found & tree_edges) / max(1, len(tree_edges))
    return node_recall, node_precision, edge_recall


# --- runs --------------------------------------------------------------------------------------


def bench_clustering() -> None:
    print(
        f"Problem clustering (threshold {clustering.PROBLEM_THRESHOLD:.2f}) "
        "vs keyword-bucket baseline"
    )
    trees, dialogs = flodial()
    texts, labels = [], []
    for d in dialogs.values():
        trace = replay_dialog(d, trees[d["flowchart"]])
        texts.append(trace.problem_text())
        labels.append(d["flowchart"])
    started = time.perf_counter()
    ours = clustering.cluster(texts, clustering.PROBLEM_THRESHOLD)
    took = time.perf_counter() - started
    print(f" FloDial dialogs ({len(texts)}, {len(set(labels))} trees) [{took:.1f}s]")
    print(_row("flywheel (tf-idf+avg link)", ours, labels))
    print(_row("baseline (top keyword)", keyword_baseline(texts), labels))

    rows = [
        json.loads(line) for line in (EVAL / "cloud_postmortems" / "incidents_dev.jsonl").open()
    ]
    rows = [r for r in rows if r.get("mitigation_labels")]
    texts = []
    for r in rows:
        steps = [str(v) for v in (r.get("troubleshooting_steps") or {}).values()]
        texts.append(" ".join([r["title"] or "", r.get("summary") or "", *steps])[:4000])
    mitigation = [str(r["mitigation_labels"][0]).strip().lower() for r in rows]
    cause = [
        str(((r.get("root_cause_labels") or [{}])[0] or {}).get("layer-2") or "none") for r in rows
    ]
    ours = clustering.cluster(texts, clustering.PROBLEM_THRESHOLD)
    base = keyword_baseline(texts)
    print(f" Cloud post-mortems ({len(texts)}; labels: first mitigation, layer-2 root cause)")
    print(_row("flywheel / mitigation", ours, mitigation))
    print(_row("baseline / mitigation", base, mitigation))
    print(_row("flywheel / root cause", ours, cause))
    print(_row("baseline / root cause", base, cause))

    with gzip.open(EVAL / "helpdesk_tickets_conversations" / "tickets_dev.jsonl.gz", "rt") as f:
        tickets = [json.loads(line) for line in f]
    texts = [
        " ".join(c["text"] for c in t["comments"] if c["author_role"] == "reporter")[:2000]
        for t in tickets
    ]
    ours = clustering.cluster(texts, clustering.PROBLEM_THRESHOLD)
    sizes = sorted((len(c) for c in ours), reverse=True)
    print(
        f" Help-desk tickets ({len(texts)}; no labels in the set): {len(ours)} clusters, "
        f"largest {sizes[:8]}, {sum(1 for s in sizes if s == 1)} singletons"
    )


def bench_drafting() -> None:
    print("new_flow drafts vs the withheld FloDial trees (title match >= 0.30)")
    trees, dialogs = flodial()
    by_tree: dict[str, list[Trace]] = {}
    for d in dialogs.values():
        by_tree.setdefault(d["flowchart"], []).append(replay_dialog(d, trees[d["flowchart"]]))
    totals = {"ours": [0.0, 0.0, 0.0], "base": [0.0, 0.0, 0.0]}
    valid = 0
    for name in sorted(by_tree):
        traces = by_tree[name]
        draft = drafting.draft_new_flow(traces, title=name)
        valid += not errors_only(validate(draft.document))
        longest = max(traces, key=lambda t: (len(t.steps), str(t.session_id)))
        base = drafting.linear(name, longest.steps, longest.resolution)
        o, b = overlap(draft.document, trees[name]), overlap(base, trees[name])
        for k in range(3):
            totals["ours"][k] += o[k]
            totals["base"][k] += b[k]
        print(
            f"  {name:<24} dialogs {len(traces):>3}  draft nodes {len(draft.document.nodes):>3}"
            f"  node recall {o[0]:.2f} (base {b[0]:.2f})  precision {o[1]:.2f} (base {b[1]:.2f})"
            f"  edge recall {o[2]:.2f} (base {b[2]:.2f})"
        )
    n = len(by_tree)
    o, b = [v / n for v in totals["ours"]], [v / n for v in totals["base"]]
    print(
        f"  {'MEAN':<24} valid drafts {valid}/{n}   node recall {o[0]:.3f} vs {b[0]:.3f}"
        f"  precision {o[1]:.3f} vs {b[1]:.3f}  edge recall {o[2]:.3f} vs {b[2]:.3f}"
    )


def main() -> int:
    if not EVAL.exists():
        print(f"no evaluation data at {EVAL}; skipping")
        return 0
    bench_clustering()
    print()
    bench_drafting()
    return 0


if __name__ == "__main__":
    sys.exit(main())
