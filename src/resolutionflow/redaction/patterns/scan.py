"""One pass over a text finds every keyword the detectors gate on.

Each detector names the lower-case literals near which its patterns can match ("pass", "token",
"net use", "://", ...). Looking for each literal separately costs one `str.find` sweep per
literal and per detector, about a hundred sweeps of every text. Here all of them are found in a
single sweep: with Hyperscan (the `hyperscan` package, a multi-literal automaton) when it is
installed, otherwise with `str.find` per literal, once per text, shared by all detectors.

The literals are registered at import time by the detector modules. Positions are offsets into
the lower-cased text the engine gives the detectors (which has the same length as the text).
"""

from __future__ import annotations

import bisect
import importlib
import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

_hs: Any
try:  # optional: the pure-Python sweep gives the same positions, only slower
    import hyperscan as _hs
except ImportError:  # pragma: no cover - exercised where the wheel is missing
    _hs = None

_lock = threading.Lock()
_keywords: list[str] = []
_index: dict[str, int] = {}
# Presence tests for structural shapes ("eight digits in a row"): name -> Python regex. Hyperscan
# runs them in the same sweep and stops each at its first match.
_patterns: dict[str, str] = {}
_compiled_patterns: dict[str, re.Pattern[str]] = {}
# The shapes whose every match is reported (with its end offset), not only the first; and those
# whose every match is reported with the leftmost start of a match ending there.
_with_ends: set[str] = set()
_with_starts: set[str] = set()
# Groups of literals found only where a token starts (after no letter, digit, "_" or "]"), their
# positions merged: name -> words.
_groups: dict[str, tuple[str, ...]] = {}
_WORD_START = r"(?:^|[^a-z0-9_\]])"
# A group word counts only where the token it starts runs on for this many characters (vendor
# tokens are longer, and their first ten characters never leave this alphabet): "do", "at" and
# "sl" start many English words, few of them ten characters long.
_GROUP_MIN = 10
_RUN_TAIL = b"[a-z0-9_\\-.~+/=:!%%@]{%d}"
_database: Any = None
_generation = 0
_local = threading.local()


def register(words: Iterable[str]) -> None:
    """Adds lower-case ASCII literals to the shared sweep (called when a detector module loads)."""
    global _database, _generation
    with _lock:
        for w in words:
            if w in _index:
                continue
            if not w or not w.isascii() or w != w.lower():
                raise ValueError(f"keyword must be non-empty lower-case ASCII: {w!r}")
            _index[w] = len(_keywords)
            _keywords.append(w)
            _database = None
            _generation += 1


def register_pattern(name: str, regex: str, ends: bool = False, starts: bool = False) -> None:
    """Adds a presence test, written in the syntax Python and Hyperscan share (classes,
    repeats, alternation; no look-arounds), matched against the lower-cased text. `ends`: the
    end offset of every match is wanted too (Hits.shape_ends); `starts`: the start offset of
    every match (the leftmost of those ending at one offset; Hits.shape_starts), and the
    shape then only gives positions: it counts for neither `has` nor `empty`."""
    global _database, _generation
    with _lock:
        if (
            _patterns.get(name) == regex
            and (name in _with_ends) == ends
            and (name in _with_starts) == starts
        ):
            return
        _patterns[name] = regex
        for wanted, names in ((ends, _with_ends), (starts, _with_starts)):
            if wanted:
                names.add(name)
            else:
                names.discard(name)
        _compiled_patterns[name] = re.compile(regex)
        _database = None
        _generation += 1


def register_group(name: str, words: Iterable[str]) -> None:
    """Adds lower-case ASCII literals whose token-start positions are wanted together."""
    global _database, _generation
    group = tuple(sorted(set(words)))
    if any(not w or not w.isascii() or w != w.lower() for w in group):
        raise ValueError(f"group {name}: keywords must be non-empty lower-case ASCII")
    with _lock:
        _groups[name] = group
        _database = None
        _generation += 1


_RUN_TAIL_RE = re.compile(r"[a-z0-9_\-.~+/=:!%@]*$")
_sets: dict[tuple[str, ...], frozenset[str]] = {}


def keyword_set(keywords: tuple[str, ...]) -> frozenset[str]:
    """`keywords` as a (cached) set; each must be registered."""
    found = _sets.get(keywords)
    if found is None:
        missing = [k for k in keywords if k not in _index]
        if missing:
            raise ValueError(f"keywords not registered: {missing}")
        found = _sets[keywords] = frozenset(keywords)
    return found


def _literal(word: str) -> bytes:
    return "".join(c if c.isalnum() else "\\" + c for c in word).encode()


def engine() -> str:
    """The sweep in use ("hyperscan" or "str.find"), for the bench."""
    return "hyperscan" if _hs is not None and not getattr(_local, "disabled", False) else "str.find"


def _shape_flags(name: str) -> int:
    if name in _with_starts:
        return int(_hs.HS_FLAG_SOM_LEFTMOST)
    return 0 if name in _with_ends else int(_hs.HS_FLAG_SINGLEMATCH)


def _compiled() -> tuple[Any, Any, list[str], list[str], list[tuple[str, str]]]:
    """The Hyperscan database of all registered literals and this thread's scratch space."""
    global _database
    with _lock:
        if _database is None:
            db = _hs.Database()
            names = list(_patterns)
            members = [(g, w) for g, words in _groups.items() for w in words]
            expressions = (
                [_literal(w) for w in _keywords]
                + [_patterns[n].encode() for n in names]
                + [
                    _WORD_START.encode()
                    + _literal(w)
                    + (_RUN_TAIL % (_GROUP_MIN - len(w)) if len(w) < _GROUP_MIN else b"")
                    for _g, w in members
                ]
            )
            db.compile(
                expressions=expressions,
                ids=list(range(len(expressions))),
                elements=len(expressions),
                flags=[0] * len(_keywords) + [_shape_flags(n) for n in names] + [0] * len(members),
            )
            _database = (db, _generation, list(_keywords), names, members)
        db, generation, keywords, names, members = _database
    scratch = getattr(_local, "scratch", None)
    if scratch is None or scratch[0] != generation:
        scratch = (generation, _hs.Scratch(db))
        _local.scratch = scratch
    return db, scratch[1], keywords, names, members


# Every token the token detectors look for (vendor formats, structure shapes, JWTs) is a run of
# at least 13 characters of this alphabet. The runs are found once per text and shared.
TOKEN_RUN_RE = re.compile(r"[A-Za-z0-9_\-.~+/=:!%@]{13,}")
_parser: Any = importlib.import_module("re._parser")


class Hits:
    """Where the registered keywords start in one lower-cased text (overlapping hits too; only
    the keywords that occur), which registered shapes occur in it, and group token starts."""

    __slots__ = ("_ends", "_found", "_groups", "_runs", "_runs_of", "_shapes", "_swept", "lower")

    def __init__(
        self,
        lower: str,
        found: dict[str, list[int]],
        shapes: set[str] | None,
        groups: dict[str, list[int]] | None,
        ends: dict[str, list[int]] | None = None,
    ) -> None:
        self.lower = lower
        self._ends = ends if ends is not None else {}
        self._found = found
        self._swept = shapes is not None  # False: shapes are tested on demand (no Hyperscan)
        self._shapes = shapes if shapes is not None else set()
        self._groups = groups if groups is not None else {}
        self._runs_of: str | None = None
        self._runs: list[tuple[int, int]] = []

    def token_runs(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each maximal run of TOKEN_RUN_RE's alphabet, 13+ characters long, in
        `text` (the text this object's `lower` was made from), computed once."""
        if self._runs_of is not text:
            self._runs = [m.span() for m in TOKEN_RUN_RE.finditer(text)]
            self._runs_of = text
        return self._runs

    def positions(self, keyword: str) -> list[int]:
        found = self._found.get(keyword)
        if found is not None:
            return found
        return [] if keyword in _index else _find_all(self.lower, keyword)

    def spans(self, keywords: frozenset[str]) -> list[tuple[int, int]]:
        """(start, end) of every hit of these (registered) keywords, sorted."""
        found = self._found
        # The keywords both found and asked for, intersected in C; the order they are read in
        # does not matter, as the spans are sorted (and two keywords never give the same span).
        out = [(i, i + len(kw)) for kw in found.keys() & keywords for i in found[kw]]
        out.sort()
        return out

    def present(self, keywords: frozenset[str]) -> set[str]:
        return self._found.keys() & keywords

    def token_starts(self, group: str) -> list[int]:
        """Sorted positions where a word of `group` starts a token."""
        found = self._groups.get(group)
        if found is None:
            lower = self.lower
            found = sorted(
                {
                    i
                    for w in _groups[group]
                    for i in _find_all(lower, w)
                    if (
                        i == 0
                        or not (
                            lower[i - 1].isascii()
                            and (lower[i - 1].isalnum() or lower[i - 1] in "_]")
                        )
                    )
                    and _RUN_TAIL_RE.match(lower, i + len(w), i + max(len(w), _GROUP_MIN))
                    and i + max(len(w), _GROUP_MIN) <= len(lower)
                }
            )
            self._groups[group] = found
        return found

    def empty(self) -> bool:
        """Nothing registered occurs: no keyword, shape or group start (known only after a
        Hyperscan sweep, which tests every shape; the fallback never says empty)."""
        return (
            self._swept and not self._found and not self._shapes and not any(self._groups.values())
        )

    def shape_ends(self, shape: str) -> list[int] | None:
        """Sorted end offsets of every match of a shape registered with `ends=True`, or None
        where no Hyperscan sweep ran (the caller then scans the whole text itself)."""
        if not self._swept:
            return None
        return self._ends.get(shape, [])

    def shape_starts(self, shape: str) -> list[int] | None:
        """Sorted start offsets of the matches of a shape registered with `starts=True`, or
        None where no Hyperscan sweep ran."""
        return self.shape_ends(shape)

    def started_finditer(
        self, rx: re.Pattern[str], text: str, shape: str, offsets: tuple[int, ...]
    ) -> Iterator[re.Match[str]]:
        """`rx.finditer(text)` for a regex each match of which, in ASCII text, starts one of
        `offsets` characters after the start of a match of `shape` (registered with
        `starts=True`): only those starts are tried. Outside ASCII or without a sweep, the
        whole text is scanned."""
        found = self.shape_starts(shape) if text.isascii() else None
        if found is None:
            return rx.finditer(text)
        return match_from_starts(rx, text, sorted({s + d for s in found for d in offsets}))

    def gated_finditer(
        self, rx: re.Pattern[str], text: str, shape: str, reach: tuple[int, ...]
    ) -> Iterator[re.Match[str]]:
        """`rx.finditer(text)` for a regex each match of which, in ASCII text, holds a match of
        `shape` (registered with `ends=True`) ending one of `reach` characters after the
        match's start: only the starts those ends allow are tried. Outside ASCII (where `\\d`
        reaches further than the shape's [0-9]) or without a sweep, the whole text is scanned."""
        ends = self.shape_ends(shape) if text.isascii() else None
        if ends is None:
            return rx.finditer(text)
        starts = sorted({e - r for e in ends for r in reach if e >= r})
        return match_from_starts(rx, text, starts)

    def has(self, shape: str) -> bool:
        """Whether the registered shape occurs in the text."""
        if self._swept:
            return shape in self._shapes
        if shape in self._shapes:
            return True
        if _compiled_patterns[shape].search(self.lower) is not None:
            self._shapes.add(shape)
            return True
        return False


def shortest_match(rx: re.Pattern[str]) -> int:
    """The length of `rx`'s shortest match (runs shorter than that cannot hold one)."""
    return int(_parser.parse(rx.pattern).getwidth()[0])


def finditer_in_runs(
    rx: re.Pattern[str],
    text: str,
    runs: list[tuple[int, int]],
    shortest: int,
    needs: tuple[str, ...] = (),
) -> Iterator[re.Match[str]]:
    """What `rx.finditer(text)` yields, for a regex whose matches are made of TOKEN_RUN_RE's
    characters only and whose look-arounds read at most one character either side, scanning
    only the token runs instead of every position of the text.

    Every match then lies inside one maximal run at least `shortest` characters long, and the
    whole-text scan reaches each such run's start with nothing straddling it, so scanning each
    run from its start finds the same matches in the same order. Look-behinds read the text
    before a scan's start position anyway; the end bound one past the run lets the look-ahead
    read the character after it (which is outside the alphabet, so no match can take it).
    `needs`: strings one of which every match holds; a run holding none of them is skipped.
    """
    for start, end in runs:
        if end - start < shortest:
            continue
        if needs and all(text.find(s, start, end) == -1 for s in needs):
            continue
        yield from rx.finditer(text, start, end + 1)


def match_from_starts(
    rx: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What `rx.finditer(text)` yields, given (sorted) every position where `rx` can match
    (more are harmless): the whole-text scan takes the first position at or after the last
    match's end where `rx` matches, and only the given positions can be that one. `rx` must
    not match the empty string."""
    last = 0
    for pos in starts:
        if pos < last:
            continue
        m = rx.match(text, pos)
        if m is not None:
            yield m
            last = m.end()


def search_from_starts(
    rx: re.Pattern[str], text: str, starts: list[int], pos: int, endpos: int
) -> re.Match[str] | None:
    """`rx.search(text, pos, endpos)`, given (sorted) every position where `rx` can match: the
    search returns the match at the first position that has one, and only these can. `rx` must
    not match the empty string."""
    i = bisect.bisect_left(starts, pos)
    n = len(starts)
    while i < n and starts[i] < endpos:
        m = rx.match(text, starts[i], endpos)
        if m is not None:
            return m
        i += 1
    return None


def finditer_from_starts(
    rx: re.Pattern[str], text: str, starts: list[int], pos: int, endpos: int
) -> Iterator[re.Match[str]]:
    """`rx.finditer(text, pos, endpos)` given every position where `rx` can match (as above)."""
    while (m := search_from_starts(rx, text, starts, pos, endpos)) is not None:
        yield m
        pos = m.end()


def find_all(lower: str, literal: str) -> list[int]:
    """Every position of `literal` in `lower`, overlapping ones too."""
    return _find_all(lower, literal)


def _find_all(lower: str, keyword: str) -> list[int]:
    out: list[int] = []
    i = lower.find(keyword)
    while i != -1:
        out.append(i)
        i = lower.find(keyword, i + 1)
    return out


def _sweep(lower: str) -> Hits:
    if _hs is None or getattr(_local, "disabled", False):
        found = {w: _find_all(lower, w) for w in list(_keywords) if w in lower}
        return Hits(lower, found, None, None)
    db, scratch, keywords, names, members = _compiled()
    n = len(keywords)
    m = n + len(names)
    by_id: dict[int, list[int]] = {}
    shapes: set[str] = set()
    ends: dict[str, list[int]] = {}
    groups: dict[str, list[int]] = {g: [] for g in _groups}

    def on_match(i: int, start: int, end: int, _flags: int, _ctx: object) -> None:
        if i < n:
            found = by_id.get(i)
            if found is None:
                by_id[i] = [end - len(keywords[i])]
            else:
                found.append(end - len(keywords[i]))
        elif i < m:
            name = names[i - n]
            if name in _with_starts:
                # Positions only: such a shape does not make the text hold something.
                ends.setdefault(name, []).append(start)
                return
            shapes.add(name)
            if name in _with_ends:
                ends.setdefault(name, []).append(end)
        else:
            group, word = members[i - m]
            groups[group].append(end - max(len(word), _GROUP_MIN))

    # One byte per character (characters outside Latin-1 become "?"), so byte offsets are
    # character offsets; the keywords are ASCII and never match inside a replaced character.
    db.scan(lower.encode("latin-1", "replace"), match_event_handler=on_match, scratch=scratch)
    for starts in groups.values():
        starts.sort()
    for offsets in ends.values():
        offsets.sort()
    return Hits(lower, {keywords[i]: p for i, p in by_id.items()}, shapes, groups, ends)


def hits(lower: str) -> Hits:
    """The keyword positions of `lower`, computed once per text and thread."""
    cached: Hits | None = getattr(_local, "hits", None)
    if cached is not None and cached.lower is lower:
        return cached
    found = _sweep(lower)
    _local.hits = found
    return found


def release() -> None:
    """Forgets the last text's positions (the engine calls this when a redaction ends)."""
    _local.hits = None


def use_hyperscan(enabled: bool) -> None:
    """Turns the Hyperscan sweep off (or back on) in this thread: the bench's baseline."""
    _local.disabled = not enabled
    _local.hits = None
