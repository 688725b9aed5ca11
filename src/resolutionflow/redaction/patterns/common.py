"""Value tests shared by the detectors: placeholders, ordinary facts, randomness."""

from __future__ import annotations

import functools
import math
import re
import threading
from collections import Counter
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from resolutionflow.redaction.patterns import scan

_P = ParamSpec("_P")
_R = TypeVar("_R")
_verdicts = threading.local()


def remember_verdicts() -> bool:
    """From now until forget_verdicts(), in this thread, the value tests marked `@remembered`
    keep their answers. False (and nothing changes) when they already do.

    The engine calls this for one redaction: it reads its output again (engine.redact's second
    pass, which makes it idempotent), where every identifier and every value it refused is
    tested once more, and a ticket repeats its key names ("password", "api_key"). The tests so
    marked depend on their arguments alone (module constants, never the text around the value),
    so a remembered answer is the answer. Answers, and the values they are keyed by, are dropped
    when the redaction ends: no value outlives the call that saw it.
    """
    if getattr(_verdicts, "memo", None) is not None:
        return False
    _verdicts.memo = {}
    return True


def forget_verdicts() -> None:
    _verdicts.memo = None


def remembered(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """Marks a value test that depends on its arguments alone (see remember_verdicts)."""

    @functools.wraps(fn)
    def test(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        memo: dict[object, object] | None = getattr(_verdicts, "memo", None)
        if memo is None:
            return fn(*args, **kwargs)
        key = (fn, args, tuple(kwargs.items())) if kwargs else (fn, args)
        try:
            return memo[key]  # type: ignore[return-value]
        except KeyError:
            answer = memo[key] = fn(*args, **kwargs)
            return answer

    return test


# `[REDACTED:kind]` markers from an earlier pass; detectors must never see them as values.
MARKER_RE = re.compile(r"\[REDACTED:[a-z_]+\]")

_PLACEHOLDER_RE = re.compile(
    r"""^(?:
        \$\{[^}]*\}?.* | \$\(.*\)? | \$[A-Z_][A-Z0-9_]* | \$env:\w+ | %[A-Za-z_][\w]*% | \{\{.*\}\}? | \{[A-Za-z_]\w*\}
      | <[^>]*>? | \[[^\]]*\]
      | [*•●·.#_?-]+ | [xX]+ | 0+
    )$""",
    re.X,
)
_PLACEHOLDER_WORDS = (
    "fake",
    "dummy",
    "placeholder",
    "your_",
    "your-",
    "yourpass",
    "example",
    "sample",
    "redacted",
    "changeme",
    "change_me",
    "change-me",
    "replaceme",
    "replace_me",
    "replace-me",
)

# Facts engineers write next to key-like words that are not secrets.
_ORDINARY_RE = re.compile(
    r"""^(?:
        0x[0-9A-Fa-f]+                                # error codes, masks
      | KB\d{6,8}                                     # Windows KB articles
      | v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?            # versions, builds, IPv4
      | \d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?           # dates
      | \d{1,2}[/.]\d{1,2}[/.]\d{2,4}                 # dates
      | \#?\d{1,8}                                    # ticket numbers, ports, short ids
      | T\d{8}\.\d{3,5}                               # Autotask ticket numbers
      | (?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}       # MAC addresses
      | [A-Za-z]:\\.* | \\\\.* | /[\w./-]*             # paths
      | [a-z][a-z0-9+.-]*://.*                        # URLs
      | (?:[A-Za-z0-9-]+\.){2,}[a-z]{2,12}            # host names (mx1.eu.example.net)
    )$""",
    re.X,
)
_CODE_REF_RE = re.compile(r"^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+(?:\(\)?)?$")
# Words that follow "password is/was/:" in ordinary sentences. Plain words outside this list are
# taken as passwords only when they end the sentence ("the wifi password is sunshine.").
STOPWORDS = frozenset(
    [
        # The key words themselves: in "password: password is X" the value is X, not "password".
        "password",
        "passwords",
        "passwd",
        "pwd",
        "pass",
        "passphrase",
        "passcode",
        "pin",
        "secret",
        "token",
        "key",
        "credentials",
        "username",
        "login",
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "it",
        "its",
        "is",
        "was",
        "be",
        "been",
        "being",
        "not",
        "no",
        "none",
        "null",
        "nil",
        "n/a",
        "na",
        "tbd",
        "unknown",
        "empty",
        "blank",
        "required",
        "optional",
        "mandatory",
        "needed",
        "hidden",
        "masked",
        "redacted",
        "same",
        "different",
        "new",
        "old",
        "correct",
        "incorrect",
        "wrong",
        "right",
        "valid",
        "invalid",
        "weak",
        "strong",
        "complex",
        "simple",
        "long",
        "short",
        "ok",
        "okay",
        "fine",
        "good",
        "bad",
        "set",
        "reset",
        "change",
        "changed",
        "expire",
        "expired",
        "expiring",
        "expires",
        "locked",
        "unlocked",
        "disabled",
        "enabled",
        "saved",
        "stored",
        "known",
        "unknown",
        "missing",
        "working",
        "accepted",
        "rejected",
        "and",
        "or",
        "for",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "with",
        "from",
        "as",
        "via",
        "into",
        "about",
        "after",
        "before",
        "still",
        "now",
        "also",
        "then",
        "again",
        "already",
        "currently",
        "being",
        "used",
        "use",
        "using",
        "shown",
        "displayed",
        "attached",
        "below",
        "above",
        "here",
        "there",
        "sent",
        "provided",
        "same",
        "policy",
        "manager",
        "prompt",
        "field",
        "box",
        "dialog",
        "screen",
        "reset",
        "protected",
        "protection",
        "history",
        "age",
        "length",
        "change",
        "complexity",
        "requirements",
        "requirement",
        "sync",
        "synchronization",
        "hash",
        "hashes",
        "spray",
        "expiry",
        "please",
        "pls",
        "see",
        "check",
        "ask",
        "call",
        "contact",
        "user",
        "users",
        "account",
        "accounts",
        "admin",
        "administrator",
        "true",
        "false",
        "yes",
        "on",
        "off",
        "default",
        "string",
        "str",
        "text",
        "value",
        "none",
        "prompt",
        "entered",
        "typed",
        "updated",
        "update",
        "needs",
        "need",
        "must",
        "should",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "has",
        "have",
        "had",
    ]
)
_PLACEHOLDER_WORDS_RE = re.compile("|".join(map(re.escape, _PLACEHOLDER_WORDS)))
GUID_RE = re.compile(
    r"^\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}?$"
)


def is_placeholder(value: str) -> bool:
    if _PLACEHOLDER_RE.match(value):
        return True
    low = value.lower()
    if "xxxx" in low or "****" in low or "…" in value:
        return True
    if len(value) >= 8 and len(set(low)) <= 2:
        return True  # "aaaaaaaa", "abababab", "11111111": typed to fill a field
    # One search for all the words (a literal alternation finds one iff some word occurs).
    return _PLACEHOLDER_WORDS_RE.search(low) is not None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_LETTER_RUNS = tuple(_LETTERS[i : i + 10] for i in range(len(_LETTERS) - 9))


def has_alphabet_run(value: str) -> bool:
    """Ten letters of the alphabet in order ("abcdefghij"): an alphabet typed out, not a key
    (in random base-62 text about one chance in 10^17 at any place)."""
    low = value.lower()
    return any(run in low for run in _LETTER_RUNS)


def is_ordinary(value: str) -> bool:
    return bool(_ORDINARY_RE.match(value))


def is_code_reference(value: str) -> bool:
    """`var.db_password`, `os.environ`, `self.secret`: a pointer to a secret, not the secret."""
    if not _CODE_REF_RE.match(value):
        return False
    # "sat.s5brkavruzjt...": dotted, but its parts are machine-made, so a token, not a name.
    return not any(
        len(p) >= 12 and sum(c.isdigit() for c in p) >= 3 for p in re.split(r"\.|::|->", value)
    )


# The terms `c / n * log2(c / n)` of the entropy of an n-character value, by count c, for the
# lengths values usually have. A term is the same float however it is reached, and the sum below
# adds the same terms in the same order (first occurrence, as Counter keeps them), so the entropy
# is bit-for-bit the one the plain formula gives; only the logarithms are not taken again.
_ENTROPY_TERMS: dict[int, list[float]] = {}
_ENTROPY_TERMS_MAX = 512


def _entropy_terms(n: int) -> list[float]:
    terms = _ENTROPY_TERMS.get(n)
    if terms is None:
        terms = [0.0] + [c / n * math.log2(c / n) for c in range(1, n + 1)]
        if n <= _ENTROPY_TERMS_MAX:
            _ENTROPY_TERMS[n] = terms
    return terms


def shannon_entropy(value: str) -> float:
    n = len(value)
    if n == 0:
        return 0.0
    if n > _ENTROPY_TERMS_MAX:
        return -sum(c / n * math.log2(c / n) for c in Counter(value).values())
    return -sum(map(_entropy_terms(n).__getitem__, Counter(value).values()))


# `ALNUM_RE.search(v) is None` is `not any(c.isalnum() for c in v)`: `[^\W_]` is exactly
# str.isalnum over all of Unicode (\w is isalnum or "_"), searched in C.
ALNUM_RE = re.compile(r"[^\W_]")

_UPPER_BYTES = bytes(range(ord("A"), ord("Z") + 1))
_LOWER_BYTES = bytes(range(ord("a"), ord("z") + 1))
_DIGIT_BYTES = b"0123456789"


def char_classes(value: str) -> tuple[int, int, int, int]:
    """(upper, lower, digits, letters): how many characters of `value` pass str.isupper,
    str.islower, str.isdigit and str.isalpha. For ASCII text (nearly every value) these are A-Z,
    a-z, 0-9 and A-Za-z, counted by deleting each class from the bytes in C instead of testing
    every character in Python."""
    if value.isascii():
        raw = value.encode("ascii")
        n = len(raw)
        upper = n - len(raw.translate(None, _UPPER_BYTES))
        lower = n - len(raw.translate(None, _LOWER_BYTES))
        return upper, lower, n - len(raw.translate(None, _DIGIT_BYTES)), upper + lower
    return (
        sum(map(str.isupper, value)),
        sum(map(str.islower, value)),
        sum(map(str.isdigit, value)),
        sum(map(str.isalpha, value)),
    )


def looks_random(value: str, min_len: int = 16, min_entropy: float = 3.0) -> bool:
    """A machine-made token: long, varied, and mixing letters with digits (or long and mixed case)."""
    if len(value) < min_len or shannon_entropy(value) < min_entropy:
        return False
    upper, lower, digits, letters = char_classes(value)
    has_digit = digits > 0
    has_alpha = letters > 0
    has_upper = upper > 0
    has_lower = lower > 0
    if has_digit and has_alpha:
        return True
    return len(value) >= 20 and has_upper and has_lower and not value.isalpha()


def trim_value(text: str, start: int, end: int) -> tuple[int, int]:
    """Drops sentence punctuation and unbalanced closing brackets from the end of a value."""
    while end > start:
        ch = text[end - 1]
        if ch in ".,;:\"'`":
            end -= 1
            continue
        if ch in ")]}":
            opener = {")": "(", "]": "[", "}": "{"}[ch]
            chunk = text[start:end]
            if chunk.count(ch) > chunk.count(opener):
                end -= 1
                continue
        break
    return start, end


def keyword_windows(
    text: str, lower: str, keywords: tuple[str, ...], before: int = 60, after: int = 320
) -> list[tuple[int, int]]:
    """Windows of text around each keyword hit (`before`/`after` characters, never crossing a
    line break), merged, as (start, end).

    Keyword detectors run their full, case-insensitive regexes only inside these windows: the
    keywords of all detectors are found in one sweep of the lower-cased text (scan.py), where a
    case-insensitive regex over the whole text would test every position, and most of a ticket
    is far from any keyword.
    """
    hits = scan.hits(lower).spans(scan.keyword_set(keywords))
    spans: list[tuple[int, int]] = []
    n = len(text)
    for h_start, h_end in hits:
        lo = max(0, h_start - before)
        s = text.rfind("\n", lo, h_start) + 1 or lo
        hi = min(n, h_end + after)
        e = text.find("\n", h_end, hi)
        e = hi if e == -1 else e
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
        else:
            spans.append((s, e))
    return spans
