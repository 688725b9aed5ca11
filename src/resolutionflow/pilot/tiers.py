"""Confidence tiers: how sure FlowPilot is, in words the engineer sees."""

from __future__ import annotations

from typing import Literal

Tier = Literal["discovery", "exploring", "guided"]

EXPLORING_FROM = 0.4
GUIDED_FROM = 0.8
# A flow accepted from the library is the team's authored procedure, not a guess.
FOLLOWING_FLOW = 0.8


def tier(confidence: float) -> Tier:
    if confidence >= GUIDED_FROM:
        return "guided"
    if confidence >= EXPLORING_FROM:
        return "exploring"
    return "discovery"
