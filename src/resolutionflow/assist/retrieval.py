"""Finding what the account already knows about a problem: published flows (and the step of
each that fits best), resolved sessions (their redacted documentation), knowledge-document
chunks and step-library steps. Full-text ranking on both engines; every hit carries an
engine-neutral relevance (the share of the question's words it contains, titles weighing more)
that confidences come from. A library step's relevance has its quality boost applied (ratings,
verified uses, open flags: steps/ranking.py), so of two steps that fit about equally the
better-rated, more often verified one ranks first."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow import search
from resolutionflow.assist import repository
from resolutionflow.flows import search as flow_search
from resolutionflow.search import ranking, vectors
from resolutionflow.search.index import coverage, terms

RESOLVED_KIND = "resolved_session"
CHUNK_KIND = "knowledge_chunk"
SourceKind = Literal["flow", "session", "knowledge", "step"]


@dataclass(frozen=True)
class Evidence:
    kind: SourceKind
    id: uuid.UUID  # the flow, the resolved session, the knowledge document, the library step
    title: str
    text: str  # what a prompt or an answer may quote (already redacted for sessions)
    relevance: float  # 0..1
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Retrieval:
    terms: list[str]
    evidence: list[Evidence]

    def best(self, kind: SourceKind) -> Evidence | None:
        return next((e for e in self.evidence if e.kind == kind), None)

    def of(self, kind: SourceKind) -> list[Evidence]:
        return [e for e in self.evidence if e.kind == kind]


def relevance(words: list[str], title: str, body: str) -> float:
    """Title matches count more than body matches; one-word questions are weak evidence."""
    if not words:
        return 0.0
    score = 0.45 * coverage(words, title) + 0.55 * coverage(words, title + "\n" + body)
    breadth = min(1.0, 0.55 + 0.15 * len(words))
    return round(min(1.0, score * breadth), 3)


# Reciprocal-rank fusion constant: how much the engine's order (bm25 / ts_rank, which weighs
# rare words) and the word-coverage order each count. Coverage alone throws away what the
# engine knows about rarity (bench/copilot_eval.py measured it); the engine alone has no
# notion of "how much of the question is answered".
_RRF_K = 10


def fuse(evidence: list[Evidence]) -> list[Evidence]:
    """`evidence` arrives in the engine's order (semantic-only hits last); returns it ordered by
    the fused rank of the engine's order, the coverage order and, when embeddings are on, the
    similarity order."""
    by_relevance = sorted(range(len(evidence)), key=lambda i: -evidence[i].relevance)
    coverage_rank = {i: r for r, i in enumerate(by_relevance)}
    similar = [i for i in range(len(evidence)) if "similarity" in evidence[i].detail]
    similar.sort(key=lambda i: -evidence[i].detail["similarity"])
    similarity_rank = {i: r for r, i in enumerate(similar)}

    def score(i: int) -> float:
        total = 1 / (_RRF_K + i) + 1 / (_RRF_K + coverage_rank[i])
        if i in similarity_rank:
            total += 1 / (_RRF_K + similarity_rank[i])
        return total

    return [evidence[i] for i in sorted(range(len(evidence)), key=lambda i: -score(i))]


# Below this cosine similarity a semantic neighbour is not evidence. Embedding models differ in
# scale; this suits normalised sentence embeddings and is documented in docs/ai.md.
SEMANTIC_FROM = 0.5


def semantic_relevance(similarity: float) -> float:
    """A similarity as a relevance on the same 0..1 scale the answers' confidences use."""
    return round(max(0.0, min(0.9, (similarity - SEMANTIC_FROM) / (1 - SEMANTIC_FROM) * 0.9)), 3)


def _node_text(node: dict[str, Any]) -> str:
    return " ".join([node.get("title", ""), node.get("body", ""), *(node.get("items") or [])])


def best_node(graph: dict[str, Any], words: list[str]) -> dict[str, Any] | None:
    """The flow step that fits the question best (where this problem would be in the flow);
    the start when nothing fits better."""
    nodes = [n for n in graph.get("nodes", []) if n.get("type") != "resolution"]
    if not nodes:
        return None
    scored = [(coverage(words, _node_text(n)), i, n) for i, n in enumerate(nodes)]
    top = max(scored, key=lambda t: (t[0], -t[1]))
    if top[0] > 0:
        return dict(top[2])
    start = graph.get("start")
    return dict(next((n for n in nodes if n.get("id") == start), nodes[0]))


def outgoing(graph: dict[str, Any], node_id: str) -> list[tuple[str, dict[str, Any]]]:
    by_id = {n["id"]: n for n in graph.get("nodes", [])}
    return [
        (e.get("label", ""), by_id[e["target"]])
        for e in graph.get("edges", [])
        if e.get("source") == node_id and e.get("target") in by_id
    ]


async def _flows(
    db: AsyncSession,
    account_id: uuid.UUID,
    query: str,
    words: list[str],
    limit: int,
    near: dict[uuid.UUID, float],
) -> list[Evidence]:
    matched = flow_search.matches(db, account_id, query, any_term=True)
    order: list[uuid.UUID] = []
    if matched is not None:
        ranked = await db.execute(
            select(matched.c.flow_id).order_by(matched.c.rank).limit(limit * 3)
        )
        order = [fid for (fid,) in ranked]
    order += [fid for fid in near if fid not in order]
    if not order:
        return []
    found = await repository.published_flows_with_graph(db, account_id, order)
    out = []
    for fid in order:
        if fid not in found:
            continue
        flow, graph = found[fid]
        body = " ".join(_node_text(n) for n in graph.get("nodes", []))
        head = " ".join([flow.title, flow.description, " ".join(flow.tags or []), flow.category])
        node = best_node(graph, words)
        detail: dict[str, Any] = {
            "version": flow.latest_version,
            "category": flow.category,
            "graph": graph,
            "node": node,
        }
        lexical = relevance(words, head, body)
        if fid in near:
            detail["similarity"] = near[fid]
            lexical = max(lexical, semantic_relevance(near[fid]))
        out.append(
            Evidence(
                kind="flow",
                id=flow.id,
                title=flow.title,
                text=(flow.description or "") + ("\n" + body[:1500] if body else ""),
                relevance=lexical,
                detail=detail,
            )
        )
    return fuse(out)[:limit]


# How many rows the engine hands over for re-ranking (its own order picks them).
CANDIDATES = 50
# And how many more the feedback words may add.
FEEDBACK_CANDIDATES = 20


async def _texts(
    db: AsyncSession,
    account_id: uuid.UUID,
    query: str,
    kind: str,
    source: SourceKind,
    limit: int,
    near: dict[uuid.UUID, float],
) -> list[Evidence]:
    """Rows of `kind` for `query`: the engine finds candidates for the question's most
    informative terms, search.ranking orders them (BM25F + feedback) and gives each its
    relevance."""
    stats = await search.index.corpus_stats(db, account_id, kind)
    if stats.docs <= 0 and not near:
        return []
    query_terms = ranking.query_terms(query, stats)  # most informative first
    searched = ranking.searched(query_terms, stats)
    idf = {t: stats.idf(t) for t in searched}
    hits = await search.index.candidates(db, account_id, searched, [kind], CANDIDATES, idf)
    have = {h.ref_id for h in hits}
    extra = [ref for ref in near if ref not in have]
    if extra:
        hits = [*hits, *await search.index.rows(db, account_id, kind, extra)]
    pool = [(h.title, h.body) for h in hits]
    scored = ranking.rank(query_terms, stats, pool)
    if sum(1 for s in scored if s.score >= ranking.ABSTAIN_BELOW) < limit:
        # The question's own words found too little: expand it with what the best rows say
        # (pseudo-relevance feedback) and look again.
        feedback = ranking.expansion(query_terms, stats, pool, scored)
        if feedback:
            have = {h.ref_id for h in hits}
            more = await search.index.candidates(
                db, account_id, list(feedback), [kind], CANDIDATES, feedback
            )
            hits += [h for h in more if h.ref_id not in have]
            pool = [(h.title, h.body) for h in hits]
            scored = ranking.rank_expanded(query_terms, feedback, stats, pool, scored)
    out: list[Evidence] = []
    seen: set[uuid.UUID] = set()
    for s in scored:
        hit = hits[s.index]
        owner = hit.parent_id or hit.ref_id
        # One chunk per document and one row per session: variety beats five chunks of one file.
        if owner in seen:
            continue
        seen.add(owner)
        detail: dict[str, Any] = {"ref_id": str(hit.ref_id), "score": round(s.score, 3)}
        value = ranking.relevance(s.score)
        if hit.ref_id in near:
            detail["similarity"] = near[hit.ref_id]
            value = max(value, semantic_relevance(near[hit.ref_id]))
        out.append(
            Evidence(
                kind=source,
                id=owner,
                title=hit.title,
                text=hit.body,
                relevance=value,
                detail=detail,
            )
        )
    if near:
        out = fuse(out)
    return out[:limit]


async def _library_steps(
    db: AsyncSession, account_id: uuid.UUID, query: str, limit: int
) -> list[Evidence]:
    """The account's library steps for `query`, best first: text relevance with the bounded
    quality boost (steps.service.ranked_steps, the one ranking of library suggestions). The
    boosted score is the evidence's relevance (capped at 1), so suggestions and confidences
    compare it with the other kinds' relevance; the plain text relevance stays in `detail`."""
    # Imported here: the step library scores text with this module's relevance().
    from resolutionflow.steps import service as step_library

    out = []
    for ranked in await step_library.ranked_steps(db, account_id, query, limit):
        step, stats = ranked.step, ranked.stats
        answers = list(step.answers or [])
        text = step.body + ("\nAnswers: " + ", ".join(answers) if answers else "")
        out.append(
            Evidence(
                kind="step",
                id=step.id,
                title=step.title,
                text=text,
                relevance=round(min(1.0, ranked.score), 3),
                detail={
                    "text_relevance": ranked.relevance,
                    "quality": ranked.quality,
                    "step_kind": step.kind,
                    "answers": answers,
                    "rating_avg": stats.rating_avg,
                    "rating_count": stats.rating_count,
                    "verified_uses": stats.verified_uses,
                    "open_flags": stats.open_flags,
                },
            )
        )
    return out


async def retrieve(
    db: AsyncSession,
    account_id: uuid.UUID,
    query: str,
    per_kind: int = 3,
    vector: list[float] | None = None,
) -> Retrieval:
    """Full-text retrieval, plus semantic neighbours when `vector` (the query's embedding, made
    beforehand with no transaction open: search.vectors.query_vector) is given."""
    words = terms(query, "any")
    if not words and vector is None:
        return Retrieval(words, [])
    near: dict[str, dict[uuid.UUID, float]] = {"flow": {}, RESOLVED_KIND: {}, CHUNK_KIND: {}}
    if vector is not None:
        for n in await vectors.nearest(db, account_id, vector, per_kind=per_kind * 2):
            if n.similarity >= SEMANTIC_FROM and n.kind in near:
                near[n.kind][n.ref_id] = n.similarity
    evidence = [
        *await _flows(db, account_id, query, words, per_kind, near["flow"]),
        *await _texts(
            db, account_id, query, RESOLVED_KIND, "session", per_kind, near[RESOLVED_KIND]
        ),
        *await _texts(db, account_id, query, CHUNK_KIND, "knowledge", per_kind, near[CHUNK_KIND]),
        *(await _library_steps(db, account_id, query, per_kind) if words else []),
    ]
    # Across kinds only relevance compares (each engine's scores are per query and kind). The
    # sort is stable: library steps whose boosted score is capped at 1 keep their ranked order.
    evidence.sort(key=lambda e: e.relevance, reverse=True)
    return Retrieval(words, evidence)
