"""Optional personal data, redacted only when the account asks for it: email addresses, phone
numbers and IP addresses. Off by default because engineers need them to work a ticket."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

import phonenumbers

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

# Phone numbers (see detect_phones).
DEFAULT_PHONE_REGION = "US"
# Measured on the public PII set (bench/redaction.py): VALID and the grouping levels keep only
# numbers that exist in the numbering plan, which misses every made-up or freshly allocated
# number; POSSIBLE (the right length for the country) plus the checks in `_is_phone` found the
# most at the same precision.
_LENIENCY = phonenumbers.Leniency.POSSIBLE
_MIN_DIGITS = 7
_RUN_RE = re.compile(
    r"(?<![\w.+/\]-])(?:\+|\(\+?)?\d[\d ().\-\u2010-\u2012\u2013]{5,24}\d"
    r"(?:[ ]?(?:x|ext\.?|#)[ ]?\d{1,5})?(?![\w\[/]|[.:]\d)"
)
_ZERO_ZERO_RE = re.compile(r"00(?=[ .-]?[1-9])")
_GROUPED_RE = re.compile(r"(?:\(\d{2,5}\)[ ]?|\d{2,5}[ .-])(?:\d{2,5}[ .-]){0,4}\d{2,8}")
_SEPARATOR_RE = re.compile(r"\d[ .\-\u2010-\u2013)]+\d")
_EXTENSION_RE = re.compile(r"(?:x|ext\.?|#)[ ]?\d{1,5}$")
_PHONE_CONTEXT_RE = re.compile(
    r"(?i)(?:phone|tel|mobile|cell|call(?:ed)?(?: me| us| him| her| them| back)?(?: on| at)?"
    r"|fax|office|desk|direct|dial|contact|whatsapp|sms|text(?: me)?(?: on| at)?"
    r"|messages? to|reach (?:me|us|him|her|them)(?: on| at)?|number|no\.)\W{0,12}$"
)
_PHONE_AFTER_RE = re.compile(r"(?i)\W{0,3}(?:office|mobile|cell|fax|desk|home|work|phone|tel)\b")
_NOT_PHONE_BEFORE_RE = re.compile(
    r"(?i)(?:#|\b(?:ticket|case|order|invoice|inv|po|serial|s/?n|sn|kb|build|id|ref|asset|imei"
    r"|port|pid|job|incident|inc|req|chg|account|acct|iban|sku|part|model|batch|lot|tracking)"
    r"\b\W{0,3}(?:numbers?|no\.?|nr|num|#|ids?)?\W{0,4})$"
)
_LOCAL_RE = re.compile(r"\d{3}-\d{4}")
# Identity documents have their own detector; their numbers are not phone numbers.
_ID_NEARBY_RE = re.compile(r"(?i)licen[cs]e|passport|\bssn\b|social security|\btax\b|\bvat\b")
_CURRENCY_BEFORE_RE = re.compile(r"(?i)(?:[$€£¥₹]|\b(?:usd|eur|gbp|chf|aud|cad))\s?$")
_NOT_PHONE_AFTER_RE = re.compile(r"(?i)\s?(?:%|usd|eur|gbp|ms\b|mb\b|gb\b|kb\b|bytes)")
_MONEY_VALUE_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+[.,]\d{2}$")
# A date at the start of the value (plausible months and days: "03.93.92.16.85" is a number).
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DATE_LIKE_RE = re.compile(
    rf"^(?:(?:19|20)\d\d[-./ ]{_MONTH}[-./ ]{_DAY}|{_DAY}[-./]{_DAY}[-./](?:19|20)?\d\d)(?!\d)"
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


def detect_phones(text: str, region: str = DEFAULT_PHONE_REGION) -> Iterator[Candidate]:
    """Phone numbers, found by `phonenumbers`' matcher (libphonenumber's metadata: which lengths
    and prefixes each country dials) rather than by our own patterns.

    1. A cheap pre-filter finds runs of digits and phone punctuation with at least 7 digits;
       text without one never reaches the matcher (most ticket text).
    2. The matcher reads each run at `_LENIENCY` in the installation's `region` (national
       formats of that country) and as an international number ("+41 …", and "00 41 …" read as
       "+41 …").
    3. Numbers the matcher can't place — another country's national format ("0688 872 49 99"
       in a US installation) — count when they are grouped like a phone number and either
       start with a trunk "0" or stand beside a phone word ("mobile", "call me on", "fax").
    4. Whatever is found must look dialled, not counted: an international prefix, parentheses,
       an extension, phone grouping, or a phone word nearby. Versions, dates, IP addresses,
       money, and numbers named as tickets, orders, serials or builds are left alone.
    """
    for run in _RUN_RE.finditer(text):
        start, end = run.span()
        value = run.group()
        if sum(c.isdigit() for c in value) < _MIN_DIGITS or _ruled_out(text, start, end):
            continue
        # Cheap before the matcher: a run with no phone shape and no phone word beside it
        # can't hold a number `_is_phone` would take.
        if not _dialled(value) and not _has_context(text, start, end):
            continue
        for s, e in _numbers_in(text, start, end, region):
            if _is_phone(text, s, e):
                yield Candidate("phone", s, e)


def _numbers_in(text: str, start: int, end: int, region: str) -> list[tuple[int, int]]:
    chunk = text[start:end]
    # "00 41 …" / "001-518-…" dial out the way most of the world does; the matcher knows that
    # only as "+". Same length, so offsets stay put.
    lead = _ZERO_ZERO_RE.match(chunk)
    if lead:
        chunk = " +" + chunk[2:]
    found: list[tuple[int, int]] = []
    try:
        for m in phonenumbers.PhoneNumberMatcher(chunk, region, leniency=_LENIENCY):
            s = start + m.start
            if lead and m.start in (0, 1):
                s = start  # include the "00"
            found.append((s, start + m.end))
    except Exception:  # a library bug must never break the redaction of the rest
        found = []
    # Another country's national format ("0341 8387176"): grouped digits the matcher can't
    # place, or reads only a local tail of.
    partial = len(found) <= 1 and sum(e - s for s, e in found) < end - start
    if (
        partial
        and _GROUPED_RE.fullmatch(text, start, end)
        and (text[start:end].lstrip("(").startswith("0") or _has_context(text, start, end))
    ):
        return [(start, end)]
    return found


def _has_context(text: str, start: int, end: int) -> bool:
    return bool(
        _PHONE_CONTEXT_RE.search(text, max(0, start - 30), start)
        or _PHONE_AFTER_RE.match(text, end, min(len(text), end + 16))
    )


def _ruled_out(text: str, start: int, end: int) -> bool:
    """A date, an IP address, money, or a number named as something else (a version, a ticket,
    an order, a serial, an identity document)."""
    value = text[start:end]
    if _DATE_LIKE_RE.match(value) or _IPV4_RE.fullmatch(value) or _MONEY_VALUE_RE.match(value):
        return True
    before = text[max(0, start - 24) : start]
    if _VERSION_BEFORE_RE.search(before) or _NOT_PHONE_BEFORE_RE.search(before):
        return True
    if _ID_NEARBY_RE.search(text, max(0, start - 40), start):
        return True
    return bool(_CURRENCY_BEFORE_RE.search(before) or _NOT_PHONE_AFTER_RE.match(text, end, end + 6))


def _dialled(value: str) -> bool:
    """Written the way phone numbers are: an international prefix, parentheses, an extension,
    two or more separators ("541-714-1388", "0490 39 07 81"), or the local "555-0134". A single
    space between two groups ("370 3911") is as often a street number or a postcode."""
    if value.startswith(("+", "00", "(")) or _EXTENSION_RE.search(value):
        return True
    return len(_SEPARATOR_RE.findall(value)) >= 2 or bool(_LOCAL_RE.fullmatch(value))


def _is_phone(text: str, start: int, end: int) -> bool:
    digits = sum(c.isdigit() for c in text[start:end])
    if not _MIN_DIGITS <= digits <= 15 or _ruled_out(text, start, end):
        return False
    return _dialled(text[start:end]) or _has_context(text, start, end)
