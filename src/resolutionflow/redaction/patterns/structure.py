"""Tokens recognised by their structure alone, for formats that no list names.

Vendor formats (secrets.py) are proof of what a value is, but new vendors appear every month.
A machine-made credential still has a shape no person types:

* a short lower-case or upper-case prefix and a separator ("zpk_live_", "ACME-"), then a body of
  20+ letters and digits drawn at random: upper and lower case and digits mixed, no long word
  inside, and as varied as random text of that alphabet and length is (Shannon entropy against
  a threshold that depends on the alphabet and the length, so a short body is not held to the
  variety only a long one can have);
* the same body after a prefix, with the last six characters a base-62 CRC32 of the rest (the
  checksum GitHub, npm and others append, which proves the token machine-made even when its
  body happens to look plain);
* three dot-separated base64url parts (signed session and bot tokens, `id.timestamp.hmac`);
* a long (40+) base64 or base64url run with the same randomness, wherever it stands.

Placeholders ("xxxx", "EXAMPLE", "<your-token>", "changeme", runs of one character) and typed
sequences ("123456", "abcdef") never qualify.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
import zlib
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan
from resolutionflow.redaction.patterns.common import (
    char_classes,
    is_placeholder,
    remembered,
    shannon_entropy,
)

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

_PREFIXED_RE = re.compile(
    r"(?<![A-Za-z0-9_\]\-.~+/])"
    r"(?P<prefix>[A-Za-z][A-Za-z0-9]{1,11}(?:[_-][A-Za-z0-9]{1,12}){0,2}[_-])"
    r"(?P<body>[A-Za-z0-9]{20,160})(?![A-Za-z0-9_\[\-.~+/=])"
)
_DOTTED_RE = re.compile(
    r"(?<![A-Za-z0-9_\]\-.])[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{6,}\.[A-Za-z0-9_-]{20,}"
    r"(?![A-Za-z0-9_\[\-.])"
)
_LONG_RE = re.compile(r"(?<![A-Za-z0-9_\]+/=.-])[A-Za-z0-9+/_-]{40,}={0,2}(?![A-Za-z0-9_\[+/=.-])")
# Each of the three is made of token-run characters with one-character look-arounds, so it is
# matched inside the text's token runs only (scan.finditer_in_runs), not at every position.
_PREFIXED_MIN = scan.shortest_match(_PREFIXED_RE)
_DOTTED_MIN = scan.shortest_match(_DOTTED_RE)
_LONG_MIN = scan.shortest_match(_LONG_RE)
# What every match holds: the prefix's separator, the dots.
_PREFIXED_NEEDS = ("_", "-")
_DOTTED_NEEDS = (".",)

# Shapes every match contains (lower-cased text), so texts without them skip these regexes.
scan.register_pattern(
    "structured_prefix", r"[a-z][a-z0-9]{1,11}(?:[_\-][a-z0-9]{1,12}){0,2}[_\-][a-z0-9]{20}"
)
scan.register_pattern("structured_dotted", r"[a-z0-9_\-]{16}\.[a-z0-9_\-]{6,}\.[a-z0-9_\-]{20}")
scan.register_pattern("structured_long", r"[a-z0-9+/_\-]{40}")

_UPPER_RUN_RE = re.compile(r"[A-Z]{9,}")
_SEGMENT_RE = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+")


def _wordy(core: str) -> bool:
    """Half the characters sit in letter segments of four or more ("Windows", "Enterprise"):
    random base-62 changes case or class every two characters or so."""
    long_words = sum(len(s) for s in _SEGMENT_RE.findall(core) if len(s) >= 4 and s[0].isalpha())
    return long_words >= len(core) / 2


_HEX = frozenset("0123456789abcdefABCDEF")
_B64_SYMBOL_RE = re.compile(r"[+/\-_]")
# Five of one character in a row: about one in 15 million at a place in random base-62 text.
_REPEAT_RE = re.compile(r"(.)\1{4}")


def _github_checksum(body: str) -> bool:
    """The last six characters are the base-62 CRC32 of the rest (GitHub's token scheme)."""
    if len(body) < 26:
        return False
    value, n = "", zlib.crc32(body[:-6].encode())
    while n:
        n, r = divmod(n, 62)
        value = _BASE62[r] + value
    return body[-6:] == value.rjust(6, "0")


def entropy_threshold(length: int, alphabet: int) -> float:
    """How varied (bits per character) random text of this alphabet and length is at least:
    80% of log2 of the smaller of the two (a 20-character body cannot show 62 symbols)."""
    return 0.8 * math.log2(min(length, alphabet))


@remembered
def looks_generated(body: str, *, min_len: int = 20) -> bool:
    """Drawn at random from letters and digits (+ "-_" or "+/"), not written by a person."""
    core = body.rstrip("=")
    if len(core) < min_len or is_placeholder(core):
        return False
    upper, lower, digits, _letters = char_classes(core)
    if digits < 2 or upper + lower < 4:
        return False
    if set(core) <= _HEX:
        return False  # hashes, GUIDs and ids are hex; keys under a name are keyword context's
    if upper and lower:
        alphabet = 64 if _B64_SYMBOL_RE.search(core) else 62
    else:
        alphabet = 36
        if len(core) < 32:
            return False  # one case and digits: only a long body says machine-made
    if _UPPER_RUN_RE.search(core) or _wordy(core):
        return False  # made of words: an identifier ("getUserAccountDetails2"), not a token
    if _has_sequence(core) or len(set(core)) < len(core) // 4 or _REPEAT_RE.search(core):
        return False
    return shannon_entropy(core) >= entropy_threshold(len(core), alphabet)


_SEQ = "0123456789abcdefghijklmnopqrstuvwxyz"
_SEQ_RUNS = frozenset(_SEQ[i : i + 5] for i in range(len(_SEQ) - 4)) | frozenset(
    _SEQ[i : i + 5][::-1] for i in range(len(_SEQ) - 4)
)


# Some five-character slice is a run iff some run occurs in the value: 64 substring searches in
# C instead of a Python loop over every position.
_SEQ_RUN_LIST = tuple(sorted(_SEQ_RUNS))


def _has_sequence(value: str) -> bool:
    """Five characters of the alphabet or the digits in order ("12345", "edcba")."""
    low = value.lower()
    return any(run in low for run in _SEQ_RUN_LIST)


@remembered
def encodes_text(value: str) -> bool:
    """Base64 (or base64url) of readable text ("eyJhbGciOi..." is JSON, "bm90X3Zh..." words):
    encoded data, not key material. Random bytes decode to about 37% printable characters."""
    core = value.rstrip("=")
    if len(core) < 16:
        return False
    chunk = core[: len(core) // 4 * 4].replace("-", "+").replace("_", "/")
    try:
        decoded = base64.b64decode(chunk, validate=True)
    except (binascii.Error, ValueError):
        return False
    printable = sum(32 <= b < 127 or b in (9, 10, 13) for b in decoded)
    return printable >= 0.85 * len(decoded)


_PLUS_SLASH_RE = re.compile(r"[+/]")
_DASH_UNDERSCORE_RE = re.compile(r"[-_]")


def _one_alphabet(value: str) -> bool:
    """base64 uses "+/", base64url "-_": a value mixing the two is a path or a name."""
    return not (_PLUS_SLASH_RE.search(value) and _DASH_UNDERSCORE_RE.search(value))


_PUBLIC_NAME_RE = re.compile(
    r"(?i)(?:public|publishable)\w{0,20}[\"']?\s{0,3}[:=]{1,2}\s{0,3}[\"']?$"
)


def _named_public(text: str, start: int) -> bool:
    """`public_key = "..."`, `publicToken: ...`: published on purpose."""
    return _PUBLIC_NAME_RE.search(text, max(0, start - 48), start) is not None


def detect_structured_tokens(text: str, lower: str) -> Iterator[Candidate]:
    found = scan.hits(lower)
    if found.has("structured_prefix"):
        for m in scan.finditer_in_runs(
            _PREFIXED_RE, text, found.token_runs(text), _PREFIXED_MIN, _PREFIXED_NEEDS
        ):
            body = m.group("body")
            if "example" in m.group().lower():
                continue
            if _named_public(text, m.start()):
                continue
            if _github_checksum(body) or (looks_generated(body) and not encodes_text(body)):
                yield Candidate("api_key", m.start(), m.end())
    if found.has("structured_dotted"):
        for m in scan.finditer_in_runs(
            _DOTTED_RE, text, found.token_runs(text), _DOTTED_MIN, _DOTTED_NEEDS
        ):
            parts = m.group().split(".")
            # A JSON first part is a JWT's header: the JWT detector judges those.
            if looks_generated("".join(parts), min_len=40) and not (
                parts[0].startswith("eyJ") or encodes_text(parts[-1])
            ):
                yield Candidate("api_key", m.start(), m.end())
    if found.has("structured_long"):
        for m in scan.finditer_in_runs(_LONG_RE, text, found.token_runs(text), _LONG_MIN):
            value = m.group()
            if value.startswith("/") or not _one_alphabet(value) or _named_public(text, m.start()):
                continue  # a path, or a public key
            if looks_generated(value, min_len=40) and not any(
                encodes_text(part) for part in _DASH_UNDERSCORE_RE.split(value)
            ):
                yield Candidate("api_key", m.start(), m.end())
