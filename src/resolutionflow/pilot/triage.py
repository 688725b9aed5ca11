"""The triage header from intake text, offline: category, problem summary, asset, client,
evidence (error codes and quoted messages) and a first hypothesis. A model may fill it better;
the engineer's edits always win over either."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints

from resolutionflow.assist.offline import GENERIC, generic_steps
from resolutionflow.common.schemas import ReadSchema, WriteSchema

FIELDS = ("client", "asset", "category", "summary", "hypothesis", "evidence")

_ERROR_CODE = re.compile(
    r"\b(?:0x[0-9a-fA-F]{6,8}|[A-Z]{2,5}-?\d{3,5}|(?:error|event id|code)\s*[:#]?\s*\d{2,6})\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“']([^\"”']{8,160})[\"”']")
_HOST = re.compile(r"\b([A-Za-z]{2,}[-_]?[A-Za-z]*\d{1,4}[A-Za-z]?)\b")
_CLIENT = re.compile(
    r"\b(?:at|for|from|client|customer)\s+([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+){0,2})"
)
_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)", re.DOTALL)


class Triage(ReadSchema):
    client: str = ""
    asset: str = ""
    category: str = ""
    summary: str = ""
    hypothesis: str = ""
    evidence: str = ""


Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
Long = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]


class TriagePatch(WriteSchema):
    client: Short | None = None
    asset: Short | None = None
    category: Short | None = None
    summary: Long | None = None
    hypothesis: Long | None = None
    evidence: Long | None = None


def _summary(text: str) -> str:
    flat = " ".join(text.split())
    m = _SENTENCE.match(flat)
    first = m.group(1) if m else flat
    return first[:200]


def parse(text: str) -> Triage:
    category, _ = generic_steps(text)
    evidence: list[str] = []
    for m in _ERROR_CODE.finditer(text):
        if m.group(0) not in evidence:
            evidence.append(m.group(0))
    for m in _QUOTED.finditer(text):
        evidence.append(f"“{m.group(1)}”")
    hosts = [h for h in _HOST.findall(text) if not _ERROR_CODE.fullmatch(h)]
    client = _CLIENT.search(text)
    return Triage(
        client=client.group(1) if client else "",
        asset=hosts[0] if hosts else "",
        category=category or "",
        summary=_summary(text),
        hypothesis="",
        evidence="; ".join(evidence[:6]),
    )


def categories() -> list[str]:
    return [name for _, name, _ in GENERIC]


def merge(current: Triage, proposed: Triage, edited: list[str]) -> Triage:
    """A fresh proposal fills the fields the engineer has not edited; edited fields stay."""
    values = current.model_dump()
    for name in FIELDS:
        if name not in edited and getattr(proposed, name):
            values[name] = getattr(proposed, name)
    return Triage(**values)
