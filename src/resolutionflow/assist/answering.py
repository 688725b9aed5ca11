"""Turning what the gateway served into a reply, for the session copilot and ResolutionAssist
alike: the offline engine's composed answer, or a model's reply parsed from its text protocol
with the retrieved evidence cited."""

from __future__ import annotations

from typing import Any

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.assist import offline, reply
from resolutionflow.assist.retrieval import Retrieval


def evidence_blocks(found: Retrieval) -> list[DataBlock]:
    labels = {"flow": "flow", "session": "past resolved session", "knowledge": "knowledge"}
    return [
        DataBlock(f"{labels[e.kind]}: {e.title}", e.text[:1500])
        for e in found.evidence
        if e.relevance >= offline.MIN_RELEVANCE
    ][:6]


def cited(found: Retrieval) -> list[reply.Source]:
    return [
        reply.Source(
            kind=e.kind,
            id=e.id,
            title=e.title,
            snippet=offline.excerpt(e.text, 160),
            relevance=e.relevance,
        )
        for e in found.evidence
        if e.relevance >= offline.MIN_RELEVANCE
    ][:6]


def offline_answer(
    question: str, found: Retrieval, position: offline.Position | None = None
) -> gateway.OfflineFn:
    async def run() -> tuple[str, dict[str, Any] | None]:
        composed = offline.answer(question, found, position)
        return composed.content, {
            "confidence": composed.confidence,
            "sources": [s.model_dump(mode="json") for s in composed.sources],
            "suggestions": [s.model_dump(mode="json") for s in composed.suggestions],
        }

    return run


def to_reply(found: Retrieval, served: gateway.Served) -> reply.CopilotReply:
    if served.provider == "offline" and served.data is not None:
        content = served.text
        confidence = float(served.data["confidence"])
        sources = [reply.Source.model_validate(s) for s in served.data["sources"]]
        suggestions = [reply.Suggestion.model_validate(s) for s in served.data["suggestions"]]
    else:
        content, confidence, suggestions = reply.parse(served.text)
        sources = cited(found)
    return reply.CopilotReply(
        content=content,
        sources=sources,
        confidence=round(confidence, 3),
        confidence_label=reply.label(confidence),
        tier=served.tier,
        model=served.model,
        provider=served.provider,
        suggestions=suggestions,
        note=served.note,
        reason=served.reason,
    )
