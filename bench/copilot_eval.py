"""Retrieval quality of the copilot's offline engine on two public sets, beside a plain BM25
baseline (rank-bm25) in the same run: hit@1, hit@3 and latency p50/p95. Prints figures only.

    .venv/bin/python bench/copilot_eval.py [--full] [--sample N] [--seed S]
    RF_BENCH_DATABASE_URL=postgresql+asyncpg://... .venv/bin/python bench/copilot_eval.py

The sets are read where they are (RF_EVAL_DIR, default ../shared/data/eval beside the checkout) and never copied;
without them the bench says so and exits 0. Both are "evaluation use only": nothing of their text
goes into the repository, this file only names their fields.

Cloud post-mortems (cloud_postmortems/incidents_dev.jsonl, ISSRE 2022, Li et al.)
  Every incident is a resolved session of one account, indexed the way assist/memory.py indexes
  one (kind `resolved_session`): title = report title, body = "Resolution: <mitigation>" then the
  summary and the full report (or the root-cause text when there is no report). Query = title +
  summary (never the root-cause text or a label). The incident itself (and the other record with
  the same id, a preliminary RCA) is deleted from the index for its own query inside a
  transaction that is rolled back, so the product's `retrieve()` runs unchanged.
  Hit: a top-k session shares a root-cause label with the query. "leaf" = the most specific label
  path of each root_cause_labels entry (e.g. internal causes > software bugs > config); "layer-2"
  = the coarser path (internal causes > software bugs). Incidents without a label are indexed but
  not asked.

Help-desk tickets (helpdesk_tickets_conversations/tickets_dev.jsonl.gz, Mendeley "Help Desk
Tickets")
  The set has no subject and no category/queue label, so the match is textual. Engineer replies =
  public comments of the assignee minus boilerplate (assignment notices, the waiting-for-feedback
  policy, the internal problem/solution form) and minus replies with < 4 content words. Every
  ticket is a resolved session: title = the first 10 words of its first customer message (the set
  has no subject), body = "Resolution: <last engineer reply>", the first customer message and the
  engineer replies. Query = the first customer message; asked only when an engineer reply follows
  it. Hit: a top-k past ticket has an engineer reply whose content-word set has Jaccard >= 0.2
  with this ticket's real next engineer reply (content words: lowercase \\w+ of 3+ characters,
  minus English function words, greeting/sign-off words, generic status words like "check",
  "update", "feedback", and the set's ph_* masking placeholders). At 0.2 two replies share at
  least a fifth of their distinct content words (two 5-word replies sharing 2 words: 0.25); chance
  is printed beside it.

Both sets
  ours     assist.retrieval.retrieve(db, account_id, query) (default per_kind=3), its sessions in
           order (engine candidates for the most informative terms, ranked by search/ranking.py:
           BM25F over the account's corpus statistics, feedback when too little is found). The
           query's own case is taken out of those statistics too.
  fts      diagnostic: search.search() order (the engine's ranking of its chosen terms).
  bm25     rank_bm25.BM25Okapi over title + body, query and documents split by lowercase \\w+.
  bm25/t   diagnostic: the same BM25 with the product's query terms (stopwords out, first 24).
  chance   the expected hit@k of a random ranking of the same pool (exact, per query).
  prior    diagnostic (tickets): no retrieval at all, the same most-replied tickets for every
           question. A ticket with many engineer replies has one like almost any next reply,
           so this row shows how much of a ticket hit the judge gives whatever was asked.
  paired   queries only ours / only BM25 hits, and the exact two-sided sign-test p of that
           split (below 0.05: the difference is unlikely to be a lucky draw of queries).
  latency  wall time of one retrieve() call (ours) or one get_scores + sort (BM25), in ms.
  abstain  how often the best session's normalised score is below a threshold (the product's,
           ranking.ABSTAIN_BELOW, and others around it: the calibration), split by whether a
           right answer was in the index, and on 100 unrelated questions (the other set's).
  scale    latency of retrieve() with 10,000 session-sized rows made from the sets' own text
           indexed, 200 questions, beside BM25 over the same rows (--scale-only: just this).
  offline  assist.offline.answer() on each query: how often it says "I don't know this one" (no
           evidence >= MIN_RELEVANCE); for tickets also how often its top suggestion's text
           matches the real next reply by the rule above.

Sampling: queries are capped at --sample (default 300) per set, drawn with a fixed seed; the index
always holds the whole set. --full asks every query.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import math
import os
import random
import re
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

os.environ.setdefault("RESOLUTIONFLOW_LOG_LEVEL", "WARNING")
os.environ.setdefault("RESOLUTIONFLOW_SECRET_KEY", secrets.token_urlsafe(32))

EVAL = Path(os.environ.get("RF_EVAL_DIR", ROOT.parent / "shared" / "data" / "eval"))
POSTMORTEMS = EVAL / "cloud_postmortems" / "incidents_dev.jsonl"
TICKETS = EVAL / "helpdesk_tickets_conversations" / "tickets_dev.jsonl.gz"
K = (1, 3)
JACCARD = 0.2
_WORD = re.compile(r"\w+")

# Words that say nothing about *what* an engineer did: function words, greetings and sign-offs,
# and the generic status phrases ("we will check and update you") most replies in the set carry.
_FILLER_WORDS = """
    a an the and or but if then than so as at by for from in into of on to with without be is
    are was were been being am do does did done have has had having will would shall should can
    could may might must not no yes it its this that these those there their they them he she
    his her we us our you your i me my who which what when where why how all any also only just
    very too still now here below above please kindly dear dears greetings hi hello regards best
    thanks thank sir madam team note noted informed inform advise ticket issue let know back get
    got check checking checked look looking update updated updates soonest asap soon feedback
    waiting wait working work find attached share shared provide provided
"""
_FILLER = frozenset(_FILLER_WORDS.split())
_BOILERPLATE = re.compile(
    r"(ticket|issue|request) (has been |is |was )?(re)?assigned"
    r"|to provide our best support|did we resolve the problem|investigation and simulation"
)


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_words(text: str) -> frozenset[str]:
    return frozenset(
        w
        for w in words(text)
        if len(w) > 2 and not w.startswith("ph_") and not w.isdigit() and w not in _FILLER
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def flat(text: str | None) -> str:
    return " ".join((text or "").split())


@dataclass
class Doc:
    key: str  # records with the same key are the same case (left out of each other's pool)
    title: str
    body: str
    ref_id: uuid.UUID = field(default_factory=uuid.uuid4)
    labels: dict[str, frozenset[str]] = field(default_factory=dict)
    replies: list[frozenset[str]] = field(default_factory=list)


@dataclass
class Query:
    doc: int  # index of the doc it comes from
    text: str
    target: frozenset[str] = frozenset()  # tickets: the real next engineer reply's words


@dataclass
class Judge:
    name: str
    hit: Callable[[Query, Doc], bool]


@dataclass
class Task:
    name: str
    docs: list[Doc]
    queries: list[Query]
    judges: list[Judge]
    asked_of: int = 0  # queries before sampling
    foreign: list[str] = field(default_factory=list)  # unrelated questions (the other set's)


# --- the sets -------------------------------------------------------------------------------


def _label_paths(entries: list[dict[str, str]] | None, depth: int | None) -> frozenset[str]:
    paths = set()
    for entry in entries or []:
        layers = [
            str(entry[k]).strip().lower()
            for k in ("layer-1", "layer-2", "layer-3", "layer-4")
            if entry.get(k)
        ]
        if depth is not None:
            if len(layers) < depth:
                continue
            layers = layers[:depth]
        if layers:
            paths.add(" > ".join(layers))
    return frozenset(paths)


def postmortems() -> Task:
    docs: list[Doc] = []
    queries: list[Query] = []
    with POSTMORTEMS.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            summary = flat(r.get("summary"))
            report = (r.get("details") or r.get("root_cause") or "").strip()
            docs.append(
                Doc(
                    key=r["id"],
                    title=flat(r["title"]),
                    body=f"Resolution: {flat(r.get('mitigation')) or 'resolved'}\n{summary}\n{report}",
                    labels={
                        "leaf": _label_paths(r.get("root_cause_labels"), None),
                        "layer-2": _label_paths(r.get("root_cause_labels"), 2),
                    },
                )
            )
            if docs[-1].labels["leaf"]:
                queries.append(Query(len(docs) - 1, f"{flat(r['title'])}\n{summary}"))

    def shares(level: str) -> Callable[[Query, Doc], bool]:
        return lambda q, d: bool(docs[q.doc].labels[level] & d.labels[level])

    return Task(
        "cloud post-mortems: same root-cause label",
        docs,
        queries,
        [Judge("leaf label", shares("leaf")), Judge("layer-2 label", shares("layer-2"))],
    )


def _engineer_replies(comments: list[dict[str, object]]) -> list[str]:
    out = []
    for c in comments:
        text = flat(str(c.get("text") or ""))
        if c.get("author_role") != "assignee" or c.get("is_private"):
            continue
        if _BOILERPLATE.search(text.lower()) or len(content_words(text)) < 4:
            continue
        out.append(text)
    return out


def tickets() -> Task:
    docs: list[Doc] = []
    queries: list[Query] = []
    with gzip.open(TICKETS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            comments = sorted(r["comments"], key=lambda c: c["seq"])
            first = next(
                (i for i, c in enumerate(comments) if c["author_role"] == "reporter"), None
            )
            if first is None:
                continue
            message = flat(comments[first]["text"])
            later = _engineer_replies(comments[first + 1 :])
            replies = _engineer_replies(comments)
            resolution = replies[-1] if replies else "resolved"
            docs.append(
                Doc(
                    key=str(r["issue_id"]),
                    title=" ".join(message.split()[:10]),
                    body=f"Resolution: {resolution}\n{message}\n" + "\n".join(replies),
                    replies=[content_words(t) for t in replies],
                )
            )
            if later:
                queries.append(Query(len(docs) - 1, message, content_words(later[0])))

    def same_reply(q: Query, d: Doc) -> bool:
        return any(jaccard(q.target, r) >= JACCARD for r in d.replies)

    return Task(
        "help-desk tickets: a past ticket's engineer reply ~ the real next reply",
        docs,
        queries,
        [Judge(f"reply Jaccard>={JACCARD}", same_reply)],
    )


def sample(task: Task, limit: int | None, seed: int) -> Task:
    task.asked_of = len(task.queries)
    if limit is not None and len(task.queries) > limit:
        picked = random.Random(seed).sample(range(len(task.queries)), limit)
        task.queries = [task.queries[i] for i in sorted(picked)]
    return task


# --- scoring --------------------------------------------------------------------------------


def chance(pool: int, good: int, k: int) -> float:
    """P(at least one of `good` among a random k of `pool`)."""
    if good == 0 or pool == 0:
        return 0.0
    k = min(k, pool)
    return 1.0 - math.comb(pool - good, k) / math.comb(pool, k)


def sign_test(wins: int, losses: int) -> float:
    """Exact two-sided sign test: how likely a split at least this uneven is between two
    equally good systems (ties, both hit or both miss, left out)."""
    n = wins + losses
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(wins, losses) + 1)) / 2**n
    return min(1.0, 2 * tail)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p * len(ordered)) - 1)] if ordered else 0.0


@dataclass
class Run:
    ranked: dict[str, list[list[int]]] = field(default_factory=dict)  # system -> per query
    latency: dict[str, list[float]] = field(default_factory=dict)
    dont_know: int = 0
    answered: int = 0
    suggestion_match: int = 0
    top_relevance: list[float] = field(default_factory=list)
    top_score: list[float] = field(default_factory=list)  # ours: normalised score of the best
    foreign_score: list[float] = field(default_factory=list)  # the other set's questions


def _report(task: Task, run: Run) -> None:
    print(
        f"  {task.name}\n  {len(task.docs)} indexed, {len(task.queries)} of {task.asked_of} "
        "queries asked"
    )
    systems = list(run.ranked)
    for judge in task.judges:
        print(f"    hit = {judge.name}")
        for system in systems:
            cells = []
            for k in K:
                hits = sum(
                    any(judge.hit(q, task.docs[d]) for d in ranked[:k])
                    for q, ranked in zip(task.queries, run.ranked[system], strict=True)
                )
                cells.append(f"hit@{k} {hits / len(task.queries):6.1%}")
            print(f"      {system:<7} " + "  ".join(cells))
        cells = []
        for k in K:
            expected = 0.0
            for q in task.queries:
                pool = [d for d in task.docs if d.key != task.docs[q.doc].key]
                expected += chance(len(pool), sum(judge.hit(q, d) for d in pool), k)
            cells.append(f"hit@{k} {expected / len(task.queries):6.1%}")
        print(f"      {'chance':<7} " + "  ".join(cells))
        if judge is task.judges[0]:
            for k in K:
                ours_hits, base_hits = (
                    [
                        any(judge.hit(q, task.docs[d]) for d in ranked[:k])
                        for q, ranked in zip(task.queries, run.ranked[system], strict=True)
                    ]
                    for system in ("ours", "bm25")
                )
                only_ours = sum(a and not b for a, b in zip(ours_hits, base_hits, strict=True))
                only_base = sum(b and not a for a, b in zip(ours_hits, base_hits, strict=True))
                print(
                    f"      paired hit@{k}: ours only {only_ours}, bm25 only {only_base} "
                    f"(of {len(task.queries)}; sign test p {sign_test(only_ours, only_base):.2f})"
                )
            good, bad = [], []
            for q, ranked, rel in zip(
                task.queries, run.ranked["ours"], run.top_relevance, strict=True
            ):
                if ranked:
                    (good if judge.hit(q, task.docs[ranked[0]]) else bad).append(rel)
            if good and bad:
                print(
                    f"      ours top-1 relevance: median {statistics.median(good):.2f} when it "
                    f"hits, {statistics.median(bad):.2f} when it misses"
                )
    _abstention(task, run)
    for system, values in run.latency.items():
        print(
            f"    latency {system:<5} p50 {percentile(values, 0.5):6.1f} ms  "
            f"p95 {percentile(values, 0.95):6.1f} ms"
        )
    n = len(task.queries)
    line = f'    offline answer(): "I don\'t know this one" {run.dont_know}/{n} ({run.dont_know / n:.0%})'
    if task.queries[0].target:
        line += (
            f"; top suggestion ~ real next reply {run.suggestion_match}/{run.answered} answered "
            f"({run.suggestion_match / max(1, run.answered):.0%})"
        )
    print(line)


def _abstention(task: Task, run: Run) -> None:
    """How often "I don't know" (best session below the threshold) is said when a right answer
    was in the index, when none was, and on unrelated questions, at the product's threshold and
    around it (the calibration)."""
    from resolutionflow.search.ranking import ABSTAIN_BELOW

    judge = task.judges[0]
    available, missing = [], []
    for q, score in zip(task.queries, run.top_score, strict=True):
        pool = [d for d in task.docs if d.key != task.docs[q.doc].key]
        (available if any(judge.hit(q, d) for d in pool) else missing).append(score)
    print(
        f"    abstention (best score < threshold; right answer in the index for "
        f"{len(available)}, not for {len(missing)}; {len(run.foreign_score)} unrelated questions)"
    )
    for threshold in sorted({0.3, 0.4, ABSTAIN_BELOW, 0.6, 0.8}):
        cells = [
            f"{sum(s < threshold for s in values) / max(1, len(values)):5.0%}"
            for values in (available, missing, run.foreign_score)
        ]
        mark = "  <- product" if threshold == ABSTAIN_BELOW else ""
        print(
            f"      at {threshold:.2f}: answer available {cells[0]}  not available {cells[1]}  "
            f"unrelated {cells[2]}{mark}"
        )


async def _evaluate(maker: object, task: Task) -> Run:
    from rank_bm25 import BM25Okapi
    from sqlalchemy import delete as sql_delete

    from resolutionflow import search
    from resolutionflow.assist.offline import answer
    from resolutionflow.assist.retrieval import RESOLVED_KIND, retrieve
    from resolutionflow.models import Account
    from resolutionflow.search import ranking
    from resolutionflow.search.index import terms

    async with maker() as db:  # type: ignore[operator]
        account = Account(name="Copilot eval", slug=f"copilot-eval-{uuid.uuid4().hex[:12]}")
        db.add(account)
        await db.flush()
        for doc in task.docs:
            await search.put(
                db,
                kind=RESOLVED_KIND,
                ref_id=doc.ref_id,
                parent_id=doc.ref_id,
                account_id=account.id,
                title=doc.title,
                body=doc.body,
            )
        await db.commit()
        account_id = account.id
    by_ref = {d.ref_id: i for i, d in enumerate(task.docs)}
    # The index's statistics as the product keeps them, minus each query's own case below (a
    # new ticket is not in the index when it is asked about).
    stats = ranking.build((d.title, d.body) for d in task.docs)
    bm25 = BM25Okapi([words(d.title + "\n" + d.body) for d in task.docs])
    run = Run(
        ranked={"ours": [], "fts": [], "bm25": [], "bm25/t": []},
        latency={"ours": [], "bm25": []},
    )

    if any(d.replies for d in task.docs):
        run.ranked["prior"] = []
    replies = [float(len(d.replies)) for d in task.docs]

    def top(scores: list[float], left_out: set[int], k: int = 3) -> list[int]:
        order = sorted(
            (i for i in range(len(scores)) if i not in left_out), key=lambda i: -scores[i]
        )
        return order[:k]

    for q in task.queries:
        key = task.docs[q.doc].key
        left_out = {i for i, d in enumerate(task.docs) if d.key == key}
        for i in left_out:
            stats.add(task.docs[i].title, task.docs[i].body, -1)
        stats.built = time.monotonic()
        ranking.remember(account_id, RESOLVED_KIND, stats)
        async with maker() as db:  # type: ignore[operator]
            for i in left_out:
                await search.delete(db, RESOLVED_KIND, task.docs[i].ref_id)
            started = time.perf_counter()
            found = await retrieve(db, account_id, q.text)
            run.latency["ours"].append((time.perf_counter() - started) * 1000)
            _, hits = await search.search(
                db, account_id, q.text, [RESOLVED_KIND], mode="any", limit=12
            )
            await db.rollback()
        for i in left_out:
            stats.add(task.docs[i].title, task.docs[i].body)
        sessions = found.of("session")
        run.ranked["ours"].append([by_ref[e.id] for e in sessions])
        run.top_relevance.append(sessions[0].relevance if sessions else 0.0)
        run.top_score.append(sessions[0].detail.get("score", 0.0) if sessions else 0.0)
        fts: list[int] = []
        for h in hits:
            i = by_ref[h.parent_id or h.ref_id]
            if i not in fts:
                fts.append(i)
        run.ranked["fts"].append(fts[:3])

        started = time.perf_counter()
        ranked = top(list(bm25.get_scores(words(q.text))), left_out)
        run.latency["bm25"].append((time.perf_counter() - started) * 1000)
        run.ranked["bm25"].append(ranked)
        run.ranked["bm25/t"].append(top(list(bm25.get_scores(terms(q.text, "any"))), left_out))
        if "prior" in run.ranked:
            run.ranked["prior"].append(top(replies, left_out))

        composed = answer(q.text, found)
        if "I don't know this one" in composed.content:
            run.dont_know += 1
        else:
            run.answered += 1
            best = composed.suggestions[0] if composed.suggestions else None
            if best and q.target and jaccard(q.target, content_words(best.instructions)) >= JACCARD:
                run.suggestion_match += 1

    for text in task.foreign:
        async with maker() as db:  # type: ignore[operator]
            found = await retrieve(db, account_id, text)
        best = found.of("session")
        run.foreign_score.append(best[0].detail.get("score", 0.0) if best else 0.0)

    async with maker() as db:  # type: ignore[operator]
        await db.execute(sql_delete(Account).where(Account.id == account_id))
        await db.commit()
    return run


SCALE = 10_000


def _synthetic(tasks: list[Task], count: int, seed: int) -> list[tuple[str, str]]:
    """`count` session-sized (title, body) pairs made from the sets' own text: a record's title
    and resolution line with a few passages of other records, so the vocabulary and its
    frequencies are realistic and no two rows are the same."""
    rng = random.Random(seed)
    docs = [d for t in tasks for d in t.docs]
    passages = []
    for d in docs:
        tokens = d.body.split()
        passages += [" ".join(tokens[i : i + 60]) for i in range(0, min(len(tokens), 600), 60)]
    out = []
    for _ in range(count):
        d = rng.choice(docs)
        body = d.body.splitlines()[0] + "\n" + "\n".join(rng.sample(passages, 3))
        out.append((d.title, body))
    return out


async def _scale(engine: AsyncEngine, maker: object, tasks: list[Task], seed: int) -> None:
    """Latency of retrieve() with SCALE resolved sessions indexed, beside BM25 over the same."""
    from rank_bm25 import BM25Okapi
    from sqlalchemy import delete as sql_delete
    from sqlalchemy import text

    from resolutionflow import search
    from resolutionflow.assist.retrieval import RESOLVED_KIND, retrieve
    from resolutionflow.models import Account

    rows = _synthetic(tasks, SCALE, seed)
    async with maker() as db:  # type: ignore[operator]
        account = Account(name="Copilot scale", slug=f"copilot-scale-{uuid.uuid4().hex[:12]}")
        db.add(account)
        await db.flush()
        batch = []
        for title, body in rows:
            ref = uuid.uuid4()
            batch.append(search.Row(RESOLVED_KIND, ref, account.id, title, body, parent_id=ref))
        await search.add(db, batch)
        await db.commit()
        account_id = account.id
    if engine.dialect.name == "postgresql":
        # What autovacuum does soon after a bulk load: the GIN index's pending list merged (every
        # query scans it until then), hint bits set, planner statistics for the new rows.
        async with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            await conn.execute(text("VACUUM ANALYZE text_search"))
    questions = [q.text for t in tasks for q in t.queries]
    questions = random.Random(seed).sample(questions, min(200, len(questions)))
    bm25 = BM25Okapi([words(t + "\n" + b) for t, b in rows])
    ours, base = [], []
    async with maker() as db:  # type: ignore[operator]
        await retrieve(db, account_id, questions[0])  # statistics built once per process
    for question in questions:
        async with maker() as db:  # type: ignore[operator]
            started = time.perf_counter()
            await retrieve(db, account_id, question)
            ours.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        scores = bm25.get_scores(words(question))
        sorted(range(len(scores)), key=lambda i: -scores[i])[:3]
        base.append((time.perf_counter() - started) * 1000)
    print(f"  latency at {SCALE:,} indexed sessions, {len(questions)} questions of both sets")
    for name, values in (("ours", ours), ("bm25", base)):
        print(
            f"    latency {name:<5} p50 {percentile(values, 0.5):6.1f} ms  "
            f"p95 {percentile(values, 0.95):6.1f} ms"
        )
    async with maker() as db:  # type: ignore[operator]
        await db.execute(sql_delete(Account).where(Account.id == account_id))
        await db.commit()


async def _run(
    database_url: str, tasks: list[Task], seed: int, scale: bool, sets: bool = True
) -> None:
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from resolutionflow.config import Settings
    from resolutionflow.db import migrate
    from resolutionflow.db.engine import make_engine

    settings = Settings(database_url=database_url)
    await migrate.upgrade_async(settings.effective_database_url)
    engine = make_engine(settings)
    maker = async_sessionmaker(engine, expire_on_commit=False)
    try:
        for task in tasks if sets else []:
            started = time.perf_counter()
            run = await _evaluate(maker, task)
            _report(task, run)
            print(f"    ({time.perf_counter() - started:.1f} s)")
        if scale:
            await _scale(engine, maker, tasks, seed)
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="ask every query (no sampling)")
    parser.add_argument("--sample", type=int, default=300, help="queries per set (default 300)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--no-scale", action="store_true", help=f"skip the latency run at {SCALE:,} sessions"
    )
    parser.add_argument(
        "--scale-only", action="store_true", help=f"only the latency run at {SCALE:,} sessions"
    )
    args = parser.parse_args()

    missing = [p for p in (POSTMORTEMS, TICKETS) if not p.exists()]
    if missing:
        print(
            "copilot eval: public sets not found ("
            + ", ".join(str(p) for p in missing)
            + "); set RF_EVAL_DIR to the eval folder. Nothing measured."
        )
        return
    limit = None if args.full else args.sample
    tasks = [sample(postmortems(), limit, args.seed), sample(tickets(), limit, args.seed)]
    # Each set's unrelated questions: up to 100 of the other set's (cloud incidents asked of a
    # help desk's tickets and the other way round).
    for task, other in ((tasks[0], tasks[1]), (tasks[1], tasks[0])):
        task.foreign = [q.text for q in other.queries[:100]]

    data = Path(tempfile.mkdtemp(prefix="rf-copilot-eval-"))
    print("copilot eval: SQLite (embedded default, FTS5)")
    scale, sets = not args.no_scale, not args.scale_only
    asyncio.run(_run(f"sqlite+aiosqlite:///{data / 'eval.db'}", tasks, args.seed, scale, sets))
    if url := os.environ.get("RF_BENCH_DATABASE_URL"):
        print("copilot eval: PostgreSQL (tsvector)")
        asyncio.run(_run(url, tasks, args.seed, scale, sets))
    else:
        print("copilot eval: PostgreSQL skipped (set RF_BENCH_DATABASE_URL to run it there too)")


if __name__ == "__main__":
    main()
