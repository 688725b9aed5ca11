"""Turning what the gateway served into a reply, for the session copilot and ResolutionAssist
alike: the offline engine's composed answer, or a model's reply parsed from its text protocol
with the retrieved evidence cited. A model's suggestion that names a library step is linked to
it, and the library steps it did not suggest follow its own, best ranked first."""

from __future__ import annotations

from typing import Any

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.assist import offline, reply
from resolutionflow.assist.retrieval import Evidence, Retrieval
from resolutionflow.search.index import coverage, terms

LABELS = {
    "flow": "flow",
    "session": "past resolved session",
    "knowledge": "knowledge",
    "step": "library step",
}
# A model's reply keeps at most this many suggestions once library steps are added to its own.
MAX_SUGGESTIONS = 5
# How much of a library step's title a suggestion must say (and the other way round) to be it.
_SAME_STEP = 0.75


def _block_text(e: Evidence) -> str:
    if e.kind == "step":
        # How the team rates it helps the model weigh two similar steps, as the ranking does.
        return f"({offline.library_standing(e)})\n{e.text[:1400]}"
    return e.text[:1500]


def evidence_blocks(found: Retrieval) -> list[DataBlock]:
    """The evidence a prompt quotes, best first. Every block goes through the gateway's
    redaction like the rest of the prompt, library steps included (account-authored text can
    still hold a name or an address)."""
    return [
        DataBlock(f"{LABELS[e.kind]}: {e.title}", _block_text(e))
        for e in found.evidence
        if e.relevance >= offline.MIN_RELEVANCE
    ][:6]


def library_step_named(found: Retrieval, text: str) -> Evidence | None:
    """The retrieved library step a model's suggestion (its title, or a pilot step's text) is,
    when it says that step's title and little else."""
    said = terms(text, "any")
    best: tuple[float, Evidence] | None = None
    for e in found.of("step"):
        if e.relevance < offline.MIN_RELEVANCE:
            continue
        title = terms(e.title, "any")
        if not title or not said:
            continue
        fit = min(coverage(title, text), coverage(said, e.title))
        if fit >= _SAME_STEP and (best is None or fit > best[0]):
            best = (fit, e)
    return best[1] if best else None


def with_library_steps(
    suggestions: list[reply.Suggestion], found: Retrieval
) -> list[reply.Suggestion]:
    """A model's suggestions, each naming a library step linked to it, then the relevant library
    steps it did not suggest (ranked with their quality boost), up to MAX_SUGGESTIONS."""
    out: list[reply.Suggestion] = []
    used: set[str] = set()
    for s in suggestions:
        step = library_step_named(found, s.title)
        if step is not None and str(step.id) not in used:
            used.add(str(step.id))
            s = s.model_copy(update={"source": offline.library_suggestion(step).source})
        out.append(s)
    for e in found.of("step"):
        if len(out) >= MAX_SUGGESTIONS:
            break
        if e.relevance >= offline.MIN_RELEVANCE and str(e.id) not in used:
            used.add(str(e.id))
            out.append(offline.library_suggestion(e))
    return out


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
        suggestions = with_library_steps(suggestions, found)
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
