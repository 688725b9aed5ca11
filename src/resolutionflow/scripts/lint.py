"""Linting script drafts before a person reviews them.

- Bash: `shellcheck` when it is installed (scripts/system-deps.sh installs it for the tests);
  without it the lint is skipped and the draft says so.
- PowerShell, the documented basic check (no PowerShell parser is assumed on the server):
  brackets `{}`, `()` and `[]` balance outside strings and comments; every string is closed
  (single, double, and `@'…'@` / `@"…"@` here-strings); no `Invoke-Expression` / `iex` (it runs
  text as code, so a parameter would become code); no `{{placeholder}}` inside quotes (a
  placeholder is a complete quoted literal already).
- Python: the draft must compile (placeholders stand in as `None`).
- cmd: no placeholder inside double quotes.

Findings are advice for the reviewer; a draft with findings is still returned."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from dataclasses import dataclass

from resolutionflow.scripts.template import PLACEHOLDER

SHELLCHECK_TIMEOUT_S = 10
_IEX = re.compile(r"\b(Invoke-Expression|iex)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    line: int | None
    message: str


@dataclass(frozen=True)
class Lint:
    findings: list[Finding]
    note: str


def _line_of(body: str, index: int) -> int:
    return body.count("\n", 0, index) + 1


def _quoted_placeholders(body: str, quotes: str) -> list[Finding]:
    """Placeholders that stand inside a quoted string of the body."""
    out = []
    for m in PLACEHOLDER.finditer(body):
        line_start = body.rfind("\n", 0, m.start()) + 1
        before = body[line_start : m.start()]
        if any(before.count(q) % 2 == 1 for q in quotes):
            out.append(
                Finding(
                    _line_of(body, m.start()),
                    f"{{{{{m.group(1)}}}}} is inside quotes; a placeholder is a complete quoted "
                    "value already, so write it on its own",
                )
            )
    return out


def powershell(body: str) -> list[Finding]:
    findings: list[Finding] = []
    pairs = {"}": "{", ")": "(", "]": "["}
    stack: list[tuple[str, int]] = []
    i, n = 0, len(body)
    while i < n:
        c = body[i]
        if body.startswith(("@'", '@"'), i) and body[i + 2 : i + 3] in ("\n", "\r"):
            end = body.find("\n" + body[i + 1] + "@", i + 2)
            if end < 0:
                findings.append(Finding(_line_of(body, i), "a here-string is never closed"))
                break
            i = end + 3
            continue
        if c == "#":
            nl = body.find("\n", i)
            i = n if nl < 0 else nl
            continue
        if body.startswith("<#", i):
            end = body.find("#>", i + 2)
            i = n if end < 0 else end + 2
            continue
        if c in ("'", '"'):
            j = i + 1
            while j < n:
                if body[j] == "`" and c == '"':
                    j += 2
                    continue
                if body[j] == c:
                    if j + 1 < n and body[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            if j >= n:
                findings.append(Finding(_line_of(body, i), f"a {c}-quoted string is never closed"))
                break
            i = j + 1
            continue
        if c in "{([":
            stack.append((c, i))
        elif c in "})]":
            if not stack or stack[-1][0] != pairs[c]:
                findings.append(Finding(_line_of(body, i), f"'{c}' closes nothing"))
            else:
                stack.pop()
        i += 1
    for opener, at in stack:
        findings.append(Finding(_line_of(body, at), f"'{opener}' is never closed"))
    for m in _IEX.finditer(body):
        findings.append(
            Finding(
                _line_of(body, m.start()),
                "Invoke-Expression runs text as code: never use it, least of all on parameters",
            )
        )
    return findings


def _substituted(body: str, value: str) -> str:
    return PLACEHOLDER.sub(value, body)


def python(body: str) -> list[Finding]:
    try:
        compile(_substituted(body, "None"), "<draft>", "exec")
    except SyntaxError as exc:
        return [Finding(exc.lineno, f"does not compile: {exc.msg}")]
    return []


async def bash(body: str) -> Lint:
    exe = shutil.which("shellcheck")
    if exe is None:
        return Lint([], "shellcheck is not installed on the server, so this draft was not linted.")
    proc = await asyncio.create_subprocess_exec(
        exe,
        "--format=json",
        "--shell=bash",
        "-",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, _ = await asyncio.wait_for(
            proc.communicate(_substituted(body, "'x'").encode()), SHELLCHECK_TIMEOUT_S
        )
    except TimeoutError:
        proc.kill()
        return Lint([], "shellcheck took too long; this draft was not linted.")
    try:
        items = json.loads(out or b"[]")
    except ValueError:
        return Lint([], "shellcheck's answer could not be read; this draft was not linted.")
    findings = [
        Finding(int(i.get("line") or 0) or None, f"SC{i.get('code')}: {i.get('message', '')}")
        for i in items
    ]
    return Lint(findings, "Linted with shellcheck.")


async def lint(language: str, body: str) -> Lint:
    if language == "bash":
        found = await bash(body)
        return Lint(found.findings + _quoted_placeholders(body, "'\""), found.note)
    if language == "powershell":
        # The placeholder's own braces must not count as PowerShell blocks.
        return Lint(
            powershell(_substituted(body, "$p")) + _quoted_placeholders(body, "'\""),
            "Checked with the basic PowerShell check (brackets, strings, Invoke-Expression).",
        )
    if language == "python":
        return Lint(python(body), "Checked that it compiles.")
    return Lint(_quoted_placeholders(body, '"'), "Checked placeholders are not inside quotes.")
