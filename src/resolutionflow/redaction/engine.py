"""Runs the detectors over one text, merges what they found, and writes the redacted text."""

from __future__ import annotations

import bisect
import re

from resolutionflow.redaction import patterns
from resolutionflow.redaction.model import (
    SPECIFICITY,
    Candidate,
    Finding,
    RedactionOptions,
    RedactionResult,
)
from resolutionflow.redaction.patterns import scan as keyword_scan
from resolutionflow.redaction.patterns.common import (
    MARKER_RE,
    forget_verdicts,
    remember_verdicts,
)

# Below this length a value is only re-redacted where it stands as a whole token elsewhere in the
# text; a short value ("4821") would otherwise eat the same digits inside ordinary numbers.
_ECHO_ANYWHERE_MIN = 8
_ECHO_TOKEN_MIN = 4
_ANSI_RE = re.compile(r"\x1b\[[0-9;]{0,12}[A-Za-z]")
# What may not stand right before / after a short echo (a longer token continues there).
_ECHO_BEFORE_RE = re.compile(r"[\w@#$%^&*!?.-]")
_ECHO_AFTER_RE = re.compile(r"[\w@#$%^&*!?-]")


def _detectors(options: RedactionOptions, skip_always: bool = False) -> list[patterns.Detector]:
    active = [] if skip_always else list(patterns.ALWAYS)
    if options.emails:
        active.append(patterns.EMAILS)
    if options.phones:
        active.append(patterns.phones(options.phone_region))
    if options.ip_addresses:
        active.append(patterns.IP_ADDRESSES)
    return active


def _echoes(text: str, found: list[Candidate]) -> list[Candidate]:
    """Other places the same secret value appears ("tried P@ss again"): once a value is known to
    be secret, every copy of it is."""
    out: list[Candidate] = []
    seen: set[str] = set()
    for c in found:
        value = text[c.start : c.end]
        if value in seen or len(value) < _ECHO_TOKEN_MIN:
            continue
        seen.add(value)
        if len(value) >= _ECHO_ANYWHERE_MIN:
            pos = text.find(value)
            while pos != -1:
                if pos != c.start:
                    out.append(Candidate(c.kind, pos, pos + len(value)))
                pos = text.find(value, pos + 1)
        else:
            # The copies standing as a whole token, as `re.finditer` of the value between
            # `(?<![\w@#$%^&*!?.-])` and `(?![\w@#$%^&*!?-])` finds them (leftmost first, the
            # next search after a copy's end), but found by `str.find` and the two boundaries
            # tested with the same character classes: a regex that starts with a look-behind
            # has no literal to search for and is tried at every position of the text.
            n = len(value)
            pos = text.find(value)
            while pos != -1:
                end = pos + n
                if (pos == 0 or _ECHO_BEFORE_RE.match(text, pos - 1) is None) and (
                    _ECHO_AFTER_RE.match(text, end) is None
                ):
                    if pos != c.start:
                        out.append(Candidate(c.kind, pos, end))
                    pos = text.find(value, end)
                else:
                    pos = text.find(value, pos + 1)
    return out


def _merge(candidates: list[Candidate]) -> list[Finding]:
    """Overlapping candidates become one finding spanning all of them; the most specific kind
    wins (a GitHub token behind `password:` is reported as github_token)."""
    merged: list[Finding] = []
    kind = ""
    start = end = -1
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if c.start < end:
            if c.end > end:
                end = c.end
            if SPECIFICITY[c.kind] > SPECIFICITY[kind]:
                kind = c.kind
            continue
        if end > start >= 0:
            merged.append(Finding(kind, start, end))
        kind, start, end = c.kind, c.start, c.end
    if end > start >= 0:
        merged.append(Finding(kind, start, end))
    return merged


def _mask_markers(text: str, markers: list[tuple[int, int]]) -> str:
    """Replaces earlier `[REDACTED:kind]` markers with "x" runs of the same length.

    The kind names inside ("password") must not read as keywords, and the marker stands where a
    secret (letters and digits, as a rule) stood: a letter run is judged by every boundary test
    as the secret was on the first pass (idempotence), and "xxxx" is itself a placeholder.
    """
    parts: list[str] = []
    pos = 0
    for start, end in markers:
        parts += [text[pos:start], "x" * (end - start)]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _detect(text: str, options: RedactionOptions) -> list[Finding]:
    markers = (
        [(m.start(), m.end()) for m in MARKER_RE.finditer(text)] if "[REDACTED:" in text else []
    )
    scan = _mask_markers(text, markers) if markers else text
    if "\x1b[" in scan:
        # Terminal colours pasted with command output: "\x1b[93msk-...\x1b[0m".
        scan = _ANSI_RE.sub(lambda m: " " * len(m.group()), scan)
    lower = scan.lower()
    if len(lower) != len(scan):
        # A few characters lower-case to two ("İ"); detectors index `lower` like `text`.
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in scan)
    try:
        # One sweep finds every keyword, prefix and shape the always-on detectors need; a text
        # with none of them (most short timeline entries) skips those detectors entirely.
        quiet = keyword_scan.hits(lower).empty()
        found = [
            c
            for detector in _detectors(options, skip_always=quiet)
            for c in detector(scan, lower)
            if c.end > c.start
        ]
    finally:
        keyword_scan.release()
    if not found:
        return []
    found.extend(_echoes(scan, found))
    if markers:
        # Earlier markers stay as they are: nothing may overlap one.
        found = [c for c in found if not any(c.start < me and ms < c.end for ms, me in markers)]
    return _merge(found)


def _render(text: str, findings: list[Finding]) -> str:
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts.append(text[pos : f.start])
        parts.append(f"[REDACTED:{f.kind}]")
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


def _to_original(findings: list[Finding], extra: list[Finding]) -> list[Finding]:
    """Maps findings on the rendered text back to offsets in the original text. They never
    overlap a marker, so each lies in text the rendering copied unchanged."""
    starts = []  # (rendered start of a marker, shift to apply after it)
    shift = 0
    for f in findings:
        rendered_start = f.start + shift
        shift += len(f"[REDACTED:{f.kind}]") - (f.end - f.start)
        starts.append((rendered_start, shift))
    out = []
    for e in extra:
        i = bisect.bisect_right(starts, (e.start, float("inf"))) - 1
        delta = starts[i][1] if i >= 0 else 0
        out.append(Finding(e.kind, e.start - delta, e.end - delta))
    return out


# Replacing a value changes the characters next to its neighbours (a token glued to a secret now
# sits beside a marker), so a second look at the output can find more. Redaction repeats until
# its output is stable, which is what makes redact(redact(x)) == redact(x).
_MAX_ROUNDS = 4


def redact(text: str, options: RedactionOptions) -> RedactionResult:
    if not text:
        return RedactionResult(text, [])
    started = remember_verdicts()
    try:
        return _redact(text, options)
    finally:
        if started:
            forget_verdicts()


def _redact(text: str, options: RedactionOptions) -> RedactionResult:
    findings = _detect(text, options)
    if not findings:
        return RedactionResult(text, [])
    rendered = _render(text, findings)
    for _ in range(_MAX_ROUNDS):
        extra = _detect(rendered, options)
        if not extra:
            break
        mapped = _to_original(findings, extra)
        findings = _merge([Candidate(f.kind, f.start, f.end) for f in findings + mapped])
        rendered = _render(text, findings)
    return RedactionResult(rendered, findings)
