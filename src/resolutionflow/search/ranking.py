"""Ranking free text by what the account's own index says is informative, the same way on
SQLite and PostgreSQL.

The engines only find candidates (FTS5 bm25() / ts_rank_cd order over the chosen terms); the
order and the relevance come from here, in Python, from one set of corpus statistics per account
and kind (`CorpusStats`: how many rows, their average title and body lengths, in how many rows
each word stem occurs). Four steps:

1. Query terms by informativeness: the question's words (stopwords out, light suffix stemming)
   ranked by inverse document frequency in the account's index; the most informative
   `QUERY_TERMS` are searched, wherever they stand in a long question.
2. BM25F: title and body are one pseudo-document with the title's term frequency weighing
   `TITLE_WEIGHT` times the body's, each field length-normalised on its own.
3. Pseudo-relevance feedback (RM3): the words that carry the best few candidates (weighted by
   their scores, informative ones only) are added to the query with weight `FEEDBACK_WEIGHT`
   and the candidates scored again — "screen" finds the sessions that only say "LCD" when the
   account's sessions about screens say "LCD" too.
4. Relevance: the score divided by what a row holding every query term once would score, so it
   is comparable across questions; `relevance()` maps it to the 0..1 scale the answers'
   confidences use, with the abstention threshold calibrated on public data
   (bench/copilot_eval.py) at the offline engine's MIN_RELEVANCE.
"""

from __future__ import annotations

import math
import re
import time
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from resolutionflow.search.stopwords import STOPWORDS

_WORD = re.compile(r"\w+", re.UNICODE)

# BM25F parameters, measured on both public sets (bench/copilot_eval.py): a higher k1 than the
# textbook 1.2 (repeating a word is evidence), hardly any body-length normalisation (a long
# resolved session is not less about its problem), and no extra title weight (a title boost
# did not win on either set; the title still counts, normalised on its own length).
K1 = 2.0
B_TITLE = 0.4
B_BODY = 0.0
TITLE_WEIGHT = 1.0
# How many of the question's stems are scored (a long pasted ticket keeps its most informative
# 64), and how many of those the engine is asked for candidates with: the most informative
# first, at most SEARCH_TERMS, and no more once the rows they are in add up to SEARCH_ROWS
# (the engine's work grows with the rows its terms match; at least one).
QUERY_TERMS = 64
SEARCH_TERMS = 12
MIN_SEARCH_TERMS = 1
SEARCH_ROWS = 1000
# Feedback: from the best FEEDBACK_DOCS candidates, FEEDBACK_TERMS words, their score added
# with weight FEEDBACK_WEIGHT. Used when the question's own words find too little
# (on the public sets, always-on feedback did not win: their questions are long).
FEEDBACK_DOCS = 5
FEEDBACK_TERMS = 10
FEEDBACK_WEIGHT = 0.3
FEEDBACK_CHARS = 8000
# A question carries at least this much information (in IDF units, about two words each in a
# tenth of the rows): a question made only of words every row holds ("laptop this morning")
# matches everything a little and is answered by nothing.
INFORMATION_FLOOR = 5.0
# Empty rows added to every account's count for inverse document frequencies (smoothing).
PRIOR_DOCS = 10
# A word in more than this share of the rows says nothing about any of them.
COMMON_SHARE = 0.5
# Corpus statistics are rebuilt when older than this (they move slowly; rows found are always
# the database's current ones).
STATS_TTL = 300.0

_SUFFIXES = ("ing", "ed", "es", "s", "e")


def stem(word: str) -> str:
    """A light suffix stripper: "rebooted", "reboots", "rebooting" -> "reboot". Searched as a
    prefix, the stem finds every form on both engines."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _keep(word: str) -> bool:
    return len(word) > 2 and word not in STOPWORDS


def stems(text: str) -> list[str]:
    """The text's searchable stems in order of appearance (stopwords and one- or two-letter
    words out; numbers such as error codes stay)."""
    return [stem(w) for w in words(text) if _keep(w)]


@dataclass
class CorpusStats:
    """Document frequencies and field lengths of one account's rows of one kind."""

    docs: int = 0
    title_words: int = 0
    body_words: int = 0
    df: Counter[str] = field(default_factory=Counter)
    built: float = field(default_factory=time.monotonic)

    def add(self, title: str, body: str, sign: int = 1) -> None:
        self.docs += sign
        self.title_words += sign * len(title.split())
        self.body_words += sign * len(body.split())
        for s in set(stems(title + "\n" + body)):
            self.df[s] += sign

    def idf(self, term: str) -> float:
        # PRIOR_DOCS empty rows smooth a small account's figures: with one document, the words
        # it holds would otherwise weigh a fifth of the words it does not.
        n = max(self.docs, 0) + PRIOR_DOCS
        df = max(0, min(self.df.get(term, 0), n))
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    @property
    def avg_title(self) -> float:
        return max(1.0, self.title_words / max(self.docs, 1))

    @property
    def avg_body(self) -> float:
        return max(1.0, self.body_words / max(self.docs, 1))

    def common(self, term: str) -> bool:
        return self.docs >= 10 and self.df.get(term, 0) > COMMON_SHARE * self.docs


_CACHE: dict[tuple[uuid.UUID, str], CorpusStats] = {}
# Statistics of a kind with few rows are rebuilt sooner: cheap to read, and rows written by
# another process matter more (the first knowledge document of an account).
SMALL = 200
SMALL_TTL = 30.0


def cached(account_id: uuid.UUID, kind: str) -> CorpusStats | None:
    found = _CACHE.get((account_id, kind))
    if found is None:
        return None
    ttl = STATS_TTL if found.docs >= SMALL else SMALL_TTL
    return found if time.monotonic() - found.built <= ttl else None


def remember(account_id: uuid.UUID, kind: str, stats: CorpusStats) -> None:
    _CACHE[(account_id, kind)] = stats


def note(account_id: uuid.UUID, kind: str, title: str, body: str) -> None:
    """A row written by this process counts at once (rows deleted count until the next
    rebuild: a document frequency a little high for a few minutes)."""
    found = _CACHE.get((account_id, kind))
    if found is not None:
        found.add(title, body)


def merged(parts: list[CorpusStats]) -> CorpusStats:
    """One view of several kinds' statistics (a search over several kinds)."""
    if len(parts) == 1:
        return parts[0]
    out = CorpusStats()
    for p in parts:
        out.docs += p.docs
        out.title_words += p.title_words
        out.body_words += p.body_words
        out.df.update(p.df)
    return out


def build(rows: Iterable[tuple[str, str]]) -> CorpusStats:
    stats = CorpusStats()
    for title, body in rows:
        stats.add(title or "", body or "")
    stats.built = time.monotonic()
    return stats


def informativeness(stats: CorpusStats, term: str) -> tuple[bool, float]:
    """Sort key, most informative last: words some row holds by rarity, then words none holds
    (they can only match as a prefix)."""
    return (stats.df.get(term, 0) > 0, stats.idf(term))


def query_terms(query: str, stats: CorpusStats, limit: int = QUERY_TERMS) -> dict[str, float]:
    """The question's most informative stems with their weights (how often the question says
    them), chosen by IDF in the account's index, not by position. Words no row holds are kept
    last (a prefix may still find them); words most rows hold are dropped unless nothing else
    is left."""
    counts = Counter(stems(query))
    if not counts:
        return {}
    informative = [t for t in counts if not stats.common(t)] or list(counts)
    ranked = sorted(informative, key=lambda t: informativeness(stats, t), reverse=True)
    return {t: float(counts[t]) for t in ranked[:limit]}


_Node = dict[str, "_Node"]


def searched(terms: Iterable[str], stats: CorpusStats) -> list[str]:
    """Of `terms` (most informative first), the ones the engine is asked for."""
    out: list[str] = []
    rows = 0
    for t in terms:
        rows += stats.df.get(t, 0)
        if len(out) >= SEARCH_TERMS or (len(out) >= MIN_SEARCH_TERMS and rows > SEARCH_ROWS):
            break
        out.append(t)
    return out


def _trie(terms: Iterable[str]) -> str:
    """One regular expression alternative for `terms` as a trie: a long question's many terms
    cost one pass over a row, not one per term; longer terms are tried first, so a word
    starting with "portal" counts for "portal", not for "port"."""
    root: _Node = {}
    for t in terms:
        node = root
        for ch in t:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: _Node) -> str:
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return walk(root)


def prefixed(term: str) -> bool:
    """Whether a stem is searched and counted as a word prefix: stems of up to three letters
    are whole words ("com" would match most rows)."""
    return len(term) > 3


def _counter(terms: Iterable[str]) -> re.Pattern[str]:
    long = [t for t in terms if prefixed(t)]
    short = [t for t in terms if not prefixed(t)]
    parts = []
    if long:
        parts.append(_trie(long))
    if short:
        parts.append(r"(?:" + _trie(short) + r")\b")
    return re.compile(r"\b(" + "|".join(parts) + r")\w*")


def _frequencies(pattern: re.Pattern[str], text: str) -> Counter[str]:
    return Counter(pattern.findall(text.lower()))


@dataclass(frozen=True)
class Scored:
    index: int  # position in the candidates given
    score: float  # BM25F of the (expanded) query, normalised: 1.0 = every term once


def bm25f(
    terms: dict[str, float], stats: CorpusStats, candidates: list[tuple[str, str]]
) -> list[float]:
    """Normalised BM25F of each candidate (title, body) for weighted `terms`."""
    if not terms or not candidates:
        return [0.0] * len(candidates)
    idf = {t: stats.idf(t) for t in terms}
    norm = max(sum(w * idf[t] for t, w in terms.items()), INFORMATION_FLOOR)
    pattern = _counter(terms)
    out = []
    for title, body in candidates:
        tf_title = _frequencies(pattern, title)
        tf_body = _frequencies(pattern, body)
        len_title = 1 - B_TITLE + B_TITLE * len(title.split()) / stats.avg_title
        len_body = 1 - B_BODY + B_BODY * len(body.split()) / stats.avg_body
        score = 0.0
        for t in tf_title.keys() | tf_body.keys():
            tf = TITLE_WEIGHT * tf_title[t] / len_title + tf_body[t] / len_body
            score += terms[t] * idf[t] * tf * (K1 + 1) / (tf + K1)
        out.append(score / norm)
    return out


def feedback_terms(
    terms: dict[str, float],
    stats: CorpusStats,
    top: list[tuple[str, str, float]],
    count: int = FEEDBACK_TERMS,
) -> dict[str, float]:
    """RM3: words of the best candidates (title, body, score), weighted by how much of each
    they make up times its score times their IDF; the query's own words and common words out.
    Weights sum to 1."""
    weights: dict[str, float] = {}
    total = sum(s for _, _, s in top) or 1.0
    for title, body, score in top:
        # Counted by word first, then stemmed once per distinct word; a long report's first
        # FEEDBACK_CHARS characters say what it is about.
        found: Counter[str] = Counter()
        for w, n in Counter(words(title + "\n" + body[:FEEDBACK_CHARS])).items():
            if _keep(w):
                found[stem(w)] += n
        length = sum(found.values()) or 1
        for t, n in found.items():
            if t in terms or stats.common(t) or stats.df.get(t, 0) < 2:
                continue
            weights[t] = weights.get(t, 0.0) + (n / length) * (score / total)
    for t in weights:
        weights[t] *= stats.idf(t)
    best = sorted(weights.items(), key=lambda item: item[1], reverse=True)[:count]
    mass = sum(w for _, w in best) or 1.0
    return {t: w / mass for t, w in best}


def rank(
    query: dict[str, float], stats: CorpusStats, candidates: list[tuple[str, str]]
) -> list[Scored]:
    """Candidates (title, body) best first by BM25F of the weighted query."""
    scores = bm25f(query, stats, candidates)
    return [Scored(i, scores[i]) for i in sorted(range(len(candidates)), key=lambda i: -scores[i])]


def expansion(
    query: dict[str, float],
    stats: CorpusStats,
    candidates: list[tuple[str, str]],
    first: list[Scored],
) -> dict[str, float]:
    """RM3 feedback terms from the first pass's best rows (empty when nothing matched)."""
    top = [(*candidates[s.index], s.score) for s in first[:FEEDBACK_DOCS] if s.score > 0]
    return feedback_terms(query, stats, top) if top else {}


def rank_expanded(
    query: dict[str, float],
    extra: dict[str, float],
    stats: CorpusStats,
    candidates: list[tuple[str, str]],
    first: list[Scored],
) -> list[Scored]:
    """Candidates best first by the expanded query: the question's own normalised BM25F plus
    FEEDBACK_WEIGHT of the feedback terms' (so a row's score never drops by expanding, and a
    row that holds only feedback words is found but stays weak evidence). `first` are the first
    pass's scores of the candidates it saw (the first ones of `candidates`)."""
    known = {s.index: s.score for s in first}
    fresh = [i for i in range(len(candidates)) if i not in known]
    for i, value in zip(fresh, bm25f(query, stats, [candidates[i] for i in fresh]), strict=True):
        known[i] = value
    own = [known[i] for i in range(len(candidates))]
    more = bm25f(extra, stats, candidates)
    final = [a + FEEDBACK_WEIGHT * b for a, b in zip(own, more, strict=True)]
    return [Scored(i, final[i]) for i in sorted(range(len(candidates)), key=lambda i: -final[i])]


# The normalised score at which a row is evidence rather than noise, calibrated on the public
# sets (bench/copilot_eval.py prints how often it abstains with and without a right answer in
# the index) and mapped onto the answers' MIN_RELEVANCE (0.3).
ABSTAIN_BELOW = 0.5
_AT_THRESHOLD = 0.3


def relevance(score: float) -> float:
    """A normalised score on the 0..1 scale of the answers' confidences: ABSTAIN_BELOW maps to
    0.3 (the offline engine's "I don't know" line), a row holding every query term about twice
    gets near 1."""
    if score <= 0:
        return 0.0
    if score < ABSTAIN_BELOW:
        value = _AT_THRESHOLD * score / ABSTAIN_BELOW
    else:
        value = _AT_THRESHOLD + (1 - _AT_THRESHOLD) * (1 - math.exp(-(score - ABSTAIN_BELOW)))
    return round(min(1.0, value), 3)
