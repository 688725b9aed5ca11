"""Offline text clustering for the flywheel and coverage gaps: TF-IDF over words and character
n-grams, cosine similarity, and average-linkage agglomerative clustering cut at a threshold.

Pure Python, deterministic, no I/O. The method is documented in docs/knowledge-loop.md; the
thresholds are tuned on public data in bench/flywheel.py and chosen to generalise (they are
similarities, not cluster counts, so they do not depend on how many problems there are).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# Two problems belong together when their average similarity is at least this.
PROBLEM_THRESHOLD = 0.15

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Common English function words and the filler of support conversations; they say nothing
# about which problem a text is about.
STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "hi",
        "hello",
        "please",
        "thanks",
        "thank",
        "help",
        "need",
        "issue",
        "problem",
        "user",
        "customer",
        "ticket",
        "team",
        "dear",
        "regards",
        "greetings",
        "kindly",
        "also",
        "get",
        "got",
        "one",
        "still",
        "new",
        "ph",
    ]
)


def normalise(text: str) -> str:
    """Lower case, words only, single spaces: the form step titles are compared in."""
    return " ".join(_WORD.findall(text.lower().replace("\u2019", "'")))


def _stem(word: str) -> str:
    # A light suffix strip: "printers"/"printer", "restarting"/"restarted"/"restart".
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    return [
        _stem(w)
        for w in _WORD.findall(text.lower().replace("\u2019", "'"))
        if w not in STOP and len(w) > 1
    ]


def _char_grams(tokens: Sequence[str], low: int = 3, high: int = 5) -> list[str]:
    grams: list[str] = []
    for token in tokens:
        padded = f" {token} "
        for n in range(low, high + 1):
            grams.extend(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


Vector = dict[str, float]


def _tfidf(docs: Sequence[Sequence[str]]) -> list[Vector]:
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(set(doc))
    n = len(docs)
    vectors: list[Vector] = []
    for doc in docs:
        counts = Counter(doc)
        vec = {
            t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


@dataclass(frozen=True)
class Embedded:
    """Texts as word and character-n-gram TF-IDF vectors; similarity is their mean cosine."""

    word: list[Vector]
    char: list[Vector]

    def similarity(self, i: int, j: int) -> float:
        return 0.5 * cosine(self.word[i], self.word[j]) + 0.5 * cosine(self.char[i], self.char[j])


def embed(texts: Sequence[str]) -> Embedded:
    tokens = [words(t) for t in texts]
    return Embedded(_tfidf(tokens), _tfidf([_char_grams(t) for t in tokens]))


def similarity_matrix(emb: Embedded) -> list[list[float]]:
    n = len(emb.word)
    sims = [[0.0] * n for _ in range(n)]
    for i in range(n):
        sims[i][i] = 1.0
        for j in range(i + 1, n):
            sims[i][j] = sims[j][i] = emb.similarity(i, j)
    return sims


def agglomerate(sims: list[list[float]], threshold: float) -> list[list[int]]:
    """Average-linkage clusters: the dendrogram (built by the nearest-neighbour chain, O(n²))
    cut where the average similarity between two groups falls below `threshold`. Average
    linkage has no inversions, so the merges at or above the threshold are exactly the cut.
    Clusters come largest first, members in input order."""
    n = len(sims)
    if n == 0:
        return []
    sim = [row[:] for row in sims]
    size = [1] * n
    active = set(range(n))
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    chain: list[int] = []
    while len(active) > 1:
        if not chain:
            chain.append(min(active))
        a = chain[-1]
        best, best_sim = -1, -math.inf
        for b in active:
            if b != a and (sim[a][b] > best_sim or (sim[a][b] == best_sim and b < best)):
                best, best_sim = b, sim[a][b]
        if len(chain) > 1 and chain[-2] == best:
            chain.pop()
            chain.pop()
            # Merge `a` and `best` into `a` (Lance-Williams update for average linkage).
            for c in active:
                if c not in (a, best):
                    value = (size[a] * sim[a][c] + size[best] * sim[best][c]) / (
                        size[a] + size[best]
                    )
                    sim[a][c] = sim[c][a] = value
            size[a] += size[best]
            active.discard(best)
            if best_sim >= threshold:
                parent[find(best)] = find(a)
            else:
                # Merged in the dendrogram only; remember that `best`'s group stays apart.
                pass
        else:
            chain.append(best)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def cluster(texts: Sequence[str], threshold: float) -> list[list[int]]:
    return agglomerate(similarity_matrix(embed(texts)), threshold)


def medoid(members: Sequence[int], sims: list[list[float]]) -> int:
    """The member most similar on average to the others (the most typical phrasing)."""
    return max(members, key=lambda i: (sum(sims[i][j] for j in members), -i))


def keywords(texts: Sequence[str], members: Sequence[int], limit: int = 4) -> list[str]:
    """The words that most distinguish the members from the rest (by TF-IDF mass)."""
    tokens = [words(t) for t in texts]
    vectors = _tfidf(tokens)
    mass: Counter[str] = Counter()
    for i in members:
        mass.update(vectors[i])
    # Show the words as written (the most common surface form of each stem).
    surface: dict[str, Counter[str]] = {}
    for i in members:
        for w in _WORD.findall(texts[i].lower()):
            if w not in STOP and len(w) > 1:
                surface.setdefault(_stem(w), Counter())[w] += 1
    return [
        surface[t].most_common(1)[0][0] if t in surface else t
        for t, _ in mass.most_common(limit)
        if mass[t] > 0
    ]
