"""The AI assessment of an escalation, from one consolidated call: summary, what we know, likely
cause, suggested steps, confidence — by the deep model, or the offline engine from the team's
knowledge. An applied-but-unverified fix leads the hypothesis."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, ValidationError

from resolutionflow.ai import gateway
from resolutionflow.ai.prompt import DataBlock
from resolutionflow.assist import offline
from resolutionflow.assist.reply import label
from resolutionflow.assist.retrieval import Retrieval

ACTION = "escalation_assessment"

INSTRUCTIONS = """A junior MSP engineer escalated an IT support session to a senior. From the snapshot given as data, write ONE assessment as structured output:
summary (2-3 sentences: the problem and where it stands), what_we_know (short facts established), likely_cause (the single most likely cause, or "Unknown" with why), suggested_steps (3-6 concrete next steps, in order, with exact commands where useful), confidence (0..1 that the likely cause is right).
If a fix was applied but not verified, make verifying it the first suggested step and let it lead the hypothesis. Use the team's knowledge given as data; never invent values shown as [REDACTED:kind]."""

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        "what_we_know": {"type": "array", "items": {"type": "string"}},
        "likely_cause": {"type": "string"},
        "suggested_steps": {"type": "array", "items": {"type": "string"}},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    },
    "required": ["summary", "likely_cause", "suggested_steps", "confidence"],
}


class Assessment(BaseModel):
    summary: str = Field(max_length=2000)
    what_we_know: list[str] = Field(default_factory=list, max_length=20)
    likely_cause: str = Field(max_length=1000)
    suggested_steps: list[str] = Field(default_factory=list, max_length=10)
    confidence: float = Field(ge=0, le=1)


def blocks(snapshot: dict[str, Any], found: Retrieval) -> list[DataBlock]:
    from resolutionflow.assist.answering import evidence_blocks

    lines = [
        f"Problem: {snapshot['problem_summary']}",
        f"Domain: {snapshot.get('domain') or 'unknown'}",
        f"Ticket: {snapshot.get('ticket_id') or 'none'}",
        f"Flow: {snapshot.get('flow_title') or 'none'}; current step: {snapshot.get('current_step') or 'none'}",
        f"Working hypothesis: {snapshot.get('hypothesis') or 'none'}",
        f"Applied but unverified fix: {snapshot.get('unverified_fix') or 'none'}",
    ]
    return [
        DataBlock("snapshot", "\n".join(lines)),
        DataBlock("recent steps", "\n".join(snapshot.get("recent_steps", []))),
        DataBlock("what's been tried (notes)", "\n".join(snapshot.get("tried", []))),
        DataBlock(
            "captured values",
            "\n".join(f"{k} = {v}" for k, v in snapshot.get("variables", {}).items()),
        ),
        *evidence_blocks(found),
    ]


def offline_assessment(snapshot: dict[str, Any], found: Retrieval, reason: str) -> dict[str, Any]:
    composed = offline.answer(snapshot["problem_summary"], found)
    relevant = [e for e in found.evidence if e.relevance >= offline.MIN_RELEVANCE]
    fix = snapshot.get("unverified_fix")
    if fix:
        cause = f"The applied fix “{fix}” may already have solved it — it has not been verified."
        confidence = max(0.5, composed.confidence)
    elif relevant:
        best = relevant[0]
        cause = (
            f"Most like “{best.title}” ({'a past resolved session' if best.kind == 'session' else 'a ' + best.kind}): "
            + offline.excerpt(best.text, 200)
        )
        confidence = composed.confidence
    else:
        cause = (
            snapshot.get("hypothesis") or "Unknown: the team's knowledge has nothing matching yet."
        )
        confidence = min(0.25, composed.confidence)
    steps = ([f"Verify the applied fix “{fix}” with the user"] if fix else []) + [
        s.title + (f" — `{s.command}`" if s.command else "") for s in composed.suggestions
    ]
    known = [*snapshot.get("recent_steps", [])[-5:]]
    return {
        "summary": f"{snapshot['problem_summary']} — {snapshot['step_count']} steps so far"
        + (
            f", escalated from the flow “{snapshot['flow_title']}”"
            if snapshot.get("flow_title")
            else ""
        )
        + ".",
        "what_we_know": known,
        "likely_cause": cause,
        "suggested_steps": steps[:6],
        "confidence": round(confidence, 3),
        "confidence_label": label(confidence),
        "model": "offline",
        "reason": reason,
    }


async def assess(
    plan: gateway.Plan, snapshot: dict[str, Any], found: Retrieval
) -> tuple[dict[str, Any], gateway.Served]:
    """No database here."""

    async def fallback() -> tuple[str, dict[str, Any] | None]:
        return "", {"offline": True}

    served = await gateway.run(
        plan,
        gateway.Ask(
            action=ACTION,
            instructions=INSTRUCTIONS,
            blocks=blocks(snapshot, found),
            question="Assess this escalation.",
            json_schema=SCHEMA,
            max_tokens=1500,
        ),
        fallback,
        lambda _t, _d: None,
    )
    if served.provider == "offline" or not served.data or served.data.get("offline"):
        return offline_assessment(snapshot, found, served.reason), served
    try:
        parsed = Assessment.model_validate(served.data)
    except ValidationError:
        return offline_assessment(snapshot, found, "model reply malformed"), served
    out = parsed.model_dump()
    out["confidence_label"] = label(parsed.confidence)
    out["model"] = served.model
    out["reason"] = served.reason
    return out, served
