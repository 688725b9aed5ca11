"""Which published flow fits an opening turn, or none (FlowPilot's "follow this flow?").

Everything here is learned from the account's own texts, offline, nothing downloaded:

- the flows themselves (title, description, tags, every node's text), weighted by how rare a
  word is among the account's flows (a word every flow has says little);
- words the opening spells differently from the flow ("overheats" / "overheating", "wont" /
  "won't", typos) meet on character trigrams of the account's vocabulary;
- words the flows do not use at all are bridged by association: words that occur together in
  the same node, the same flow header or the same resolved session's intake (normalised PMI over
  the account's texts) stand in for each other, with a discount. Resolved sessions add the words
  engineers actually typed for a flow ("screen" for the LCD flow, "won't boot" for power).

Flows are ranked by `score` (how much of the flow's name the opening says and how much of the
opening the flow explains). The best one is proposed only when it scores at least MATCH_FROM,
leads the runner-up by MARGIN, and the opening says enough of the flow's *own distinctive*
words itself (`said` >= SAID_FROM: the words of its title and description, or of its engineers'
name for it, each counted by its rarity in the library; associated words count little).
Otherwise FlowPilot says no flow. Why: an opening about a problem the library has no flow for
often lands on a near twin through a word both share ("my car is overheating" and a "Laptop
overheating" flow). Its `score` is then as high as a real match's, since the flow's steps
explain most of what the opening says that the library knows; what gives it away is that the
only word of the twin's name it says is one several flows use, or only a word associated with
it. A match that says a rare word of the flow's name, or two common ones, still gets proposed.
The constants are chosen by bench/pilot_eval.py (leave-one-tree-out libraries with negative
openings, a false proposal costing twice a false "no flow"; see docs/pilot-eval.md).

With the bundled sentence encoder (providers/embeddings/minilm.py, installed with the product;
RESOLUTIONFLOW_OFFLINE_ENCODER=false turns it off) the words are also read for what they mean
beyond the account's texts: a Kia is a car, an IdeaPad a laptop, "won't come up" is "no
power". Flows are then ranked by their *fit*: the cosine between the opening and the flow's
name (title, description, tags, category) plus LEXICAL_WEIGHT x the score above, scaled to
0..1; the best is proposed when its fit is at least FIT_FROM and it *stands out* from the rest
of the library: STAND_OUT x sqrt(2 ln n) standard deviations of the other n flows' fits above
their mean (see `stand_out`). The encoder knows how alike two texts are, which the lexical
score only approximates through shared and associated words, so its cosine replaces the `said`
test as the judge of "no flow". A library's names are encoded by a background thread
(`encode_later`); until they are in, its intakes are matched on words alone.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import logging
import math
import queue
import re
import threading
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy.ext.asyncio import AsyncSession

from resolutionflow.config import get_settings
from resolutionflow.pilot import repository
from resolutionflow.providers.embeddings import minilm
from resolutionflow.search.index import STOPWORDS

log = logging.getLogger(__name__)

# Proposed when the best flow scores at least this ...
MATCH_FROM = 0.15
# ... the opening says at least this much of its name (`Match.said`: a word of its name that
# only this flow uses counts ~0.8, one that half the flows use ~0.45) ...
SAID_FROM = 0.65
# ... and it is at least this much ahead of the next flow: two flows that fit about as well mean
# the opening does not say which, and most often that neither is the problem.
MARGIN = 0.08
# With the encoder: fit = (cosine(opening, flow's name) + LEXICAL_WEIGHT x score) / (1 +
# LEXICAL_WEIGHT), 0..1 like the score it replaces (the cosine of two unrelated texts is about
# 0-0.2, of two wordings of one problem 0.5-0.8); proposed from FIT_FROM ...
LEXICAL_WEIGHT = 0.5
FIT_FROM = 0.29
# ... when it stands out from the other n flows by STAND_OUT x sqrt(2 ln n) standard deviations
# of their fits. Why: an opening about a problem the library has no flow for still has a best
# flow, and a near twin (a car overheating, a "Laptop overheating" flow) can fit it as well as
# a real match fits. What differs is the rest of the library: the best of n flows that fit
# nothing is only about sqrt(2 ln n) deviations above the others (the expected maximum of n
# normal draws), where the right flow lies further out. The scale makes the rule mean the same
# in a library of 5 flows and of 100 (a fixed number of deviations lets more through as the
# library grows); STAND_OUT = 1.1 is the bench's choice over libraries of 4 to 30 flows.
STAND_OUT = 1.1
# The other flows' spread says little with fewer of them than this; the best flow must then
# lead the runner-up by FIT_MARGIN instead.
STAND_OUT_FROM_OTHERS = 3
FIT_MARGIN = 0.03
# The encoder reads this many word pieces of an opening (the length the model was trained on).
OPENING_TOKENS = 128

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Chatter that says nothing about which problem it is (beyond search's own stopwords).
_CHATTER_WORDS = """
    i me my mine we our you your he she it its they them their this that these those a an the
    am is are was were be been being have has had having do does did doing will would shall
    should can could may might must not no yes so if or and but of at by for with about to from
    in on up down out off over under again then once here there when where why how all any both
    each few more most other some such only own same than too very just also now still even
    ever never get got getting know think want need like really help please thanks thank hello
    hi hey fix fixed fixing problem problems issue issues trouble something anything nothing
    what which who whom whose ve ll re don didn doesn isn wasn aren weren haven hasn hadn
    time times day days week weeks month months year years ago today yesterday tomorrow morning
    night since lately recently last first new old one two three some lot lots much many way
    sure idea ideas seems seem seemed make makes made keep keeps kept go goes going went come
    came see saw look looks looked tell told say said ask asked try tried trying"""
_CHATTER = frozenset(_CHATTER_WORDS.split())
# How strongly a word is "there" by where the flow uses it (a node word: half in one node,
# fully from two).
_FIELD = {"title": 1.0, "head": 0.9, "node": 0.6}
_FUZZY_FROM = 0.55  # trigram Jaccard from which two spellings are the same word
_ASSOC_FROM = 0.35  # normalised PMI from which one word stands in for another
_ASSOC_WEIGHT = 0.7  # an associated word counts this much of a word the flow uses
# ... and this much when it comes to saying a flow's name: co-occurring in the flows' text is
# weak evidence that the opening names *this* flow's problem rather than a neighbour's.
_ASSOC_SAID = 0.35
_MIN_PAIR = 2  # co-occurrences needed before an association is trusted
# The score: this much "the opening says what the flow's title and description say", the rest
# "the flow explains what the opening says".
NAMED_WEIGHT = 0.5
# A word of the title or description counts with the square root of its rarity: a rare word
# matters more, without one rare word deciding alone.
CORE_IDF_POWER = 0.5
# A word typed in every resolved session of a flow counts this much as one of its node words.
HISTORY_WEIGHT = 0.6
# A word none of the account's texts use counts this much (of the rarest word) against a flow.
UNKNOWN_WEIGHT = 1.0


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light suffix strip so "overheats", "overheating" and "overheated" meet; not a
    lemmatiser, only what a matcher needs."""
    if word.endswith(("ss", "us", "is")):
        return word  # "glass", "status", "analysis"
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + keep
    return word


def words(text: str) -> list[str]:
    out = []
    for raw in _WORD.findall(text.lower()):
        if raw in STOPWORDS or raw in _CHATTER or len(raw) < 2 or raw.isdigit():
            continue
        stem = _stem(raw)
        if stem not in _CHATTER:
            out.append(stem)
    return out


def _grams(word: str) -> frozenset[str]:
    padded = f"<{word}>"
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


@dataclass(frozen=True)
class FlowText:
    id: uuid.UUID
    title: str
    head: str  # description, tags, category
    nodes: Sequence[str]


@dataclass(frozen=True)
class Match:
    id: uuid.UUID
    title: str
    score: float  # how well the flow fits the opening (ranks the flows)
    # How much of the flow's name (title, description, engineers' words for it) the opening
    # says itself; decides whether the best flow is proposed at all (see `decide`).
    said: float
    # With the encoder: the cosine between the opening and the flow's name, and `score` is the
    # fit (see FIT_FROM); None without it.
    similarity: float | None = None


@dataclass
class _Flow:
    text: FlowText
    strength: dict[str, float] = field(default_factory=dict)  # word -> how strongly it is there
    core: set[str] = field(default_factory=set)  # the title's and description's words
    # Words that keep coming back in the openings of its resolved sessions, with the share of
    # openings that use them: what engineers call the flow's problem.
    learned: dict[str, float] = field(default_factory=dict)


class Matcher:
    """The account's flows, their vocabulary and word associations; build once per library
    (see `cached`), then `rank()` any number of openings."""

    def __init__(
        self,
        flows: Iterable[FlowText],
        history: Iterable[tuple[uuid.UUID, str]] = (),
        associations: dict[str, list[tuple[str, float]]] | None = None,
        encoder: minilm.Encoder | None = None,
        vectors: np.ndarray[Any, Any] | None = None,
    ) -> None:
        """`associations`: those of a matcher built from the same flows (they depend on the
        flows' text only), so a new resolved session does not recount them. `encoder`: rank by
        fit (see FIT_FROM); `vectors`: the flows' name vectors when already computed
        (`name_vectors`), else they are computed here."""
        self.flows = [_Flow(f) for f in flows]
        self._encoder = encoder
        self._vectors = vectors
        if encoder is not None and vectors is None:
            self._vectors = name_vectors(encoder, [f.text for f in self.flows])
        units: list[set[str]] = []
        df: Counter[str] = Counter()
        for f in self.flows:
            counts: Counter[str] = Counter()
            for part, weight in (
                (f.text.title, _FIELD["title"]),
                (f.text.head, _FIELD["head"]),
            ):
                for w in words(part):
                    f.strength[w] = max(f.strength.get(w, 0.0), weight)
                    f.core.add(w)
            for node in f.text.nodes:
                ws = words(node)
                counts.update(set(ws))
                units.append(set(ws))
            for w, n in counts.items():
                node_weight = _FIELD["node"] * min(1.0, 0.5 + n / 4)
                f.strength[w] = max(f.strength.get(w, 0.0), node_weight)
            units.append(set(words(f.text.title + " " + f.text.head)))
        self._learn(history, units)
        for f in self.flows:
            df.update(f.strength.keys())
        n = max(1, len(self.flows))
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.max_idf = math.log((n + 1) / 0.5)
        self._grams = {w: _grams(w) for w in df}
        self._by_gram: dict[str, set[str]] = defaultdict(set)
        for w, gs in self._grams.items():
            for g in gs:
                self._by_gram[g].add(w)
        self.associations = _associations(units) if associations is None else associations

    def _learn(self, history: Iterable[tuple[uuid.UUID, str]], units: list[set[str]]) -> None:
        """Resolved sessions: a word that keeps coming back in the openings of one flow's
        sessions becomes part of that flow's vocabulary, as strongly as it is typical of them."""
        by_flow: dict[uuid.UUID, list[set[str]]] = defaultdict(list)
        for flow_id, opening in history:
            by_flow[flow_id].append(set(words(opening)))
        for f in self.flows:
            openings = by_flow.get(f.text.id, [])
            seen: Counter[str] = Counter()
            for o in openings:
                seen.update(o)
            for w, n in seen.items():
                if n >= _MIN_PAIR:
                    f.learned[w] = n / len(openings)
                    f.strength[w] = max(f.strength.get(w, 0.0), HISTORY_WEIGHT * f.learned[w])

    def _similar(self, word: str) -> list[tuple[str, float]]:
        """Known words spelled like `word` (itself first when known)."""
        if word in self.idf:
            return [(word, 1.0)]
        mine = _grams(word)
        seen: Counter[str] = Counter()
        for g in mine:
            seen.update(self._by_gram.get(g, ()))
        out = []
        for w, shared in seen.items():
            jaccard = shared / (len(mine) + len(self._grams[w]) - shared)
            if jaccard >= _FUZZY_FROM:
                out.append((w, jaccard))
        return sorted(out, key=lambda t: -t[1])[:3]

    def _link(
        self, word: str, assoc_weight: float = _ASSOC_WEIGHT, saying: bool = False
    ) -> list[tuple[str, float]]:
        """Known words `word` stands for: its own spelling (or the nearest), then the words
        associated with that, discounted by `assoc_weight`. `saying`: a misspelling counts
        as the word itself ("printr" says printer), as far as saying a name goes."""
        spelled = self._similar(word)
        if saying:
            spelled = [(w, 1.0) for w, _ in spelled]
        key = spelled[0][0] if spelled else word
        return spelled + [(w, s * assoc_weight) for w, s in self.associations.get(key, ())]

    def _covered(self, query: list[str]) -> list[float]:
        """Per flow: the share of the opening's informative words the flow explains."""
        explained = [0.0] * len(self.flows)
        total = 0.0
        for q in query:
            candidates = self._link(q)
            if not candidates:
                # A word the account's texts never use (a name, a host, a story) counts a
                # little against every flow.
                total += UNKNOWN_WEIGHT * self.max_idf
                continue
            total += max(self.idf.get(w, self.max_idf) * s for w, s in candidates)
            for i, f in enumerate(self.flows):
                explained[i] += max(
                    self.idf.get(w, self.max_idf) * s * f.strength.get(w, 0.0)
                    for w, s in candidates
                )
        return [e / total if total else 0.0 for e in explained]

    def _reach(self, query: list[str], saying: bool = False) -> dict[str, float]:
        """Known words the opening reaches, with how surely (see `_link`)."""
        reach: dict[str, float] = {}
        for q in query:
            link = self._link(q, _ASSOC_SAID, True) if saying else self._link(q)
            for w, s in link:
                reach[w] = max(reach.get(w, 0.0), s)
        return reach

    def _named(self, query: list[str]) -> list[float]:
        """Per flow: how much of what its title and description say the opening says too
        (rare words count more; a differently spelled or associated word counts less)."""
        reach = self._reach(query)
        out = []
        for f in self.flows:
            core = {w: self.idf.get(w, 0.0) ** CORE_IDF_POWER for w in f.core}
            said = _share(core, reach)
            if f.learned:
                # The engineers' own name for the problem counts as much as the flow's.
                learned = {
                    w: share * self.idf.get(w, 0.0) ** CORE_IDF_POWER
                    for w, share in f.learned.items()
                }
                said = max(said, _share(learned, reach))
            out.append(said)
        return out

    def _said(self, query: list[str]) -> list[float]:
        """Per flow: how many of the words of its name (title, description; or the words its
        engineers use for it) the opening says itself, each counted by its rarity relative to
        the rarest word the library could have (see SAID_FROM). A total, not a share: a flow
        with a paragraph of description is named by the same few words as one with a title
        only (a share made the demo library's long descriptions unmatchable). A misspelling
        counts fully, an associated word only _ASSOC_SAID."""
        reach = self._reach(query, saying=True)
        out = []
        for f in self.flows:
            said = sum(self._rarity(w) * reach.get(w, 0.0) for w in f.core)
            learned = sum(
                share * self._rarity(w) * reach.get(w, 0.0) for w, share in f.learned.items()
            )
            out.append(max(said, learned))
        return out

    def _rarity(self, word: str) -> float:
        """0..1: how rare `word` is among the flows, relative to a word none of them uses."""
        return float((self.idf.get(word, 0.0) / self.max_idf) ** CORE_IDF_POWER)

    def rank(self, opening: str, vector: np.ndarray[Any, Any] | None = None) -> list[Match]:
        """Every flow with how well it fits the opening, best first (ties: title). With the
        encoder this encodes the opening (milliseconds of CPU: call it off the event loop)
        unless its `vector` is given."""
        query = list(dict.fromkeys(words(opening)))
        named, covered = self._named(query), self._covered(query)
        said = self._said(query)
        lexical = [
            NAMED_WEIGHT * a + (1 - NAMED_WEIGHT) * b for a, b in zip(named, covered, strict=True)
        ]
        if self._encoder is None or self._vectors is None or not self.flows:
            out = [
                Match(f.text.id, f.text.title, round(score, 3), round(c, 3))
                for f, score, c in zip(self.flows, lexical, said, strict=True)
            ]
        else:
            if vector is None:
                # The problem is stated first; logs appended to an intake add cost, not meaning.
                vector = self._encoder.encode([opening], OPENING_TOKENS)[0]
            cosines = self._vectors @ vector
            out = [
                Match(
                    f.text.id,
                    f.text.title,
                    round(
                        max(0.0, (float(cos) + LEXICAL_WEIGHT * score) / (1 + LEXICAL_WEIGHT)), 3
                    ),
                    round(c, 3),
                    round(float(cos), 3),
                )
                for f, score, c, cos in zip(self.flows, lexical, said, cosines, strict=True)
            ]
        return sorted(out, key=lambda m: (-m.score, m.title))

    def best(self, opening: str) -> Match | None:
        """The flow to propose, or None ("no flow")."""
        return decide(self.rank(opening))


def decide(
    ranked: Sequence[Match],
    said_from: float = SAID_FROM,
    margin: float = MARGIN,
    match_from: float = MATCH_FROM,
) -> Match | None:
    """The first of `ranked` (best first) if the opening names it, it fits and it is clearly
    best, else None. The defaults are the calibrated ones; the bench passes others to trace the
    trade-off between a false "no flow" and a flow proposed when none fits. A ranking by fit
    (the encoder's) is decided by FIT_FROM and `stand_out` instead."""
    if ranked and ranked[0].similarity is not None:
        if ranked[0].score < FIT_FROM:
            return None
        deviations = stand_out([m.score for m in ranked])
        if deviations is None:
            if len(ranked) > 1 and ranked[0].score - ranked[1].score < FIT_MARGIN:
                return None
        elif deviations < stand_out_needed(len(ranked) - 1):
            return None
        return ranked[0]
    if not ranked or ranked[0].score < match_from or ranked[0].said < said_from:
        return None
    if len(ranked) > 1 and ranked[0].score - ranked[1].score < margin:
        return None
    return ranked[0]


def stand_out(scores: Sequence[float]) -> float | None:
    """How many standard deviations of the other flows' scores the best (`scores[0]`, best
    first) lies above their mean; None when there are fewer than STAND_OUT_FROM_OTHERS others.
    Infinite when the others all score the same and the best is above them."""
    others = scores[1:]
    if len(others) < STAND_OUT_FROM_OTHERS:
        return None
    mean = math.fsum(others) / len(others)
    spread = math.sqrt(math.fsum((x - mean) ** 2 for x in others) / len(others))
    if spread < 1e-9:
        return math.inf if scores[0] > mean else 0.0
    return (scores[0] - mean) / spread


def stand_out_needed(others: int, scale: float = STAND_OUT) -> float:
    """The deviations `stand_out` must reach among `others` other flows: `scale` times the
    expected maximum of that many standard normal draws, sqrt(2 ln n)."""
    return scale * math.sqrt(2 * math.log(others))


def _share(weights: dict[str, float], reach: dict[str, float]) -> float:
    total = sum(weights.values())
    return sum(v * reach.get(w, 0.0) for w, v in weights.items()) / total if total else 0.0


def _associations(units: list[set[str]]) -> dict[str, list[tuple[str, float]]]:
    """Per word, the words that occur with it in the same unit more than chance says
    (normalised PMI, strongest first)."""
    n = len(units)
    if n < 2:
        return {}
    single: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for u in units:
        single.update(u)
        pairs.update(itertools.combinations(sorted(u), 2))
    out: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), c in pairs.items():
        if c < _MIN_PAIR:
            continue
        p_ab = c / n
        pmi = math.log(p_ab / ((single[a] / n) * (single[b] / n)))
        npmi = pmi / -math.log(p_ab) if p_ab < 1 else 0.0
        if npmi >= _ASSOC_FROM:
            out[a].append((b, npmi))
            out[b].append((a, npmi))
    return {w: sorted(v, key=lambda t: -t[1])[:5] for w, v in out.items()}


def name_text(flow: FlowText) -> str:
    """What the encoder reads of a flow: its name (title, then description, tags, category)."""
    return f"{flow.title}. {flow.head}".strip()


# Name vectors by text, across rebuilds of every account's matcher: publishing one flow
# re-encodes only that flow. Bounded (a vector is 1.5 KB). Written by the encoding thread, read
# by requests: single dict operations, atomic under the GIL.
_VECTORS: dict[str, np.ndarray[Any, Any]] = {}
_VECTORS_MAX = 20_000
# A flow's name is read up to this many word pieces (title and the start of its description).
NAME_TOKENS = 64
# Names are encoded in chunks: ~1 ms of CPU per word piece on one core, so a library of a few
# hundred flows takes tens of seconds the first time a process meets it.
_CHUNK = 32
# Names waiting for, or being encoded by, the one background thread of this process; bumped
# generation when a chunk is done (a matcher built on words alone is rebuilt then).
_pending: set[str] = set()
_generation = 0
# The encoding thread and its queue: a daemon, so a process that stops never waits for a
# library's names (an executor's threads are joined at exit).
_queue: queue.Queue[Callable[[], None]] = queue.Queue()
_worker: threading.Thread | None = None
_worker_lock = threading.Lock()


def name_vectors(encoder: minilm.Encoder, flows: Sequence[FlowText]) -> np.ndarray[Any, Any]:
    """The flows' name vectors, one row per flow, encoding what is missing now (CPU-bound:
    the bench and tests; the product uses `known_name_vectors`)."""
    texts = [name_text(f) for f in flows]
    missing = list(dict.fromkeys(t for t in texts if t not in _VECTORS))
    if missing:
        _store(missing, encoder.encode(missing, NAME_TOKENS))
    vectors = known_name_vectors(flows)
    assert vectors is not None  # just stored (a concurrent clear would need 20,000 names)
    return vectors


def known_name_vectors(flows: Sequence[FlowText]) -> np.ndarray[Any, Any] | None:
    """The flows' name vectors if every one is already encoded, else None."""
    found = [_VECTORS.get(name_text(f)) for f in flows]
    if any(v is None for v in found):
        return None
    if not found:
        return np.zeros((0, minilm.DIMENSIONS), dtype=np.float32)
    return np.stack(found)  # type: ignore[arg-type]


def encode_later(encoder: minilm.Encoder, flows: Sequence[FlowText]) -> None:
    """Queues the names not yet encoded for this process's encoding thread: a request never
    waits for a library to be read (it matches on words alone until the names are in)."""
    missing = [t for t in dict.fromkeys(name_text(f) for f in flows) if t not in _VECTORS]
    fresh = [t for t in missing if t not in _pending]
    if not fresh:
        return
    _pending.update(fresh)
    for i in range(0, len(fresh), _CHUNK):
        _queue.put(functools.partial(_encode_chunk, encoder, fresh[i : i + _CHUNK]))
    global _worker
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="rf-encode-names", daemon=True)
            _worker.start()


def _work() -> None:
    while True:
        job = _queue.get()
        try:
            job()
        finally:
            _queue.task_done()


def _encode_chunk(encoder: minilm.Encoder, texts: list[str]) -> None:
    global _generation
    try:
        _store(texts, encoder.encode(texts, NAME_TOKENS))
        _generation += 1
    except Exception:  # a failed chunk is tried again by the next request that needs it
        log.exception("encoding %d flow names failed", len(texts))
    finally:
        _pending.difference_update(texts)


def wait_for_names() -> None:
    """Blocks until every queued name is encoded (tests, and the bench's latency runs)."""
    _queue.join()


def _store(texts: list[str], vectors: np.ndarray[Any, Any]) -> None:
    if len(_VECTORS) + len(texts) > _VECTORS_MAX:
        _VECTORS.clear()
    _VECTORS.update(zip(texts, vectors, strict=True))


def encoder() -> minilm.Encoder | None:
    """The bundled encoder unless the installation turned it off or lacks it."""
    return minilm.encoder() if get_settings().offline_encoder else None


# --- the account's matcher -----------------------------------------------------------------

# Per account: the signature of what the matcher was built from, the matcher, and for one
# built on words alone while the encoder was still reading its names, the encoding generation
# it saw (None: nothing to wait for).
_CACHE: dict[uuid.UUID, tuple[tuple[object, object], Matcher, int | None]] = {}
_CACHE_ACCOUNTS = 256


def _node_text(node: dict[str, Any]) -> str:
    return " ".join([node.get("title", ""), node.get("body", ""), *(node.get("items") or [])])


async def matcher(db: AsyncSession, account_id: uuid.UUID) -> Matcher:
    """The account's matcher, rebuilt only when a flow is published, changed or archived, or a
    session is resolved on a flow."""
    flow_versions, resolved = await repository.library_signature(db, account_id)
    kept = _CACHE.get(account_id)
    if (
        kept is not None
        and kept[0] == (flow_versions, resolved)
        and (kept[2] is None or kept[2] == _generation)
    ):
        return kept[1]
    flows = [
        FlowText(
            flow.id,
            flow.title,
            " ".join([flow.description or "", " ".join(flow.tags or []), flow.category or ""]),
            [_node_text(n) for n in graph.get("nodes", [])],
        )
        for flow, graph in await repository.library(db, account_id)
    ]
    same_flows = kept is not None and kept[0][0] == flow_versions
    reader = await asyncio.to_thread(encoder)  # the first call loads the weights (~0.2 s)
    generation = _generation
    vectors = known_name_vectors(flows) if reader is not None else None
    if reader is not None and vectors is None:
        encode_later(reader, flows)
    built = Matcher(
        flows,
        await repository.resolved_openings(db, account_id),
        kept[1].associations if kept is not None and same_flows else None,
        reader if vectors is not None else None,
        vectors,
    )
    if len(_CACHE) >= _CACHE_ACCOUNTS and account_id not in _CACHE:
        _CACHE.pop(next(iter(_CACHE)))
    waiting = reader is not None and vectors is None
    _CACHE[account_id] = ((flow_versions, resolved), built, generation if waiting else None)
    return built
