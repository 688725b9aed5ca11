"""Which of a flow's first questions the intake already answers, and with which answer.

FlowPilot starts an accepted flow at the first question the intake leaves open. Walking down
from the flow's start, each question is compared with the intake sentence by sentence: the
question's key terms (weighted by how rare they are among the flow's own nodes, so words every
node says — the product, "check", "flowchart" — count for little) must be said together in one
sentence, and then that sentence's polarity picks the answer: a yes/no question is answered
"No" when the sentence negates what the question asks ("won't charge", "not", "no", "never",
"unable", "off" for "on"), "Yes" otherwise; any other question is answered only by the one
answer label the sentence names. At a question it is unsure of (too few key terms said, the
sentences that say them disagree, or no single answer fits), the walk looks ahead: when the
intake answers a question up to LOOK_AHEAD steps down one branch and none down the others, the
intake is talking about a state beyond that branch ("the charging light won't come on" is
beyond "Is the adapter plugged in?" → Yes), so the branch's answer is implied and the walk goes
on. Otherwise it stops there. Nothing here knows about particular flows; it reads words only.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

# A sentence must say this share of the question's key-term weight...
ANSWER_FROM = 0.6
# ...and at least this many of its distinct key terms (one word alone is a coincidence).
MIN_TERMS = 2
# At most this many questions are answered from the intake.
MAX_SKIPS = 8
# How many steps down a branch a question the intake answers implies the branch (see `walk`).
LOOK_AHEAD = 3
# How far before a key term a negation still bears on it.
NEAR = 4
# ...or this far after its subject ("the LED refuses").
BEFORE = 2
# A body paragraph this short says the question again (a label); a longer one explains it.
SHORT_BODY = 120

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+|\s+(?:but|however|although|though|yet)\s+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "for",
        "from",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "it's",
        "itself",
        "just",
        "me",
        "my",
        "myself",
        "of",
        "or",
        "our",
        "over",
        "please",
        "she",
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
        "to",
        "too",
        "under",
        "up",
        "us",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "whether",
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
        "also",
        "any",
        "anything",
        "ever",
        "every",
        "all",
        "each",
        "other",
        "again",
        "even",
        "still",
        "only",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "get",
        "gets",
        "got",
        "make",
        "made",
        "let",
        "see",
        "check",
        "checked",
        "tell",
        "know",
        "try",
        "tried",
    ]
)
# Words that turn what a sentence says into its opposite.
_NEGATION = frozenset(
    [
        "not",
        "no",
        "never",
        "none",
        "nothing",
        "nobody",
        "neither",
        "nor",
        "without",
        "cannot",
        "can't",
        "won't",
        "don't",
        "doesn't",
        "didn't",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "hasn't",
        "haven't",
        "hadn't",
        "wouldn't",
        "couldn't",
        "shouldn't",
        "unable",
        "fail",
        "fails",
        "failed",
        "failing",
        "refuse",
        "refuses",
        "refused",
        "nowhere",
    ]
)
# A word and its opposite: "the LED stays off" answers "does the LED turn on?" with No.
_OPPOSITE = {
    "on": "off",
    "off": "on",
    "working": "broken",
    "works": "broken",
    "broken": "working",
    "yes": "no",
}
_NOT_NEGATING = frozenset({("no", "matter"), ("not", "only"), ("no", "doubt")})
# A sentence that hedges or asks is not an answer.
_HEDGE = frozenset({"maybe", "perhaps", "probably", "might", "unsure", "sure", "guess", "wonder"})
_YES = frozenset({"yes", "y", "true"})
_NO = frozenset({"no", "n", "false"})


def _stem(word: str) -> str:
    """A light stem, so "charging", "charged" and "charges" meet "charge"."""
    w = word.replace("'", "")
    for suffix in ("ings", "ing", "edly", "ed", "ies", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # "plugg(ed)" -> "plug"
    return w[:-1] if len(w) > 4 and w.endswith("e") else w


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def _content(text: str) -> list[str]:
    return [
        _stem(w)
        for w in _words(text)
        if w not in _STOP and w not in _NEGATION and (len(w) > 1 or w.isdigit())
    ]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def _is_negation(word: str) -> bool:
    return word in _NEGATION or word.endswith("n't")


def _negations(words: list[str]) -> list[int]:
    """Positions of the words that negate ("No matter", "not only" negate nothing)."""
    return [
        i
        for i, w in enumerate(words)
        if _is_negation(w) and (i + 1 == len(words) or (w, words[i + 1]) not in _NOT_NEGATING)
    ]


def _negated_terms(text: str) -> set[str]:
    """The stems a negation bears on: up to NEAR words after it ("does not turn on", "won't
    charge") and up to BEFORE words before it, its subject ("the LED refuses to light")."""
    words = _words(text)
    out = set()
    for c in _negations(words):
        for i in range(max(0, c - BEFORE), min(len(words), c + NEAR + 1)):
            if i != c:
                out.add(_stem(words[i]))
    return out


_CONDITION = re.compile(
    r"\b(?:when|whenever|if|once|after|before|while|even when|even if)\b[^,?]*", re.IGNORECASE
)


def _predicate(question: str) -> str:
    """The question without its conditions: "When you turn the key, does the starter crank?"
    asks whether the starter cranks; turning the key is when."""
    return _CONDITION.sub(" ", question)


@dataclass(frozen=True)
class Inferred:
    """A question the intake answers: the node, the answer (an edge label), the intake's
    sentence that says it, and how much of the question that sentence covered. `via`: the
    later question that sentence answers, when this answer is implied by it (the branch that
    leads there) rather than said."""

    node_id: str
    question: str
    answer: str
    evidence: str
    confidence: float
    via: str | None = None


@dataclass(frozen=True)
class _Question:
    node_id: str
    text: str
    labels: list[str]


def _question_text(node: dict[str, Any]) -> str:
    """The question as asked: the title's interrogative sentences (a preamble explaining why
    is not what is asked), and the body's first paragraph when it is short (a label or a
    restatement; instructions and reference material below are not the question)."""
    title = str(node.get("title") or "")
    asked = [s for s in sentences(title) if s.rstrip().endswith("?")]
    body = str(node.get("body") or "").strip()
    first = body.split("\n\n")[0].strip() if body else ""
    if len(first) > SHORT_BODY or first.startswith(("-", "|", "#")):
        first = ""
    return "\n".join([*(asked or [title]), first]).strip()


class Reader:
    """One flow's questions, with term weights from the flow's own nodes."""

    def __init__(self, graph: dict[str, Any]) -> None:
        self.nodes = {str(n["id"]): n for n in graph.get("nodes", [])}
        self.out: dict[str, list[tuple[str, str]]] = {}
        for e in graph.get("edges", []):
            self.out.setdefault(str(e["source"]), []).append(
                (str(e.get("label") or ""), str(e["target"]))
            )
        # Weights come from the flow's questions: a word most of them say (the product,
        # boilerplate of the flow's author) tells one question from another for nothing.
        asked = [_question_text(n) for n in self.nodes.values() if n.get("type") == "question"]
        df: dict[str, int] = {}
        for text in asked:
            for t in set(_content(text)):
                df[t] = df.get(t, 0) + 1
        self.total = max(2, len(asked))
        self.weight = {t: max(0.0, math.log(self.total / d)) for t, d in df.items()}

    def _w(self, term: str) -> float:
        return self.weight.get(term, math.log(self.total))

    def answer(self, node_id: str, intake: str) -> Inferred | None:
        """The intake's answer to this question, or None when it does not clearly say."""
        node = self.nodes.get(node_id)
        if node is None or node.get("type") != "question":
            return None
        labels = [label for label, _ in self.out.get(node_id, []) if label.strip()]
        if not labels:
            return None
        text = _question_text(node)
        keys = [t for t in dict.fromkeys(_content(text)) if self._w(t) > 0]
        yes = next((lb for lb in labels if lb.strip().casefold() in _YES), None)
        no = next((lb for lb in labels if lb.strip().casefold() in _NO), None)
        if yes is None or no is None or len(labels) != 2:
            return self._choice(node, labels, keys, intake)
        total = sum(self._w(t) for t in keys)
        if len(keys) < MIN_TERMS or total <= 0:
            return None
        # What is asked, conditions aside; a question that asks in the negative ("Does it not
        # charge?") is answered the other way round.
        predicate = [t for t in dict.fromkeys(_content(_predicate(text))) if t in keys]
        if not predicate:
            return None
        asked_negated = bool(set(predicate) & _negated_terms(_predicate(text)))
        picks: list[tuple[str, str, float]] = []  # (answer, sentence, coverage)
        for sentence in sentences(intake):
            if sentence.rstrip().endswith("?") or _HEDGE & set(_words(sentence)):
                continue
            said = set(_content(sentence))
            found = [t for t in keys if t in said]
            flipped = [t for t in keys if _OPPOSITE.get(t) in said and t not in said]
            cover = sum(self._w(t) for t in found + flipped) / total
            if len(found) + len(flipped) < MIN_TERMS or cover < ANSWER_FROM:
                continue
            # Polarity is read from the sentence's main clause: "when I plug it in" is when.
            main = _predicate(sentence)
            negated = _negated_terms(main)
            in_main = set(_content(main))
            found = [t for t in found if t in in_main]
            flipped = [t for t in keys if _OPPOSITE.get(t) in in_main and t not in in_main]
            # The sentence says the predicate in the negative when most of the weight of
            # the predicate terms it says is negated (or said by its opposite); a
            # split is not an answer.
            said_pred = [t for t in predicate if t in found or t in flipped]
            weight = sum(self._w(t) for t in said_pred)
            if weight <= 0:
                continue
            against = (
                sum(self._w(t) for t in said_pred if (t in negated) != (t in flipped)) / weight
            )
            if 1 / 3 < against < 2 / 3:
                return None
            negative = (against >= 2 / 3) != asked_negated
            picks.append((no if negative else yes, sentence, cover))
        return _decided(node, picks)

    def _choice(
        self, node: dict[str, Any], labels: list[str], keys: list[str], intake: str
    ) -> Inferred | None:
        """A question whose answers are not Yes/No ("One device" / "The whole site"): answered
        when one sentence names exactly one answer by the words only that answer has, not
        negated, and says the question too (a key term of the question besides those words,
        or an answer of two such words or more)."""
        terms = {lb: set(_content(lb)) for lb in labels}
        own = {lb: terms[lb] - set().union(*(terms[o] for o in labels if o != lb)) for lb in labels}
        picks: list[tuple[str, str, float]] = []
        for sentence in sentences(intake):
            if sentence.rstrip().endswith("?") or _HEDGE & set(_words(sentence)):
                continue
            said = set(_content(sentence))
            cues = _negations(_words(sentence))
            named = []
            for lb in labels:
                mine = own[lb]
                if not mine or not mine <= said:
                    continue
                at = [i for i, w in enumerate(_words(sentence)) if _stem(w) in mine]
                if any(0 < h - c <= NEAR for c in cues for h in at):
                    continue  # "not the whole site"
                if len(mine) >= 2 or (set(keys) & said) - mine:
                    named.append(lb)
            if len(named) == 1:
                asked = set(keys) | own[named[0]]
                cover = sum(self._w(t) for t in asked & said) / max(
                    1e-9, sum(self._w(t) for t in asked)
                )
                picks.append((named[0], sentence, cover))
        return _decided(node, picks)

    def walk(self, start: str, intake: str) -> list[Inferred]:
        """From `start` down: the questions the intake answers or implies, until the first it
        does neither."""
        out: list[Inferred] = []
        node, seen = start, set()
        while node not in seen and len(out) < MAX_SKIPS:
            seen.add(node)
            got = self.answer(node, intake) or self._implied(node, intake)
            if got is None:
                break
            out.append(got)
            node = next(t for label, t in self.out[node] if label == got.answer)
        return out

    def _implied(self, node_id: str, intake: str) -> Inferred | None:
        """The answer to an unsure question implied by a later one the intake answers: the one
        branch under which a question within LOOK_AHEAD steps is answered. None when no branch
        or more than one has such a question (a question both branches reach says nothing
        about which was taken)."""
        node = self.nodes.get(node_id)
        if node is None or node.get("type") != "question":
            return None
        found: dict[str, Inferred] = {}
        for label, target in self.out.get(node_id, []):
            if not label.strip():
                continue
            beyond = self._first_answered(target, intake, {node_id})
            if beyond is not None:
                found[label] = beyond
        if len(found) != 1:
            return None
        ((label, beyond),) = found.items()
        question = str(node.get("title") or "").split("\n")[0]
        return Inferred(
            node_id, question, label, beyond.evidence, beyond.confidence, via=beyond.question
        )

    def _first_answered(self, start: str, intake: str, seen: set[str]) -> Inferred | None:
        """The nearest question within LOOK_AHEAD steps from `start` (included) that the
        intake answers, breadth first."""
        level, seen = [start], set(seen)
        for _ in range(LOOK_AHEAD):
            below: list[str] = []
            for n in level:
                if n in seen:
                    continue
                seen.add(n)
                got = self.answer(n, intake)
                if got is not None:
                    return got
                below += [t for _, t in self.out.get(n, [])]
            level = below
        return None


def _decided(node: dict[str, Any], picks: list[tuple[str, str, float]]) -> Inferred | None:
    """One answer from the sentences that answer (the best-covering one as evidence), or None
    when none does or they disagree."""
    if not picks or len({a for a, _, _ in picks}) > 1:
        return None
    best = max(picks, key=lambda p: p[2])
    question = str(node.get("title") or "").split("\n")[0]
    return Inferred(str(node["id"]), question, best[0], best[1][:300], round(best[2], 3))


def walk(graph: dict[str, Any], start: str, intake: str) -> list[Inferred]:
    return Reader(graph).walk(start, intake)
