"""Typed parameter values, and quoting them so that a value can never break out of its string.

A `{{name}}` placeholder in a script body stands for one complete literal of the script's
language, quotes included: `Get-Service -Name {{service}}` renders as
`Get-Service -Name 'Spooler'`. Write placeholders where a literal may stand, never inside
quotes of your own.

Per language (docs/scripts.md repeats these rules for script authors):

- PowerShell: a single-quoted (verbatim) string. PowerShell expands nothing inside one; its only
  special characters are the single quotes themselves, and PowerShell treats the typographic
  quotes U+2018, U+2019, U+201A and U+201B as single quotes too, so each of the four is doubled.
  Newlines are literal. NUL is refused.
- Bash: a single-quoted string, nothing expands inside; a `'` is written `'\\''` (close, escaped
  quote, reopen). Newlines are literal. NUL is refused (no shell argument can hold it).
- cmd: cmd.exe has no quoting that stops every expansion, so the rule is: the value is wrapped
  in double quotes, inside which `& | < > ^ ( )` and spaces are literal, and the characters that
  double quotes cannot protect are refused with a 422 naming the parameter: `"` (would end the
  quotes), `%` (variables expand inside quotes in scripts), `!` (delayed expansion), line breaks
  (end the command) and other control characters.
- Python: a string literal written by `repr()`, which escapes quotes, backslashes, newlines and
  every control character; any text round-trips.

int values render bare (they are checked to be digits); bool values render as the language's
own literal (`$true`/`$false`, `true`/`false`, `True`/`False`)."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

Language = str  # "powershell" | "bash" | "cmd" | "python"

MAX_VALUE_CHARS = 4096
_INT = re.compile(r"[+-]?\d{1,18}")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}
# PowerShell's single-quote characters: the ASCII one and the typographic U+2018..U+201B.
_PS_QUOTES = "'\u2018\u2019\u201a\u201b"
_CMD_REFUSED = {'"': "a double quote", "%": "a percent sign", "!": "an exclamation mark"}

Value = str | int | bool


class BadValue(ValueError):
    """The value is not acceptable; the message never repeats the value (it may be a secret)."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: Value | None = None
    pattern: str | None = None
    choices: tuple[str, ...] = ()


def is_hostname(text: str) -> bool:
    """RFC 1123 host name (letters, digits, hyphens; labels of 1 to 63 characters not starting
    or ending with a hyphen; 253 characters at most), or an IPv4/IPv6 address."""
    try:
        ipaddress.ip_address(text)
        return True
    except ValueError:
        pass
    name = text[:-1] if text.endswith(".") else text
    if not name or len(name) > 253:
        return False
    return all(_LABEL.fullmatch(label) for label in name.split("."))


def check(param: Param, raw: Value) -> Value:
    """The typed value of `raw` for `param`, or BadValue saying what is wrong with it."""
    kind = param.type
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise BadValue("must be true or false")
    if isinstance(raw, bool):
        raise BadValue(f"must be {'an integer' if kind == 'int' else 'text'}, not true/false")
    if kind == "int":
        text = str(raw).strip()
        if not _INT.fullmatch(text):
            raise BadValue("must be a whole number")
        value: Value = int(text)
    else:
        value = str(raw)
        if len(value) > MAX_VALUE_CHARS:
            raise BadValue(f"must be at most {MAX_VALUE_CHARS} characters")
        if "\x00" in value:
            raise BadValue("must not contain a NUL character")
        if kind == "hostname" and not is_hostname(value):
            raise BadValue("must be a host name (RFC 1123: letters, digits, hyphens, dots)")
        if kind == "path" and ("\n" in value or "\r" in value):
            raise BadValue("a path must not contain line breaks")
        if kind == "choice" and value not in param.choices:
            raise BadValue("must be one of: " + ", ".join(param.choices))
    if param.pattern and not re.fullmatch(param.pattern, str(value)):
        raise BadValue(f"does not match the pattern {param.pattern}")
    return value


def quote(language: Language, value: Value) -> str:
    """`value` as one literal of `language` that cannot end early. BadValue for text that
    cannot be quoted safely in that language (cmd's refusals; NUL in any shell)."""
    if isinstance(value, bool):
        return {
            "powershell": "$true" if value else "$false",
            "python": "True" if value else "False",
        }.get(language, "true" if value else "false")
    if isinstance(value, int):
        return str(value)
    if language == "python":
        return repr(value)
    if "\x00" in value:
        raise BadValue("must not contain a NUL character")
    if language == "powershell":
        return "'" + "".join(c + c if c in _PS_QUOTES else c for c in value) + "'"
    if language == "bash":
        return "'" + value.replace("'", "'\\''") + "'"
    if language == "cmd":
        for char, words in _CMD_REFUSED.items():
            if char in value:
                raise BadValue(f"cmd cannot quote {words} safely; it is not allowed in cmd scripts")
        if any(ord(c) < 32 or ord(c) == 127 for c in value):
            raise BadValue("cmd cannot quote line breaks or control characters")
        return '"' + value + '"'
    raise BadValue(f"unknown language {language}")
