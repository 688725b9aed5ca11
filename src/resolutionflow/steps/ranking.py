"""The step library's quality signal, and how it moves a suggestion's rank.

A suggestion starts from text relevance (0..1, the engine-neutral word coverage the copilot's
retrieval uses). The quality signal `q` in [-1, 1] combines:

- ratings, as a Bayesian average: `PRIOR_WEIGHT` imaginary ratings of `PRIOR_MEAN` stars are
  added, so one 5-star rating moves a step less than twenty do; mapped from 1..5 stars to -1..1;
- verified uses (resolved sessions that passed through a node linked to the step), on a log
  scale that saturates at `USES_SATURATE` uses: 0..1;
- open "this step is wrong" flags, each a penalty until a team admin closes it.

The boost is multiplicative and bounded: `score = relevance * (1 + BOOST * q)`, so a step's
quality moves its score by at most ±`BOOST` of its relevance. It reorders steps that are about
equally relevant; it never lifts an unrelated step (relevance 0 stays 0) over a clearly better
match. `bench/step_ranking.py` measures the gain on a constructed case.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PRIOR_MEAN = 3.0
PRIOR_WEIGHT = 3.0
USES_SATURATE = 20
FLAG_PENALTY = 0.5
RATING_SHARE = 0.6
USES_SHARE = 0.4
BOOST = 0.3


@dataclass(frozen=True)
class StepStats:
    rating_sum: int = 0
    rating_count: int = 0
    verified_uses: int = 0
    open_flags: int = 0
    linked_nodes: int = 0

    @property
    def rating_avg(self) -> float | None:
        if not self.rating_count:
            return None
        return round(self.rating_sum / self.rating_count, 2)


def quality(stats: StepStats) -> float:
    """-1 (poorly rated, flagged, never verified) .. 1 (well rated by many, often verified)."""
    bayes = (PRIOR_MEAN * PRIOR_WEIGHT + stats.rating_sum) / (PRIOR_WEIGHT + stats.rating_count)
    rating = (bayes - 3.0) / 2.0
    uses = min(1.0, math.log1p(stats.verified_uses) / math.log1p(USES_SATURATE))
    flags = min(1.0, FLAG_PENALTY * stats.open_flags)
    value = RATING_SHARE * rating + USES_SHARE * uses - flags
    return round(max(-1.0, min(1.0, value)), 4)


def boosted(relevance: float, q: float) -> float:
    """The suggestion score: relevance moved by at most ±BOOST of itself. Not capped at 1, so
    two perfect text matches still differ by quality."""
    return round(max(0.0, relevance * (1.0 + BOOST * q)), 4)
