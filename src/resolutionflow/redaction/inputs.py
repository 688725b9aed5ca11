"""Values captured by input steps: redacted together with the prompt that asked for them.

A value alone says little: "Kx9#mPq2zz-Temp" could be a serial number, "Password:
Kx9#mPq2zz-Temp" is plainly a password. So a captured value is redacted as the value part of
"<prompt>: <value>" (the step's title, and its variable name spelled as words), and when the
title or the variable names a secret (password, PIN, token, API key, passphrase, credential…)
the whole value is withheld, whatever it looks like. Steps of the `secret` input type never
reach this module with a value: the runner keeps those, and the timeline says `SECRET_CAPTURED`.

Pure Python, no I/O; applying it again to its own output changes nothing, so readers may apply it
to stored values (older sessions kept them in clear) without double redaction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from resolutionflow.redaction import engine
from resolutionflow.redaction.model import SPECIFICITY, Finding, RedactionOptions

SECRET_CAPTURED = "••• (secret captured)"  # noqa: S105 - a label, not a password

# Inside a word too ("adminpassword", "db_passwd").
_FRAGMENTS = ("password", "passwd", "passwort", "passphrase", "passcode", "credential", "apikey")
# Whole words only: "pin" but not "ping" or "spinning", "secret" but not "secretary".
_WORDS = {
    "pwd": "password",
    "pw": "password",
    "pin": "password",
    "pins": "password",
    "psk": "password",
    "otp": "password",
    "totp": "password",
    "passkey": "password",
    "creds": "password",
    "secret": "api_key",
    "secrets": "api_key",
    "clientsecret": "api_key",
    "token": "api_key",
    "tokens": "api_key",
    "accesskey": "api_key",
    "secretkey": "api_key",
    "privatekey": "private_key",
}
# "db_pass" is how variables name passwords; a title saying "pass" means pass/fail.
_VARIABLE_WORDS = {"pass": "password"}
# Two or three words in a row.
_PHRASES: dict[tuple[str, ...], str] = {
    ("api", "key"): "api_key",
    ("access", "key"): "api_key",
    ("secret", "key"): "api_key",
    ("auth", "key"): "api_key",
    ("private", "key"): "private_key",
    ("pre", "shared", "key"): "password",
    ("preshared", "key"): "password",
    ("shared", "key"): "password",
    ("network", "key"): "password",
    ("wifi", "key"): "password",
    ("wi", "fi", "key"): "password",
    ("wpa", "key"): "password",
    ("wep", "key"): "password",
    ("encryption", "key"): "password",
    ("recovery", "key"): "password",
    ("security", "code"): "password",
    ("mfa", "code"): "password",
    ("2fa", "code"): "password",
    ("one", "time", "code"): "password",
}
_FRAGMENT_KIND = {"apikey": "api_key"}
# An input phrased as a yes/no question ("Password reset required?") answered yes or no.
_YES_NO = frozenset({"yes", "no", "y", "n", "true", "false"})
_MARKER = re.compile(r"\[REDACTED:[a-z_]+\]")


def _words(name: str) -> list[str]:
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)  # camelCase -> camel Case
    return [w for w in re.split(r"[^a-z0-9]+", spaced.casefold()) if w]


def secret_kind(name: str | None, *, variable: bool = False) -> str | None:
    """The redaction kind a step title or variable name implies (`password`, `api_key`,
    `private_key`), or None when it does not name a secret."""
    if not name:
        return None
    words = _words(name)
    for n in (3, 2):
        for i in range(len(words) - n + 1):
            kind = _PHRASES.get(tuple(words[i : i + n]))
            if kind:
                return kind
    for word in words:
        kind = _WORDS.get(word) or (_VARIABLE_WORDS.get(word) if variable else None)
        if kind:
            return kind
        for fragment in _FRAGMENTS:
            if fragment in word:
                return _FRAGMENT_KIND.get(fragment, "password")
    return None


def looks_secret(title: str | None, variable: str | None) -> bool:
    """Whether an input step's title or variable names a secret."""
    return bool(secret_kind(title) or secret_kind(variable, variable=True))


def _prompts(title: str | None, variable: str | None) -> list[str]:
    prompts: list[str] = []
    label = (title or "").strip().splitlines()[0].strip() if (title or "").strip() else ""
    label = label.rstrip("?:.!… ").strip()
    if label:
        prompts.append(label)
    spoken = " ".join(_words(variable or ""))
    if spoken and spoken.casefold() != label.casefold():
        prompts.append(spoken)
    return prompts


def _merge(findings: list[Finding]) -> list[Finding]:
    merged: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            kind = f.kind if SPECIFICITY[f.kind] > SPECIFICITY[last.kind] else last.kind
            merged[-1] = Finding(kind, last.start, max(last.end, f.end))
        else:
            merged.append(f)
    return merged


@dataclass(frozen=True)
class Captured:
    """A captured value as it may be stored and shown, and what was redacted in it (offsets
    into the value as typed)."""

    value: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def withheld(self) -> bool:
        return bool(self.findings)


def redact_captured(
    title: str | None,
    variable: str | None,
    value: str,
    options: RedactionOptions | None = None,
) -> Captured:
    """`value` as typed into the input step `title` (capturing `variable`), redacted."""
    options = options or RedactionOptions()
    if not value or value == SECRET_CAPTURED:
        return Captured(value)
    found: list[Finding] = list(engine.redact(value, options).findings)
    for prompt in _prompts(title, variable):
        prefix = f"{prompt}: "
        for f in engine.redact(prefix + value, options).findings:
            if f.end > len(prefix):
                start = max(f.start, len(prefix)) - len(prefix)
                found.append(Finding(f.kind, start, f.end - len(prefix)))
    findings = _merge(found)
    kind = secret_kind(title) or secret_kind(variable, variable=True)
    yes_no = (title or "").rstrip().endswith("?") and value.strip().casefold() in _YES_NO
    already_hidden = _MARKER.fullmatch(value.strip()) is not None
    if kind and not yes_no and not already_hidden:
        whole = next((f for f in findings if f.start == 0 and f.end == len(value)), None)
        findings = [Finding(whole.kind if whole else kind, 0, len(value))]
    if not findings:
        return Captured(value)
    parts: list[str] = []
    pos = 0
    for f in findings:
        parts += [value[pos : f.start], f"[REDACTED:{f.kind}]"]
        pos = f.end
    parts.append(value[pos:])
    return Captured("".join(parts), findings)


def captured_value(title: str | None, variable: str | None, value: str) -> str:
    return redact_captured(title, variable, value).value


def shown_payload(event_type: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """A timeline entry's payload with its captured value as it may be shown: a secret input's
    as `SECRET_CAPTURED`, any other input's redacted with its prompt. Everything that reads
    stored entries (the API, documentation, snapshots, prompts) reads them through this, so
    entries stored before values were redacted on capture are covered too."""
    data = dict(payload)
    if event_type != "answer" or data.get("node_type") != "input" or "value" not in data:
        return data
    if data.get("secret"):
        data["value"] = SECRET_CAPTURED
    else:
        data["value"] = captured_value(
            str(data.get("title") or ""), data.get("variable"), str(data.get("value") or "")
        )
    return data


def shown_variables(variables: Mapping[str, str]) -> dict[str, str]:
    """Captured variables as they may be shown (their names are the only prompt left)."""
    return {name: captured_value(None, name, str(value)) for name, value in variables.items()}
