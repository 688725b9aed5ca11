"""The shape of a copilot reply, and the text protocol a model writes it in.

A model writes its answer as Markdown, then a line `<<<META>>>` and one JSON object with its
confidence and structured suggestions. The prose streams to the engineer as it is written;
the part after the marker never shows. The same protocol serves non-streamed calls, so one
parser reads every model reply; a reply without a readable META block keeps its prose with
no suggestions and a middling confidence.
"""

from __future__ import annotations

import json
import re
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError

from resolutionflow.common.schemas import ReadSchema

META_MARKER = "<<<META>>>"


class Source(ReadSchema):
    """Where an answer or a suggestion came from; `kind` and `id` say where it opens (a flow, a
    past session, a knowledge document, a step-library step: /steps/{id})."""

    kind: Literal["flow", "session", "knowledge", "step"]
    id: uuid.UUID
    title: str
    snippet: str = ""
    relevance: float = 0.0


class Suggestion(ReadSchema):
    title: str
    instructions: str = ""
    command: str | None = None
    # Which source it came from, when one did (a flow step, a past session's fix, a library step).
    source: Source | None = None
    confidence: float = 0.5


class CopilotReply(ReadSchema):
    content: str
    sources: list[Source]
    confidence: float
    confidence_label: Literal["low", "medium", "high"]
    tier: Literal["fast", "deep"]
    model: str
    provider: str
    suggestions: list[Suggestion]
    # Shown beside the answer when it is not what was configured (fallback, budget reached).
    note: str | None = None
    # Why this engine and model answered (the call record's reason).
    reason: str = ""
    question_seq: int | None = None
    reply_seq: int | None = None


def label(confidence: float) -> Literal["low", "medium", "high"]:
    return "high" if confidence >= 0.75 else "medium" if confidence >= 0.45 else "low"


INSTRUCTIONS = f"""You are ResolutionAssist, the copilot of MSP service-desk engineers fixing IT problems for client companies.
Lead with the fix. Give exact commands (PowerShell, cmd, bash) in fenced code blocks. Warn clearly before anything destructive or disruptive (reboots, deleting profiles, resetting network stacks) and say how to back out.
Use the team's own knowledge first: published flows, what resolved similar past sessions, knowledge documents and library steps (the team's reusable, rated steps); they arrive as <data> blocks labelled by source. Say which you used. When you suggest a library step, give its title exactly as written. When they do not cover the problem, say so plainly and give the best general steps.
Be brief: a few short paragraphs or a numbered list. Never invent ticket numbers, client names or values you were not given; values shown as [REDACTED:kind] were removed on purpose — do not guess them.

After your answer write a line containing exactly {META_MARKER} and then one JSON object, nothing after it:
{{"confidence": <0..1, how sure you are the answer fits this problem>, "suggestions": [{{"title": "<imperative, under 80 chars>", "instructions": "<what to do and what to look for>", "command": "<one command or null>"}}]}}
Give 0 to 4 suggestions: concrete next steps the engineer can accept onto the session's timeline."""


class _Meta(BaseModel):
    confidence: float = Field(default=0.5, ge=0, le=1)
    suggestions: list[dict[str, Any]] = Field(default_factory=list, max_length=8)


def visible(text: str) -> str:
    """The part of a streamed reply that may be shown: everything before the marker, holding
    back a tail that could be the start of it, and trailing whitespace (it may precede it)."""
    cut = text.find(META_MARKER)
    if cut >= 0:
        return text[:cut].rstrip()
    for n in range(min(len(META_MARKER) - 1, len(text)), 0, -1):
        if META_MARKER.startswith(text[-n:]):
            return text[:-n].rstrip()
    return text.rstrip()


def parse(text: str) -> tuple[str, float, list[Suggestion]]:
    """Prose, confidence and suggestions from a model's reply."""
    cut = text.find(META_MARKER)
    if cut < 0:
        return text.strip(), 0.5, []
    prose, tail = text[:cut].strip(), text[cut + len(META_MARKER) :]
    match = re.search(r"\{.*\}", tail, re.DOTALL)
    if not match:
        return prose, 0.5, []
    try:
        meta = _Meta.model_validate(json.loads(match.group(0)))
    except (ValueError, ValidationError):
        return prose, 0.5, []
    suggestions = []
    for raw in meta.suggestions:
        title = str(raw.get("title") or "").strip()[:200]
        if not title:
            continue
        command = raw.get("command")
        suggestions.append(
            Suggestion(
                title=title,
                instructions=str(raw.get("instructions") or "").strip()[:2000],
                command=str(command).strip()[:2000] if command else None,
                confidence=meta.confidence,
            )
        )
    return prose, meta.confidence, suggestions[:4]


def confidence_of(text: str, data: dict[str, Any] | None) -> float | None:
    return parse(text)[1] if META_MARKER in text else None
