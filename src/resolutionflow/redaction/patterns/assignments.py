"""Key = value in config, code, headers and logs, where the key's name says the value is secret:
`api_key=...`, `"clientSecret": "..."`, `AWS_SECRET_ACCESS_KEY=...`, `Authorization: Bearer ...`,
`<adminPassword>...</adminPassword>`, `if (token == "...")`.

The key's words pick the kind; the kind decides how secret-looking the value must be (a password
may be any non-placeholder; a value under a bare `key` must look machine-made).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resolutionflow.redaction.model import Candidate
from resolutionflow.redaction.patterns import scan
from resolutionflow.redaction.patterns.common import (
    ALNUM_RE,
    GUID_RE,
    STOPWORDS,
    char_classes,
    has_alphabet_run,
    is_code_reference,
    is_ordinary,
    is_placeholder,
    looks_random,
    remembered,
    shannon_entropy,
    trim_value,
)

# Where a key-like word may sit inside an identifier; the identifier is then grown both ways.
# Matched against the lower-cased text (a case-sensitive scan is ~10x faster).
_KW_RE = re.compile(r"pass|pwd|pw|psw|pssw|pasw|secret|token|key|cred|auth|psk|bearer")
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-$")

_SPLIT_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|\b|_|$)|[A-Z]?[a-z]+|[A-Z]+|\d+")

_PASSWORD_WORDS = frozenset(
    {
        "password",
        "passwords",
        "passwd",
        "pwd",
        "pw",
        "pass",
        "passphrase",
        "passcode",
        "psk",
        "pswd",
    }
)
_SECRET_WORDS = frozenset(
    {
        "secret",
        "secrets",
        "secrete",
        "token",
        "tokens",
        "credential",
        "credentials",
        "cred",
        "creds",
        "auth",
        "authorization",
        "bearer",
        "apikey",
        "apitoken",
        "authtoken",
        "accesstoken",
        "secretkey",
        "accesskey",
        "privatekey",
        "clientsecret",
        "sessionkey",
        "masterkey",
    }
)
# Spellings engineers actually type: pswd, passwrd, pasword, PSSWORD, MYSQLPASS ...
_PASSWORD_WORD_RE = re.compile(r"^(?:\w*passw\w*|p[a-z]?s{1,2}w(?:o?r)?d|\w*pwd|\w*passwd)s?$")
_NOT_PASS = frozenset({"bypass", "compass", "surpass", "overpass", "underpass", "pass"})
_KEY_WORDS = frozenset({"key", "keys"})
_PUBLIC_WORDS = frozenset({"public", "publishable"})
# Prefix words that make "key" mean a credential ("api key", "access key", "license key").
_STRONG_KEY_PREFIXES = frozenset(
    {
        "api",
        "access",
        "secret",
        "private",
        "client",
        "app",
        "master",
        "account",
        "storage",
        "shared",
        "sas",
        "subscription",
        "signing",
        "encryption",
        "enc",
        "session",
        "auth",
        "license",
        "licence",
        "product",
        "activation",
        "consumer",
        "service",
        "admin",
        "root",
        "primary",
        "secondary",
        "webhook",
    }
)
# Last words that turn a key-ish name into a name for something else ("token_url", "key_id").
_TRAILER_DENY = frozenset(
    [
        "id",
        "ids",
        "name",
        "names",
        "type",
        "types",
        "url",
        "uri",
        "urls",
        "path",
        "file",
        "filename",
        "files",
        "dir",
        "directory",
        "length",
        "len",
        "size",
        "count",
        "version",
        "expiry",
        "expires",
        "expiration",
        "expire",
        "ttl",
        "timeout",
        "at",
        "date",
        "time",
        "endpoint",
        "endpoints",
        "header",
        "headers",
        "field",
        "fields",
        "prefix",
        "suffix",
        "policy",
        "policies",
        "hint",
        "prompt",
        "label",
        "format",
        "mode",
        "strength",
        "required",
        "min",
        "max",
        "reset",
        "pressed",
        "code",
        "codes",
        "event",
        "events",
        "store",
        "vault",
        "ref",
        "reference",
        "arn",
        "location",
        "source",
        "manager",
        "provider",
        "env",
        "var",
        "variable",
        "enabled",
        "enable",
        "disabled",
        "set",
        "changed",
        "change",
        "storage",
        "pair",
        "mesh",
        "meshing",
        "stroke",
        "method",
        "methods",
        "scheme",
        "schemes",
        "kind",
        "usage",
        "enabled",
        "rotation",
        "rotated",
        "validity",
        "valid",
        "invalid",
        "error",
        "errors",
        "message",
        "status",
        "state",
        "flag",
        "flags",
        "option",
        "options",
        "config",
        "configuration",
        "settings",
        "setting",
        "template",
        "schema",
        "column",
        "table",
        "index",
        "algorithm",
        "algo",
        "bits",
        "hash",
        "hashes",
        "salt",
        "salts",
        "mask",
        "rule",
        "rules",
        "handler",
        "handlers",
        "callback",
        "service",
        "server",
        "host",
        "port",
        "class",
        "module",
        "func",
        "function",
        "request",
        "response",
        "provider",
        "providers",
        "param",
        "params",
        "option",
        "count",
        "counter",
        "limit",
        "interval",
        "ttl",
        "age",
        "history",
        "complexity",
        "policy",
        "reset",
        "lockout",
        "attempts",
    ]
)


def _words(ident: str) -> list[str]:
    return [w.lower() for w in _SPLIT_RE.findall(ident)]


@remembered
def _classify(ident: str) -> str | None:
    """'password' | 'secret' | 'strongkey' | 'key' | None for an identifier such as AwsSecretKey."""
    words = _words(ident)
    if not words:
        return None
    last_kw = -1
    cls: str | None = None
    for i, w in enumerate(words):
        if (
            w in _PASSWORD_WORDS
            or _PASSWORD_WORD_RE.match(w)
            or (w.endswith("pass") and w not in _NOT_PASS)
        ):
            last_kw, cls = i, "password"
        elif w in _SECRET_WORDS or w.endswith(("token", "secret", "apikey")):
            last_kw, cls = i, "secret"
        elif w in _KEY_WORDS or w.endswith(("accesskey", "secretkey", "privatekey", "apikey")):
            strong = i > 0 and words[i - 1] in _STRONG_KEY_PREFIXES
            prior = cls if cls in ("password", "secret") else None
            last_kw, cls = i, prior or ("strongkey" if strong or len(w) > 4 else "key")
    if last_kw < 0:
        return None
    if _PUBLIC_WORDS.intersection(words):
        return None  # public_key, publishableKey: published on purpose
    trailers = words[last_kw + 1 :]
    if any(t in _TRAILER_DENY for t in trailers):
        return None
    return cls


# After the identifier: optional closing quote/bracket, an operator, optional auth scheme, value.
_TAIL = r"""
    (?:["'`]?\]?)?[ \t]{0,4}
    (?:\[[ \t]*\d*[ \t]*\][ \t]*)?
    (?:[ \t]+(?:string|str|String|char|\[\]byte)[ \t]*)?
    (?::[ \t]*[A-Za-z_][\w.\[\]]*[ \t]*(?==))?     # type annotation: `passwd: str = "..."`
    (?P<op>:::=|::=|:=|\?=|\.=|\+=|=>|===|!==|==|!=|->|=|:|[ \t]+(?:is|was)[ \t]*:?(?=[ \t])|,[ \t]*(?=["'`])|[ \t]+(?=@?["'`])|[ \t]*\([ \t]*(?=["'`])|[ \t]+)
    [ \t]*
    (?:@|[A-Za-z_.]+\.(?:encode|b64encode)\()?
    (?:(?i:bearer|basic|token|ntlm|negotiate|digest|sso-key|apikey|key)[ \t]+)?
    (?:
        "(?P<dq>[^"\n]{1,300})"
      | '(?P<sq>[^'\n]{1,300})'
      | `(?P<bq>[^`\n]{1,300})`
      | &quot;(?P<hq>[^&\n]{1,300})&quot;
      | (?P<uq>(?:[^\s"'`,;&<\\]|&(?!\w+=|\#?\w{2,6};)|\\(?![nrt"'])){1,300})
    )
    """
_TAIL_RE = re.compile(_TAIL, re.X)
# The same with the unquoted value as one character class, which the regex engine repeats in a
# tight loop instead of trying three alternatives per character. Where neither "&" nor "\\"
# stands between the identifier and the line's end (the tail never reads past it), those two
# alternatives can never match, so both regexes take the same path to the same match.
_UQ_ALTERNATIVES = r"""(?:[^\s"'`,;&<\\]|&(?!\w+=|\#?\w{2,6};)|\\(?![nrt"'])){1,300}"""
_TAIL_PLAIN_RE = re.compile(_TAIL.replace(_UQ_ALTERNATIVES, r"""[^\s"'`,;&<\\]{1,300}"""), re.X)
assert _TAIL_PLAIN_RE.pattern != _TAIL


def _tail_match(text: str, pos: int) -> re.Match[str] | None:
    line_end = text.find("\n", pos)
    if line_end == -1:
        line_end = len(text)
    if text.find("&", pos, line_end) == -1 and text.find("\\", pos, line_end) == -1:
        return _TAIL_PLAIN_RE.match(text, pos)
    return _TAIL_RE.match(text, pos)


# `<apiToken>\n  VALUE\n</apiToken>` and `<add key="ClearTextPassword" value="VALUE" />`.
_XML_ELEMENT_RE = re.compile(
    r"<(?P<tag>[A-Za-z_][\w.:-]{0,60})>\s*(?P<value>[^<>\s]{1,300})\s*</(?P=tag)>"
)
_XML_ADD_RE = re.compile(
    r"""(?i)<add\s+key\s*=\s*["'](?P<tag>[^"']{1,80})["']\s+value\s*=\s*["'](?P<value>[^"']{1,300})["']"""
)
# `if ("VALUE" == password)`: the literal before the name.
_REVERSED_RE = re.compile(
    r"""(?P<q>["'])(?P<value>[^"'\n]{1,300})(?P=q)[ \t]*(?:===|!==|==|!=)[ \t]*(?P<tag>[A-Za-z_$][\w.$]{0,60})"""
)


@remembered
def _value_ok(cls: str, value: str, quoted: bool) -> bool:
    if not value or ALNUM_RE.search(value) is None:
        return False
    if is_placeholder(value):
        return False
    if not quoted and (is_code_reference(value) or value.lower() in STOPWORDS):
        return False
    if value.startswith("-----") or value.lower().startswith(("http://", "https://", "file:")):
        return False
    if cls == "password":
        return len(value) >= 4 and not (is_ordinary(value) and not char_classes(value)[3])
    if GUID_RE.match(value):
        # A GUID under a secret-ish name is a key (Heroku, npm tokens); elsewhere it is an object id.
        if cls == "compoundkey":
            # `HEROKU_KEY = "<guid>"` is a key; `{braced}` GUIDs and registry keys are object ids.
            return not value.startswith("{")
        return cls in ("secret", "strongkey")
    if is_ordinary(value) and not _random_path(value):
        return False
    if has_alphabet_run(value):
        return False  # "ABCDEFGHIJKLMNOPQRSTUVWXYZabc...": an alphabet typed out
    if cls == "secret":
        return (
            looks_random(value, min_len=8, min_entropy=2.5)
            or _symbol_rich(value)
            or (value.isdigit() and len(value) >= 16 and shannon_entropy(value) >= 2.2)
        )
    if cls == "strongkey":
        return (
            looks_random(value, min_len=10, min_entropy=2.8)
            or _symbol_rich(value)
            or _LICENSE_RE.match(value) is not None
        )
    return looks_random(value, min_len=16, min_entropy=3.2) or _long_alnum(value)


def _random_path(value: str) -> bool:
    """ "/VnpmUGWxhQW9KQAwrL2ZYd...": base64 that happens to contain slashes, not a path."""
    return "/" in value and any(
        len(part) >= 16 and looks_random(part, min_len=16, min_entropy=3.5)
        for part in value.split("/")
    )


def _long_alnum(value: str) -> bool:
    """32+ letters and digits, both present: a generated key even when its alphabet is small."""
    if len(value) < 32 or not value.isalnum():
        return False
    _upper, _lower, digits, letters = char_classes(value)
    return digits > 0 and letters >= 4 and shannon_entropy(value) >= 2.5


def _symbol_rich(value: str) -> bool:
    """Hand-made secrets ("m{{h}o)p${e]nob(ody") mix letters with several symbols, no spaces."""
    letters = char_classes(value)[3]
    symbols = (
        len(value) - len(_ALNUM_OR_SPACE_RE.findall(value))
        if value.isascii()
        else sum(not c.isalnum() and not c.isspace() for c in value)
    )
    return (
        len(value) >= 8
        and " " not in value
        and ((symbols >= 3 and letters >= 3) or (symbols >= 6 and letters >= 1))
    )


_AWS_SECRET_RE = re.compile(r"[A-Za-z0-9/+]{40}")
# ASCII letters, digits and white space (in ASCII: str.isalnum or str.isspace).
_ALNUM_OR_SPACE_RE = re.compile(r"[A-Za-z0-9 \t\n\r\x0b\x0c\x1c-\x1f]")
_LICENSE_RE = re.compile(r"^[A-Z0-9]{4,6}(?:-[A-Z0-9]{4,6}){3,7}$")


def _kind_for(cls: str, ident: str, value: str) -> str:
    low = ident.lower()
    if cls == "password":
        return (
            "wifi_passphrase"
            if any(w in low for w in ("wifi", "wlan", "psk", "wpa", "ssid"))
            else "password"
        )
    if (
        len(value) == 40
        and _AWS_SECRET_RE.fullmatch(value)
        and ("aws" in low or "secretaccess" in low.replace("_", ""))
    ):
        return "aws_secret_key"
    if "azure" in low or "aad" in _words(ident):
        return "azure_client_secret"
    if "npm" in low or low.lstrip("/:_") == "authtoken":
        return "npm_token"
    return "api_key"


def _emit(cls: str, ident: str, text: str, start: int, end: int, quoted: bool) -> Candidate | None:
    if not quoted:
        start, end = trim_value(text, start, end)
    if end <= start:
        return None
    value = text[start:end]
    if not _value_ok(cls, value, quoted):
        return None
    return Candidate(_kind_for(cls, ident, value), start, end)


_OBJECT_KEY_PREFIXES = frozenset(
    {"reg", "registry", "class", "sub", "subkey", "parent", "node", "object", "foreign", "row"}
    | {"sort", "hash", "lookup", "map", "cache", "index", "partition", "primary", "unique"}
)
_KEY_CLASS_PREFIXES = _STRONG_KEY_PREFIXES | {"secret", "product"}
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)[ \t]$")


def _key_class(text: str, start: int, ident: str) -> str:
    """A bare "key" is made specific by the word before it ("Activation key: ...", "SECRET KEY")
    or by its own compound name (`HEROKU_KEY`, `hubspotKey`)."""
    prev = _PREV_WORD_RE.search(text, max(0, start - 24), start)
    if prev is not None and prev.group(1).lower() in _KEY_CLASS_PREFIXES:
        return "strongkey"
    words = _words(ident)
    return "compoundkey" if len(words) >= 2 and words[-2] not in _OBJECT_KEY_PREFIXES else "key"


# Found by the shared keyword sweep (scan.py); one regex alternation over the whole text would
# test every position.
_KW_LITERALS = tuple(_KW_RE.pattern.split("|"))
scan.register(_KW_LITERALS)
_KW_SET = frozenset(_KW_LITERALS)


def _keyword_hits(lower: str) -> list[tuple[int, int]]:
    return scan.hits(lower).spans(_KW_SET)


def detect_assignments(text: str, lower: str) -> Iterator[Candidate]:
    n = len(text)
    done_until = -1
    for hit, hit_end in _keyword_hits(lower):
        if hit < done_until:
            continue
        s = hit
        while s > 0 and text[s - 1] in _ID_CHARS:
            s -= 1
        e = hit_end
        while e < n and text[e] in _ID_CHARS:
            e += 1
        done_until = e
        ident = text[s:e].strip(".-$@")
        cls = _classify(ident)
        if cls is None:
            continue
        if cls == "key":
            cls = _key_class(text, s, ident)
        tail = _tail_match(text, e)
        if tail is None:
            continue
        if cls == "password" and tail.group("op").strip() in ("is", "was", "is:", "was:"):
            continue  # prose: the password detector judges "password is ..." with its own rules
        if tail.group("op").strip() == "" and tail.group("uq") is not None:
            # "secret ABC123..." with no operator: only a value no sentence would contain.
            uq = tail.group("uq")
            if (
                cls in ("secret", "strongkey")
                and uq[0].isalnum()  # "TOKEN }}@host": template syntax, not a value
                and not is_placeholder(uq)
                and looks_random(uq, min_len=20, min_entropy=3.5)
            ):
                yield Candidate(_kind_for(cls, ident, uq), tail.start("uq"), tail.end("uq"))
            continue
        for group in ("dq", "sq", "bq", "hq", "uq"):
            if tail.group(group) is not None:
                found = _emit(cls, ident, text, tail.start(group), tail.end(group), group != "uq")
                if found:
                    yield found
                break
    if "<" in text:
        for rx in (_XML_ELEMENT_RE, _XML_ADD_RE):
            for x in rx.finditer(text):
                cls = _classify(x.group("tag"))
                if cls:
                    found = _emit(cls, x.group("tag"), text, x.start("value"), x.end("value"), True)
                    if found:
                        yield found
    if "==" in text or "!=" in text:
        for r in _REVERSED_RE.finditer(text):
            cls = _classify(r.group("tag"))
            if cls:
                found = _emit(cls, r.group("tag"), text, r.start("value"), r.end("value"), True)
                if found:
                    yield found
