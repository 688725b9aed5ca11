"""Key material with a fixed shape: PEM/OpenSSH/PGP private key blocks, PuTTY private lines,
base64-wrapped PEM, and BitLocker recovery keys."""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan

_BEGIN_RE = re.compile(r"-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_END_RE = re.compile(r"-----END[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----")
# When the END line is missing (a truncated paste), the key runs over base64-looking lines,
# including JSON/code-escaped newlines ("\n") and string-concatenation quotes.
_BODY_RE = re.compile(r"""(?:[ \t]*(?:\r?\n|\\r|\\n|["'+,]\s*)*[ \t]*[A-Za-z0-9+/=:-]{16,})+""")
_B64_CHARS_RE = re.compile(r"[A-Za-z0-9+/]{4,}")
_MAX_BLOCK = 20_000

_PUTTY_RE = re.compile(r"Private-Lines:\s*\d+\s*\r?\n((?:[A-Za-z0-9+/=]{4,}\r?\n?)+)")
# "-----BEGIN" base64-encoded, as in Kubernetes secrets and CI variables.
_B64_PEM_RE = re.compile(r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{40,}={0,2}")

# 8 groups of 6 digits. Each group of a real key is a multiple of 11 below 720896; a typo'd
# group still deserves redaction, so the shape alone decides.
# (The lookbehind sits after the first digits so the regex engine can skip non-digits fast.)
_BITLOCKER_RE = re.compile(r"\d{6}(?<![\d\]-]\d{6})(?:-\d{6}){7}(?![\d\[-])")


# Every private key detector needs one of these (lower-cased), so a text without them skips it.
scan.register(("private key", "private-lines", "ls0tls1crudjti"))


def detect_private_keys(text: str) -> Iterator[Candidate]:
    if "PRIVATE KEY" in text:
        pos = 0
        while True:
            begin = _BEGIN_RE.search(text, pos)
            if begin is None:
                break
            end = _END_RE.search(text, begin.end(), begin.end() + _MAX_BLOCK)
            if end is not None:
                body = text[begin.end() : end.start()]
                stop = end.end()
            else:
                body_m = _BODY_RE.match(text, begin.end())
                body = body_m.group() if body_m else ""
                stop = body_m.end() if body_m else begin.end()
            # A block with no key material in it ("...\nanything\n...") hides nothing.
            if sum(len(b) for b in _B64_CHARS_RE.findall(body)) >= 20:
                yield Candidate("private_key", begin.start(), stop)
            pos = max(stop, begin.end())
    if "Private-Lines" in text:
        for m in _PUTTY_RE.finditer(text):
            yield Candidate("private_key", m.start(1), m.end(1))
    if "LS0tLS1CRUdJTi" in text:
        for m in _B64_PEM_RE.finditer(text):
            head = m.group()[:64]
            try:
                decoded = base64.b64decode(head[: len(head) // 4 * 4])
            except binascii.Error:
                continue
            # Certificates are public; only an encoded private key is secret.
            if b"PRIVATE" in decoded:
                yield Candidate("private_key", m.start(), m.end())


# Starts with a literal, so the regex engine skips to each "-" at memory speed; the full pattern
# (class-first, ~15x slower) runs only when this finds something.
# Every key holds it 6 characters in, so its end is 21 characters after the key's start: the
# full pattern is tried only at those starts (scan.Hits.gated_finditer).
scan.register_pattern("bitlocker", r"\-[0-9]{6}\-[0-9]{6}\-", ends=True)
_BITLOCKER_REACH = (21,)


def detect_bitlocker(text: str, lower: str) -> Iterator[Candidate]:
    found = scan.hits(lower)
    if not found.has("bitlocker"):
        return
    for m in found.gated_finditer(_BITLOCKER_RE, text, "bitlocker", _BITLOCKER_REACH):
        yield Candidate("bitlocker_key", m.start(), m.end())
