"""Optional personal data, redacted only when the account asks for it: email addresses, phone
numbers and IP addresses. Off by default because engineers need them to work a ticket."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate

_EMAIL_RE = re.compile(
    r"(?<![\w.+%\]-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}(?![\w\[-])"
)

_IPV4_RE = re.compile(
    r"(?<![\w.\]])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w\[]|\.\d)"
)
_IPV6_RE = re.compile(
    r"(?<![\w:.\]])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?![\w:\[])"
)
_VERSION_BEFORE_RE = re.compile(r"(?i)(?:\bv|version|ver\.?|build|release|firmware|fw)[ :]*$")

# Phone numbers: international (+CC ...), North American, and grouped national formats. Dates,
# times, versions and IPs are ruled out after the match.
_PHONE_RE = re.compile(
    r"""(?x)
    (?<![\w.+/\]-])
    (?:
        (?:\+|00)\d{1,3}[ .-]?(?:\(0\)[ ]?)?(?:\(?\d{1,4}\)?[ .-]?){1,5}\d{2,4}
      | 001-\d{3}-\d{3}-\d{4}
      | \(\d{2,4}\)[ ]?\d{2,4}[ .-]?\d{2,4}(?:[ .-]\d{2,4})?
      | \d{2,4}(?:[ .-]\d{2,4}){2,4}
      | \d{3}[ .-]\d{4}
      | \d{10}
    )
    (?:[ ]?(?:x|ext\.?)[ ]?\d{1,5})?
    (?![\w/\[-]|[.:]\d)
    """
)
_PHONE_CONTEXT_RE = re.compile(
    r"(?i)(?:phone|tel|mobile|cell|call|fax|number|no\.|contact|whatsapp|sms)\W{0,20}$"
)
_DATE_LIKE_RE = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}:\d{2})"
)


def detect_emails(text: str) -> Iterator[Candidate]:
    if "@" not in text:
        return
    for m in _EMAIL_RE.finditer(text):
        yield Candidate("email", m.start(), m.end())


def detect_ips(text: str) -> Iterator[Candidate]:
    for m in _IPV4_RE.finditer(text):
        if _VERSION_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            continue
        yield Candidate("ip_address", m.start(), m.end())
    if "::" in text or text.count(":") >= 7:
        for m in _IPV6_RE.finditer(text):
            value = m.group().split("%", 1)[0]
            if value.count(":") < 2 or (value.count(":") < 7 and "::" not in value):
                continue
            try:
                ipaddress.IPv6Address(value)
            except ValueError:
                continue
            yield Candidate("ip_address", m.start(), m.end())


def detect_phones(text: str) -> Iterator[Candidate]:
    for m in _PHONE_RE.finditer(text):
        value = m.group()
        digits = sum(c.isdigit() for c in value)
        if not 7 <= digits <= 15 or _DATE_LIKE_RE.match(value):
            continue
        if _IPV4_RE.fullmatch(value) or _VERSION_BEFORE_RE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue
        strong = value.startswith(("+", "(", "00")) or "x" in value or "ext" in value
        grouped = value.count(" ") + value.count("-") + value.count(".") >= 2 and digits >= 9
        if strong or grouped or _PHONE_CONTEXT_RE.search(text, max(0, m.start() - 30), m.start()):
            yield Candidate("phone", m.start(), m.end())
