"""Placeholders in a script body, checking a script's declared parameters against them, and
rendering: every value checked for its type, then quoted for the script's language."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from resolutionflow.scripts import quoting
from resolutionflow.scripts.quoting import BadValue, Param, Value

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


def placeholders(body: str) -> list[str]:
    """The names used as `{{name}}`, in order of first use."""
    seen: dict[str, None] = {}
    for m in PLACEHOLDER.finditer(body):
        seen.setdefault(m.group(1), None)
    return list(seen)


def resolve(
    params: Sequence[Param], values: Mapping[str, Value | None]
) -> tuple[dict[str, Value], dict[str, str]]:
    """(typed values by name, problems by name). A missing value takes the default; a missing
    optional text value is empty; unknown names are problems too."""
    declared = {p.name: p for p in params}
    typed: dict[str, Value] = {}
    problems: dict[str, str] = {}
    for name in values:
        if name not in declared:
            problems[name] = "not a parameter of this script"
    for p in params:
        raw = values.get(p.name)
        if raw is None or raw == "":
            if p.default is not None:
                raw = p.default
            elif p.required:
                problems[p.name] = "a value is required"
                continue
            elif p.type in ("int", "bool", "choice", "hostname"):
                problems[p.name] = f"a value is required (a {p.type} parameter has no default)"
                continue
            else:
                raw = ""
        try:
            typed[p.name] = "" if raw == "" and not p.pattern else quoting.check(p, raw)
        except BadValue as exc:
            problems[p.name] = str(exc)
    return typed, problems


def render(
    language: str, body: str, params: Sequence[Param], values: Mapping[str, Value | None]
) -> tuple[str, dict[str, Value], dict[str, str]]:
    """(script, typed values, problems); the script is "" when there are problems."""
    typed, problems = resolve(params, values)
    quoted: dict[str, str] = {}
    for name, value in typed.items():
        try:
            quoted[name] = quoting.quote(language, value)
        except BadValue as exc:
            problems[name] = str(exc)
    if problems:
        return "", typed, problems
    return PLACEHOLDER.sub(lambda m: quoted[m.group(1)], body), typed, {}
