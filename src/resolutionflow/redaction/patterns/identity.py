"""Identity numbers that are always redacted: payment card numbers (Luhn-checked, known issuer
ranges) and national ids (US SSN with valid ranges, UK National Insurance numbers, and ids named
as such: "SIN: ...", "passport no. ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan
from resolutionflow.redaction.patterns.common import keyword_windows

# 13-19 digits, optionally grouped by single spaces or dashes. The boundaries keep it off longer
# digit runs, dotted build numbers (10.0.19045.3930), ids glued to letters (T20241105.0012) and
# digits glued to a `[REDACTED:...]` marker (a fragment of something already redacted).
_CARD_RE = re.compile(r"\d(?<![\w.+/:\]-]\d)(?:[ -]?\d){12,18}(?![\w/:\[-]|[.,]\d)")
_CARD_CONTEXT_DENY = re.compile(
    r"(?i)(?:imei|serial|s/n|sn|order|tracking|invoice|iccid|meid)\W{0,3}$"
)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _issuer_known(d: str) -> bool:
    two, four = int(d[:2]), int(d[:4])
    return (
        d[0] in "456"  # Visa, Mastercard 51-55, Discover/Maestro/UnionPay/RuPay
        or 2221 <= four <= 2720  # Mastercard 2-series
        or two in (34, 37, 30, 36, 38, 39, 35)  # Amex, Diners, JCB
        or four in (1800, 2131)  # JCB legacy
    )


# Every card grouping in use (4-4-4-4, 4-6-5, contiguous) holds eight digits with at most one
# separator; the cheap search keeps the slower card pattern off texts without them.
_CARD_GATE = r"[0-9]{4}[ \-]?[0-9]{4}"
scan.register_pattern("card", _CARD_GATE)
# Where a card number can start in ASCII text: its first digit, after no word character, ".",
# "+", "/", ":", "]" or "-" (`_CARD_RE`'s look-behind), then 12 more digits with single
# separators. The 13 digits fix where that match starts, so the leftmost start Hyperscan
# reports is the character before the first digit (or the first digit itself at the start of
# the text): the full pattern is tried one and zero characters after each reported start.
scan.register_pattern(
    "card_start", r"(?:^|[^a-z0-9_.+/:\]\-])[0-9](?:[ \-]?[0-9]){12}", starts=True
)
_CARD_START_OFFSETS = (0, 1)


def detect_cards(text: str, lower: str) -> Iterator[Candidate]:
    found = scan.hits(lower)
    if not found.has("card"):
        return
    for m in found.started_finditer(_CARD_RE, text, "card_start", _CARD_START_OFFSETS):
        raw = m.group()
        seps = {c for c in raw if not c.isdigit()}
        if len(seps) > 1:
            continue
        digits = raw.replace(" ", "").replace("-", "")
        if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
            continue
        if not (_issuer_known(digits) and _luhn(digits)):
            continue
        if _CARD_CONTEXT_DENY.search(text, max(0, m.start() - 20), m.start()):
            continue
        yield Candidate("card_number", m.start(), m.end())


# SSN: area 001-665, 667-899; group 01-99; serial 0001-9999. Dashed form anywhere; bare nine
# digits only after a label (below).
_SSN_RE = re.compile(
    r"\d{3}(?<![\w\]-]\d{3})(?<!000|666)(?<!9\d\d)-(?!00)\d{2}-(?!0000)\d{4}(?![\w\[-])"
)
# UK NINO: two prefix letters (not D F I Q U V; second not O; not BG GB NK KN TN NT ZZ), six
# digits, suffix A-D.
_NINO_RE = re.compile(
    r"[A-CEGHJ-PR-TW-Z](?<![A-Za-z0-9\]][A-Z])[A-CEGHJ-NPR-TW-Z](?<!BG|GB|NK|KN|TN|NT|ZZ) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9\[])"
)
_LABELLED_RE = re.compile(
    r"""(?ix)\b(?:ssn|social[ ]security(?:[ ]number|[ ]no\.?|[ ]\#)?|national[ ]insurance(?:[ ]number|[ ]no\.?)?
        |nino|sin|passport(?:[ ]number|[ ]no\.?|[ ]\#)|driver'?s?[ ]licen[cs]e(?:[ ]number|[ ]no\.?|[ ]\#)?
        |tax[ ]id|personnummer|bsn|aadhaar|national[ ]id(?:[ ]number)?)
        [ \t]*(?:\#|:|=|is|no\.?)?[ \t]*
        (?P<value>(?-i:[A-Z0-9]{1,9}(?:[ -]?[A-Z0-9]{1,9}){0,4}))""",
)


_LABEL_KEYWORDS = (
    "ssn",
    "social security",
    "national insurance",
    "nino",
    "sin",
    "passport",
    "licen",
    "tax id",
    "personnummer",
    "bsn",
    "aadhaar",
    "national id",
)


scan.register(_LABEL_KEYWORDS)
# Shapes every match contains, found in the shared sweep (lower-cased text): most texts have none.
# Each gate is the tail of every match of its pattern (lower-cased), so in ASCII text (where
# `\d` is [0-9]) a match can only start a fixed distance before a gate's end: 11 characters for
# an SSN, 9 to 13 for a NINO (optional spaces). Only those positions are tried.
scan.register_pattern("ssn", r"\-[0-9]{2}\-[0-9]{4}", ends=True)
scan.register_pattern("nino", r"[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[a-d]", ends=True)
_SSN_REACH = (11,)
_NINO_REACH = (13, 12, 11, 10, 9)


def detect_national_ids(text: str, lower: str) -> Iterator[Candidate]:
    found = scan.hits(lower)
    if found.has("ssn"):
        for m in found.gated_finditer(_SSN_RE, text, "ssn", _SSN_REACH):
            yield Candidate("national_id", m.start(), m.end())
    if found.has("nino"):
        for m in found.gated_finditer(_NINO_RE, text, "nino", _NINO_REACH):
            yield Candidate("national_id", m.start(), m.end())
    for start, end in keyword_windows(text, lower, _LABEL_KEYWORDS, before=10, after=60):
        for m in _LABELLED_RE.finditer(text, start, end):
            value = m.group("value")
            if sum(c.isdigit() for c in value) >= 5:
                yield Candidate("national_id", m.start("value"), m.end("value"))
