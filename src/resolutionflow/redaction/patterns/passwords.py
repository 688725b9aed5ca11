"""Passwords as engineers write them: in prose ("the password is ..."), in config and connection
strings (`pw: ...`, `Password=...;`), on command lines (`net use ... /user:x y`, `--password`,
`ConvertTo-SecureString`), in network-device config, in URLs (`scheme://user:pass@host`), and
Wi-Fi passphrases. Only the value is replaced; the words that give it context stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan
from resolutionflow.redaction.patterns.common import (
    ALNUM_RE,
    STOPWORDS,
    char_classes,
    is_code_reference,
    is_ordinary,
    is_placeholder,
    keyword_windows,
    trim_value,
)

_VALUE = r"""(?P<value>&quot;[^&\n]{1,200}&quot;|"[^"\n]{1,200}"|'[^'\n]{1,200}'|`[^`\n]{1,200}`|“[^”\n]{1,200}”|(?:[^\s"'`,;&<\\]|&(?!\w+=|\#?\w{2,6};)|\\(?![nrt"']))(?:[^\s"'`,;&<\\]|&(?!\w+=|\#?\w{2,6};)|\\(?![nrt"'])){0,199})"""

_PW_RE = re.compile(
    r"""(?ix)
    (?<![A-Za-z])
    (?P<kw>
        (?P<wifi>wi-?fi|wlan|wireless|ssid|guest[ ]network|network|wpa[23]?(?:-personal)?)[ _-]*
            (?:password|passphrase|passcode|pass|pwd|pw|key|psk)
      | (?P<psk>psk|pre-?shared[ _-]?key|passphrase)
      | (?P<pin>pin(?:[ ]code)?)
      | passwords?|passwd|passcode|pwd|pw|pass|kennwort|passwort|contrase[ñn]a|mot[ ]de[ ]passe
    )
    (?![A-Za-z])
    (?P<clause>\s+(?:for|of|on)\s+[^\n:=;,.()]{1,40}?)?
    (?P<sep>
        [ \t]*(?::=|=>|->|[:=\u2014\u2013])[ \t]*
      | [ \t]+(?:is|was|are)(?:[ \t]+(?:now|still|currently|set[ \t]+to|changed[ \t]+to|reset[ \t]+to))?[ \t]*[:=]?[ \t]*
      | [ \t]+(?:(?:has[ \t]+been|was|is)[ \t]+)?(?:set|changed|reset|updated)[ \t]+to[ \t]+
      | [ \t]+to[ \t]+
      | [ \t]+-[ \t]+
      | (?(clause)(?!)|[ \t]+)   # bare "password X", never after a clause
    )
    """
    + _VALUE,
)

# The same with the unquoted value as one repeated character class (a tight loop in the regex
# engine, not three alternatives per character): where the text read holds neither "&" nor
# "\\", the other two alternatives never match and both regexes take the same path.
_UNQUOTED_ALTERNATIVES = r"""(?:[^\s"'`,;&<\\]|&(?!\w+=|\#?\w{2,6};)|\\(?![nrt"']))(?:[^\s"'`,;&<\\]|&(?!\w+=|\#?\w{2,6};)|\\(?![nrt"'])){0,199}"""
_PW_PLAIN_RE = re.compile(
    _PW_RE.pattern.replace(_UNQUOTED_ALTERNATIVES, r"""[^\s"'`,;&<\\]{1,200}""")
)
assert _PW_PLAIN_RE.pattern != _PW_RE.pattern

_PLAIN_WORD_RE = re.compile(r"^[A-Za-z][a-z]*$")
_SENTENCE_END_RE = re.compile(r"[ \t]*(?:$|[.!?\n\r)\]\"'])")
_SETTER_RE = re.compile(r"(?i)\b(?:set|change|changed|reset|update|updated)\b[^\n.]{0,30}$")
_STRONG_SYMBOLS = set("!@#$%^&*()+=?~{}[]|<>/\\")


def _strip_quotes(text: str, start: int, end: int) -> tuple[int, int, bool]:
    if text.startswith("&quot;", start) and end - start > 12 and text.startswith("&quot;", end - 6):
        return start + 6, end - 6, True
    first = text[start]
    if end - start >= 2 and first in "\"'`“" and text[end - 1] in "\"'`”":
        return start + 1, end - 1, True
    return start, end, False


def _secretish(value: str) -> bool:
    upper, lower, digits, letters = char_classes(value)
    has_digit = digits > 0
    has_alpha = letters > 0
    has_symbol = not _STRONG_SYMBOLS.isdisjoint(value)
    # An upper-case letter after the first character, and a lower-case one anywhere.
    mixed_inside = upper - value[:1].isupper() > 0 and lower > 0
    return (
        (has_alpha and (has_digit or has_symbol))
        or (mixed_inside and len(value) >= 6)
        or (has_digit and has_symbol)
    )


def _accept(value: str, sep: str, quoted: bool, text: str, end: int, is_pin: bool) -> bool:
    if not value or ALNUM_RE.search(value) is None:
        return False
    if value[0] in ")]}>":
        return False  # "PASSWORD }}@host": the end of a template placeholder, not a value
    if is_placeholder(value) or value.lower() in STOPWORDS:
        return False
    if is_pin:
        return value.isdigit() and 4 <= len(value) <= 8 and sep.strip() != ""
    if is_code_reference(value) and not quoted:
        return False
    if quoted:
        return True
    if text.startswith("(", end) or value.startswith(("--", "/")):
        return False  # a function call or the next command-line switch
    kind_of_sep = sep.strip().lower()
    if kind_of_sep in (":", "=", ":=", "=>", "->", "\u2014", "\u2013"):
        # Config style: anything that is not an obvious non-value.
        return not (len(value) < 3 or (is_ordinary(value) and not char_classes(value)[3]))
    if kind_of_sep == "":
        # Bare "password X": only a value that cannot be an English word.
        return len(value) >= 6 and _secretish(value) and not is_ordinary(value)
    if _secretish(value):
        return not is_ordinary(value)
    if _PLAIN_WORD_RE.match(value):
        low = value.lower()
        if low.endswith(("ed", "ing", "ly")):
            return False
        return len(value) >= 4 and bool(_SENTENCE_END_RE.match(text, end))
    return len(value) >= 4


# Where `_PW_RE` can start, besides its keywords: "network password", "guest network key".
_PW_OTHER_STARTS = ("network", "guest network")


def _pw_starts(text: str, lower: str) -> list[int] | None:
    """Every position where `_PW_RE` can match in ASCII text: where one of its keyword
    alternatives starts, which is a keyword hit or one of `_PW_OTHER_STARTS`. The regex is then
    tried only there, instead of at every position of every window. None outside ASCII, where
    its case-insensitive letters also match characters (the Kelvin sign, a long s) whose lower
    case is not the keyword."""
    if not text.isascii():
        return None
    starts = [s for s, _e in scan.hits(lower).spans(scan.keyword_set(_PW_KEYWORDS))]
    others = [i for word in _PW_OTHER_STARTS for i in scan.find_all(lower, word)]
    return sorted(starts + others) if others else starts


# Below this many characters of windows, trying a regex at every position costs less than
# listing where it can start.
_STARTS_MIN_SPAN = 512


def detect_prose_passwords(text: str, lower: str) -> Iterator[Candidate]:
    windows = keyword_windows(text, lower, _PW_KEYWORDS, before=40, after=280)
    span = sum(e - s for s, e in windows)
    starts = _pw_starts(text, lower) if span >= _STARTS_MIN_SPAN else None
    for w_start, w_end in windows:
        yield from _prose_in(text, w_start, w_end, starts)


def _pw_search(text: str, pos: int, endpos: int, starts: list[int] | None) -> re.Match[str] | None:
    # Without "&" or "\\" up to the window's end (all the search may read) the plain value
    # class finds the same matches (see _PW_PLAIN_RE).
    plain = text.find("&", pos, endpos) == -1 and text.find("\\", pos, endpos) == -1
    rx = _PW_PLAIN_RE if plain else _PW_RE
    if starts is None:
        return rx.search(text, pos, endpos)
    return scan.search_from_starts(rx, text, starts, pos, endpos)


def _prose_in(text: str, w_start: int, w_end: int, starts: list[int] | None) -> Iterator[Candidate]:
    pos = w_start
    while (m := _pw_search(text, pos, w_end, starts)) is not None:
        # A rejected match resumes at its value, which may itself start the real assignment:
        # in "password: password is X" the second "password" introduces X.
        pos = max(m.start("value"), m.start() + 1)
        sep = m.group("sep")
        if m.group("clause") and not sep.strip():
            continue  # "password for X Y": no separator after a clause is not an assignment
        if sep.strip().lower() == "to" and not _SETTER_RE.search(
            text, max(0, m.start() - 40), m.start()
        ):
            continue
        start, end, quoted = _strip_quotes(text, m.start("value"), m.end("value"))
        if not quoted:
            start, end = trim_value(text, start, end)
        if end <= start:
            continue
        value = text[start:end]
        if not _accept(value, sep, quoted, text, m.end("value"), bool(m.group("pin"))):
            continue
        pos = m.end()
        kind = "wifi_passphrase" if (m.group("wifi") or m.group("psk")) else "password"
        yield Candidate(kind, start, end)


# `(?<![\w-])(?:--?|/)` with each look-behind moved after the character it guards (the same
# test: the character before the "-" or "/" is no word character or "-").
_SWITCH = r"(?i)(?:-(?<![\w-]-)-?|/(?<![\w-]/))"
# Cisco/Fortinet/Meraki config: "password 7 0822455D0A16", "secret 5 $1$...". It starts with
# its keywords, so in ASCII text it is tried only at their hits.
_DEVICE_SECRET_RE = re.compile(
    r"(?i)\b(?:password|secret|key-string|key)[ \t]+[05789][ \t]+(?P<value>\S+)"
)
_CMD_RES: list[tuple[str, re.Pattern[str]]] = [
    # net use \\srv\share /user:DOMAIN\bob P@ss   (password after the user)
    (
        "password",
        re.compile(
            r"(?i)\bnet[ \t]+use\b[^\n]*?/u(?:ser)?:(?:\"[^\"]+\"|\S+)[ \t]+(?P<value>[^\s/*]\S*)"
        ),
    ),
    # net use Z: \\srv\share P@ss /user:bob       (password before the switch)
    (
        "password",
        re.compile(
            r"(?i)\bnet[ \t]+use[ \t]+(?:[A-Z]:[ \t]+|\*[ \t]+)?\\\\\S+[ \t]+(?P<value>[^\s/*]\S*)"
        ),
    ),
    (
        "password",
        re.compile(r"(?i)\bnet[ \t]+user[ \t]+(?:\"[^\"]+\"|[^\s/]+)[ \t]+(?P<value>[^\s/*]\S*)"),
    ),
    # psexec -u user -p pass, mysql -u root -pSecret, plink -pw, sshpass -p
    ("password", re.compile(r"(?<!\S)-u[ \t]*\S+[ \t]+-p(?:[ \t]+|(?=\S))(?P<value>[^\s-]\S*)")),
    ("password", re.compile(r"(?i)(?<!\S)(?:sshpass[ \t]+-p|-pw)[ \t]+(?P<value>\S+)")),
    # A switch ("-p", "--password", "/pass:") not glued to a word: the "-" or "/" comes first
    # and the look-behind after it, so the regex engine skips ahead to each "-" and "/".
    (
        "password",
        re.compile(
            _SWITCH
            + r"(?:[\w-]*pass(?:word|wd)?|pwd|passphrase)(?:[ \t]+|[:=])(?P<value>\"[^\"\n]+\"|'[^'\n]+'|[^\s\"'-][^\s\"']*)"
        ),
    ),
    (
        "api_key",
        re.compile(
            _SWITCH
            + r"(?:[\w-]*secret|[\w-]*token|[\w-]*api-?key)(?:[ \t]+|[:=])(?P<value>\"[^\"\n]+\"|'[^'\n]+'|[^\s\"'-][^\s\"']*)"
        ),
    ),
    (
        "password",
        re.compile(
            r"(?i)ConvertTo-SecureString(?:[ \t]+-(?:String|Force|AsPlainText))*[ \t]+\\?(?P<q>[\"']?)(?P<value>[^\s\"'\\]+)\\?(?P=q)"
        ),
    ),
    (
        "password",
        re.compile(
            # MySQL/MariaDB: IDENTIFIED [WITH plugin] BY 'secret' | AS 'hash' | BY PASSWORD
            # 'hash' (the plugin name may be quoted); a stored hash is as good as the password
            # to anyone who can crack or replay it.
            r"(?i)\bidentified[ \t]+(?:with[ \t]+[\"'`]?\w+[\"'`]?[ \t]+)?(?:by|as)[ \t]+"
            r"(?:password[ \t]+)?(?P<q>[\"'])(?P<value>[^\"'\n]+)(?P=q)"
        ),
    ),
    # curl -u user:pass, curl --user "user:pass"
    (
        "password",
        re.compile(r"(?i)\bcurl\b[^\n]*?(?:-u|--user)[ \t]+[\"']?[^\s:\"']+:(?P<value>[^\s\"']+)"),
    ),
    ("password", _DEVICE_SECRET_RE),
    # SNMP communities, IKE keys, FortiGate secrets.
    ("password", re.compile(r"(?i)\bsnmp-server[ \t]+community[ \t]+(?P<value>\S+)")),
    ("password", re.compile(r"(?i)\bcrypto[ \t]+isakmp[ \t]+key[ \t]+(?:\d[ \t]+)?(?P<value>\S+)")),
    (
        "password",
        re.compile(
            r"(?i)\bset[ \t]+(?:psksecret|password|passwd)[ \t]+(?:ENC[ \t]+)?(?P<value>\S+)"
        ),
    ),
    (
        "wifi_passphrase",
        re.compile(
            r"(?i)\b(?:wpa-psk|pre-shared-key|psk)[ \t]+(?:ascii|hex|raw)?[ \t]*\d?[ \t]+(?P<value>\S+)"
        ),
    ),
]

# Lower-case keywords that must occur near a match of the regex at the same index above.
_CMD_KEYWORDS: list[tuple[str, ...]] = [
    ("net use", "net\tuse"),
    ("net use", "net\tuse"),
    ("net user", "net\tuser"),
    ("-u",),
    ("sshpass", "-pw"),
    ("pass", "pwd"),
    ("secret", "token", "apikey", "api-key"),
    ("convertto-securestring",),
    ("identified",),
    ("curl",),
    ("password", "secret", "key"),
    ("snmp-server",),
    ("isakmp",),
    ("set ",),
    ("wpa-psk", "pre-shared-key", "psk"),
]
_PW_KEYWORDS = (
    "pass",
    "pw",
    "psk",
    "pin",
    "kennwort",
    "contrase",
    "mot de",
    "wifi",
    "wi-fi",
    "wlan",
    "wireless",
    "ssid",
    "wpa",
    "network key",
    "pre-shared",
    "preshared",
)


_ALL_CMD_KEYWORDS = frozenset(k for ks in _CMD_KEYWORDS for k in ks)
# The command patterns each keyword gates (indexes into _CMD_RES).
_CMD_GROUPS_OF: dict[str, tuple[int, ...]] = {
    k: tuple(i for i, ks in enumerate(_CMD_KEYWORDS) if k in ks) for k in _ALL_CMD_KEYWORDS
}


def detect_command_passwords(text: str, lower: str) -> Iterator[Candidate]:
    present = scan.hits(lower).present(_ALL_CMD_KEYWORDS)
    if not present:
        return
    # The patterns with a keyword present, in their order: the same ones a test of every
    # pattern's keywords against `present` keeps, without testing the other patterns.
    for i in sorted({i for k in present for i in _CMD_GROUPS_OF[k]}):
        (kind, rx), keywords = _CMD_RES[i], _CMD_KEYWORDS[i]
        windows = keyword_windows(text, lower, keywords, before=24, after=240)
        starts = None
        if (
            rx is _DEVICE_SECRET_RE
            and sum(e - s for s, e in windows) >= _STARTS_MIN_SPAN
            and text.isascii()
        ):
            starts = [s for s, _e in scan.hits(lower).spans(scan.keyword_set(keywords))]
        for w_start, w_end in windows:
            yield from _command_in(text, kind, rx, w_start, w_end, starts)


_SHELL_VARIABLE_RE = re.compile(r"^\$[A-Za-z_][\w:]*$")


def _command_in(
    text: str, kind: str, rx: re.Pattern[str], w_start: int, w_end: int, starts: list[int] | None
) -> Iterator[Candidate]:
    """Candidates of one command pattern in one window; `starts`: every position where `rx`
    can match (None: it is tried at every position)."""
    matches = (
        rx.finditer(text, w_start, w_end)
        if starts is None
        else scan.finditer_from_starts(rx, text, starts, w_start, w_end)
    )
    for m in matches:
        start, end, quoted = _strip_quotes(text, m.start("value"), m.end("value"))
        if not quoted:
            start, end = trim_value(text, start, end)
        if end <= start:
            continue
        value = text[start:end]
        if is_placeholder(value) or ALNUM_RE.search(value) is None:
            continue
        if not quoted and (
            _SHELL_VARIABLE_RE.match(value)  # PowerShell/shell variable
            or value.lower() in STOPWORDS
            or value.startswith(("(", "$(", "%"))
        ):
            continue
        yield Candidate(kind, start, end)


_URL_CRED_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z][\w+.-]{1,20}://(?P<user>[^\s:/\"'<>@]{1,80}(?:@[^\s:/\"'<>@]{1,80})?):(?P<value>[^\s/\"'<>]{1,200})@(?=[\w.\[-])"
)


_URL_KEYWORDS = ("://",)
scan.register((*_PW_KEYWORDS, *sorted(_ALL_CMD_KEYWORDS), *_URL_KEYWORDS))


def detect_url_credentials(text: str, lower: str) -> Iterator[Candidate]:
    for w_start, w_end in keyword_windows(text, lower, _URL_KEYWORDS):
        yield from _url_in(text, w_start, w_end)


def _url_in(text: str, w_start: int, w_end: int) -> Iterator[Candidate]:
    for m in _URL_CRED_RE.finditer(text, w_start, w_end):
        value = m.group("value")
        if not value or is_placeholder(value) or value.isdigit():
            continue  # "host:8080@..." is a port, not a password
        yield Candidate("url_credentials", m.start("value"), m.end("value"))
