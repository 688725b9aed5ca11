"""Credentials the way MSP engineers jot them down, without the word "password" next to the
value: `admin / zPde0IgxLd6Gnc`, `logged in as admin / Tr0ub4dor&3xyz`,
`RDP: 10.0.0.5 administrator Kx9#mPq2zz`, and a password sentence whose separator comes after
a longer clause (`temp password given to user over phone: Blue-Horse-42`).

Precision first: a pair needs an account-looking user (a well-known account name, DOMAIN\\user,
user@domain, or a name right after "logged in as" / "creds" / "login") AND a value that cannot
be ordinary text (letters with digits or symbols, at least 6 characters, not a path, version,
address or number). "printer / scanner", "TCP/IP", "3 / 4" and "Windows 10 / Server 2019"
stay as they are. Only the value is replaced.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan
from resolutionflow.redaction.patterns.common import (
    char_classes,
    is_code_reference,
    is_placeholder,
    remembered,
)

# Accounts whose name alone says "this is a sign-in".
_ACCOUNTS = (
    r"administrator|admin|root|sa|sysadmin|superuser|su|guest|support|helpdesk|operator|"
    r"service|svc[_-]?\w{1,30}|localadmin|domainadmin|backup|ubnt|pi|postgres|oracle|"
    r"cisco|manager|tech|technician"
)
_USER = rf"""(?P<user>
      [A-Za-z0-9][\w.-]{{0,30}}\\[\w.$-]{{1,40}}        # DOMAIN\\user
    | [\w.+-]{{1,40}}@[\w-]{{1,40}}(?:\.[\w-]{{1,40}})+   # user@domain (UPN)
    | (?:{_ACCOUNTS})(?![\w@\\])
)"""
# "logged in as bob / X", "creds: bob / X", "login bob/X": any plain name after these words.
_LEAD = r"""(?P<lead>\b(?:logged[ ]in[ ]as|log[ ]?in(?:[ ]as)?|sign[ ]?in[ ]as|creds?|credentials|
    user(?:name)?|account|acct|login[ ]details)\b[ \t]*[:=-]?[ \t]*)"""
_VALUE = r"(?P<value>[^\s/\\,;()\[\]{}<>\"'`]{6,128})"

_PAIR_RE = re.compile(
    rf"""(?ix)
    (?:{_LEAD}(?P<named>[A-Za-z][\w.-]{{0,30}}(?:\\[\w.$-]{{1,40}})?)|(?<![\w\\@./-]){_USER})
    [ \t]*(?:/|\|)[ \t]*
    {_VALUE}
    """
)
# Remote-access notes: "RDP: 10.0.0.5 administrator Kx9#mPq2zz", "ssh root@host P4ss!word".
_REMOTE_RE = re.compile(
    rf"""(?ix)
    \b(?:rdp|ssh|vnc|idrac|ilo|ipmi|teamviewer|anydesk|screenconnect|winbox|telnet|sftp|ftp)\b
    [^\n]{{0,60}}?
    (?<![\w\\@./-]){_USER}
    (?:[ \t]+|[ \t]*[/|:][ \t]*)
    {_VALUE}
    """
)
# "temp password given to user over phone: Blue-Horse-42": a clause of a few words between the
# keyword and a colon. (Short forms, "password: X" and "password for X: Y", are passwords.py's.)
_LONG_CLAUSE_RE = re.compile(
    r"""(?ix)
    (?<![A-Za-z])(?:passwords?|passwd|passcode|pwd|pin|passphrase)(?![A-Za-z])
    (?P<clause>[ \t]+[A-Za-z][^\n:=.;!?]{2,60}?)
    [ \t]*:[ \t]*
    (?P<value>[^\s,;()\[\]{}<>"'`]{4,128})
    """
)
# "password age: 42 days", "password history: 24": settings about passwords, not passwords.
_POLICY_WORDS = frozenset(
    [
        "age",
        "history",
        "reminder",
        "policy",
        "policies",
        "expiry",
        "expiration",
        "expires",
        "length",
        "complexity",
        "requirement",
        "requirements",
        "rule",
        "rules",
        "setting",
        "settings",
        "strength",
        "lockout",
        "field",
        "prompt",
        "manager",
        "vault",
        "hint",
        "hints",
        "minimum",
        "maximum",
        "min",
        "max",
        "format",
    ]
)
_KEYWORDS = (
    "admin", "root", "sa ", "sa/", "\\", "@", "logged in", "login", "log in", "sign in", "cred",
    "user", "account", "acct", "guest", "support", "svc", "service", "operator", "backup",
    "rdp", "ssh", "vnc", "idrac", "ilo", "ipmi", "teamviewer", "anydesk", "screenconnect",
    "winbox", "telnet", "ftp", "ubnt", "postgres", "oracle", "cisco", "manager", "tech", "pi ",
    "pi/", "password", "passwd", "passcode", "pwd", "pin", "passphrase",
)  # fmt: skip
_SYMBOLS = set("!@#$%^&*()+=?~{}[]|<>_-.")
_NOT_VALUE_RE = re.compile(
    r"""(?ix)^(?:
        \d+(?:[.,:]\d+)*                          # numbers, versions, times
      | v?\d+(?:\.\d+){1,3}[\w-]*                 # versions
      | (?:\d{1,3}\.){3}\d{1,3}(?::\d+)?          # IPv4 (with port)
      | [0-9a-f]{2}(?:[:-][0-9a-f]{2}){5}         # MAC
      | [\w-]+\.(?:exe|msi|dll|log|txt|pdf|docx?|xlsx?|zip|ps1|bat|cmd|sh|json|xml|csv|png|jpg)
      | (?:https?|ftp|ssh)://.*
      | [\w-]+(?:\.[\w-]+)+\.(?:com|net|org|local|lan|io|co|uk|de|internal|corp)   # host names
      | 0x[0-9a-f]+                               # error codes
      | kb\d+ | ms\d\d-\d+ | cve-\d+-\d+ | [a-z]{2,5}-\d{2,8}   # patches, advisories, tickets
    )$"""
)


_WORD_NUMBER_RE = re.compile(r"[A-Za-z]+\d{1,4}")
_LOWER_WORD_NUMBER_RE = re.compile(r"[a-z]+\d{2,4}")
assert all(not c.isalnum() for c in _SYMBOLS)


@remembered
def _looks_secret(value: str, *, paired: bool = False) -> bool:
    """A value no one writes as ordinary text: letters mixed with digits or symbols (or an
    unusual mix of cases), at least 6 characters, and none of the shapes above. `paired`: the
    value follows an account name, where "Winter2024" is a (weak) password, not a product."""
    if len(value) < 6 or _NOT_VALUE_RE.match(value) or is_placeholder(value):
        return False
    if is_code_reference(value):
        return False
    upper, lowers, digits, letters = char_classes(value)
    # Every character of _SYMBOLS is outside str.isalnum, so this counts the non-alphanumeric
    # characters; in ASCII those are the ones neither letters nor digits.
    symbols = (
        len(value) - letters - digits
        if value.isascii()
        else sum(c in _SYMBOLS or not c.isalnum() for c in value)
    )
    upper_inside = upper - value[0].isupper() > 0
    lower = lowers > 0
    if letters == 0:
        return False
    if digits or symbols:
        # "Server2019", "Win10": a word with a number tacked on is a name, not a password.
        if _WORD_NUMBER_RE.fullmatch(value) and not (upper_inside and lower):
            return paired or (bool(_LOWER_WORD_NUMBER_RE.fullmatch(value)) and len(value) >= 8)
        return True
    return upper_inside and lower and len(value) >= 8


# "/user:CONTOSO\\bob /persistent:no", "/pass:X": a command-line switch after the slash, not a
# value (the command-line detector in passwords.py knows which switches carry passwords).
_SWITCH_RE = re.compile(r"^[A-Za-z][\w-]{0,20}:")


def _value_span(text: str, start: int, end: int) -> tuple[int, int]:
    # A sentence's full stop or a closing bracket is not part of the value.
    while end > start and text[end - 1] in ".,:;)]}":
        end -= 1
    return start, end


_REMOTE_WORDS = (
    "rdp", "ssh", "vnc", "idrac", "ilo", "ipmi", "teamviewer", "anydesk", "screenconnect",
    "winbox", "telnet", "sftp", "ftp",
)  # fmt: skip
_CLAUSE_WORDS = ("pass", "pwd", "pin")
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$\\@+-")
_ACCOUNT_RE = re.compile(rf"(?i)(?:{_ACCOUNTS})")
_LEAD_WORDS = ("log", "sign", "cred", "user", "account", "acct")
# The longest user part `_PAIR_RE` reads before its separator (a lead phrase and a name).
_PAIR_REACH = 120


def _hits(lower: str, words: tuple[str, ...]) -> list[int]:
    return sorted({i for i, _end in scan.hits(lower).spans(scan.keyword_set(words))})


scan.register((*_KEYWORDS, *_REMOTE_WORDS, *_CLAUSE_WORDS))


def _pair_regions(text: str, lower: str) -> list[tuple[int, int]]:
    """Where `_PAIR_RE` can match: around a "/" or "|" with an account-looking token (or a lead
    word) before it and a value of six characters after it, within its line. Every pair has such
    a separator, so the regex (which reads up to 40 characters ahead at each position it tries)
    runs on these few regions instead of the whole text."""
    regions: list[tuple[int, int]] = []
    n = len(text)
    for sep in ("/", "|"):
        p = text.find(sep)
        while p != -1:
            # The blanks after the separator and up to six value characters (the same stops as
            # a character loop, read by two matches in C); the token before is read only for a
            # separator with such a value (most "/" are in paths, dates and "and/or").
            q = _BLANKS_RE.match(text, p + 1).end()  # type: ignore[union-attr]
            v = _SIX_VALUE_CHARS_RE.match(text, q).end()  # type: ignore[union-attr]
            if v - q < 6:
                p = text.find(sep, p + 1)
                continue
            e = p
            while e > 0 and text[e - 1] in " \t":
                e -= 1
            s = e
            while s > 0 and text[s - 1] in _TOKEN_CHARS:
                s -= 1
            if e > s:
                token = text[s:e]
                line_start = text.rfind("\n", 0, s) + 1
                if (
                    "\\" in token
                    or "@" in token
                    or _ACCOUNT_RE.fullmatch(token) is not None
                    or any(w in lower[max(line_start, s - 40) : s] for w in _LEAD_WORDS)
                ):
                    line_end = text.find("\n", q)
                    line_end = n if line_end == -1 else line_end
                    regions.append((max(line_start, e - _PAIR_REACH), min(line_end, q + 130)))
            p = text.find(sep, p + 1)
    regions.sort()
    merged: list[tuple[int, int]] = []
    for a, b in regions:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


_VALUE_STOP = frozenset(" \t\r\n/\\,;()[]{}<>\"'`")
_BLANKS_RE = re.compile(r"[ \t]*")
_SIX_VALUE_CHARS_RE = re.compile(r"[^ \t\r\n/\\,;()\[\]{}<>\"'`]{0,6}")


def _matches(text: str, lower: str) -> Iterator[re.Match[str]]:
    for r_start, r_end in _pair_regions(text, lower):
        yield from _PAIR_RE.finditer(text, r_start, r_end)
    # The other two patterns begin with their keyword: tried only where it stands.
    n = len(text)
    for words, regex in ((_REMOTE_WORDS, _REMOTE_RE), (_CLAUSE_WORDS, _LONG_CLAUSE_RE)):
        for hit in _hits(lower, words):
            line_end = text.find("\n", hit, hit + _AFTER)
            m = regex.match(text, hit, min(n, hit + _AFTER) if line_end == -1 else line_end)
            if m is not None:
                yield m


# A pair is read within this reach of a keyword (as the keyword windows of the other detectors).
_BEFORE, _AFTER = 80, 160
_LONGEST_KEYWORD = max(len(k) for k in _KEYWORDS)


def _near_keyword(text: str, lower: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    a = max(line_start, end - _AFTER - _LONGEST_KEYWORD)
    b = min(len(text) if line_end == -1 else line_end, start + _BEFORE + _LONGEST_KEYWORD)
    chunk = lower[a:b]
    return any(k in chunk for k in _KEYWORDS)


def detect_credential_pairs(text: str, lower: str) -> Iterator[Candidate]:
    seen: set[tuple[int, int]] = set()
    for m in _matches(text, lower):
        if m.re is _PAIR_RE and not _near_keyword(text, lower, m.start(), m.end()):
            continue
        regex = m.re
        start, end = _value_span(text, m.start("value"), m.end("value"))
        if (start, end) in seen:
            continue
        value = text[start:end]
        if regex is not _LONG_CLAUSE_RE and _SWITCH_RE.match(value):
            continue
        if regex is _LONG_CLAUSE_RE:
            words = m.group("clause").lower().split()
            if _POLICY_WORDS.intersection(words[:3]):
                continue
            # After a longer clause the value must look like a password by itself:
            # snake_case names and dotted words do not.
            strong = any(c.isdigit() or c in "!@#$%^&*+=?~" for c in value)
            pin = value.isdigit() and m.group(0).lower().startswith("pin")
            if not pin and not (strong and _looks_secret(value)):
                continue
        elif not _looks_secret(value, paired=True):
            continue
        seen.add((start, end))
        yield Candidate("password", start, end)
