"""Confidence-tiered routing as configuration: each AI action's default tier, and when a fast
answer is asked again of the deep model. Call sites name an action, never a model."""

from __future__ import annotations

from typing import Literal

Tier = Literal["fast", "deep"]

# Cheap, frequent, latency-sensitive work goes to the fast model; writing that people keep
# (notes, assessments, flows) to the deep one.
ACTION_TIERS: dict[str, Tier] = {
    "copilot_chat": "fast",
    "assist_chat": "fast",
    "fact_extraction": "fast",
    "pilot_step": "fast",
    "status_update": "fast",
    "resolution_note": "deep",
    "escalation_assessment": "deep",
    "flow_generation": "deep",
    "script_draft": "deep",
    "connection_test": "fast",
}


def tier_for(action: str) -> Tier:
    return ACTION_TIERS.get(action, "fast")


def should_escalate(tier: Tier, confidence: float | None, threshold: float) -> bool:
    """A fast answer that says it is unsure is retried on the deep model."""
    return tier == "fast" and confidence is not None and confidence < threshold
