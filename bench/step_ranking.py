"""Does the step library's quality signal rank suggested steps better? A constructed case,
figures printed (never asserted).

The case: for each of N problems (300 by default) the library holds K steps (5) that fit the
problem's words about equally well — each title takes a random share of the problem's words
and some filler, which is how near-duplicate steps written by different engineers look. One
thing separates them: whether the step actually works. Each step has a hidden true quality
q in [0, 1]; the step that fixes the problem is the one with the highest q. What the library
observes is noisy:

- ratings: a Poisson(4) number of engineers rate it, each giving round(1 + 4q + noise) stars
  (noise ~ N(0, 0.9)), clipped to 1..5;
- verified uses: Poisson(12 q) resolved sessions passed through a linked node;
- flags: a step with q < 0.25 gets a "this step is wrong" flag with probability 0.5.

Both rankings see the same candidates in the same (engine) order and the same text relevance
(steps.service.rank, the function suggestions use). "without" ranks by relevance alone;
"with" applies the bounded boost relevance * (1 + 0.3 q_signal) (steps/ranking.py). Figures:
top-1 accuracy (the working step first) and mean reciprocal rank of the working step.

    .venv/bin/python bench/step_ranking.py [--problems 300] [--candidates 5] [--seed 7]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from resolutionflow.steps.ranking import StepStats  # noqa: E402
from resolutionflow.steps.service import rank  # noqa: E402

WORDS = [
    "outlook",
    "vpn",
    "printer",
    "spooler",
    "mailbox",
    "licence",
    "onedrive",
    "teams",
    "dns",
    "dhcp",
    "certificate",
    "profile",
    "credential",
    "cache",
    "mfa",
    "token",
    "sync",
    "driver",
    "firmware",
    "wifi",
    "adapter",
    "proxy",
    "firewall",
    "shared",
    "drive",
    "mapping",
    "backup",
    "restore",
    "quota",
    "calendar",
]
FILLER = [
    "check",
    "the",
    "then",
    "again",
    "settings",
    "service",
    "client",
    "user",
    "machine",
    "quickly",
]


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: fine for the small means used here.
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _case(rng: random.Random, candidates: int) -> tuple[str, list, dict, uuid.UUID]:  # type: ignore[type-arg]
    problem = rng.sample(WORDS, 4)
    query = " ".join(problem)
    steps, stats, qualities = [], {}, {}
    for _ in range(candidates):
        sid = uuid.uuid4()
        words = rng.sample(problem, rng.randint(3, 4)) + rng.sample(FILLER, 2)
        rng.shuffle(words)
        title = " ".join(words)
        q = rng.random()
        qualities[sid] = q
        n = _poisson(rng, 4)
        stars = [max(1, min(5, round(1 + 4 * q + rng.gauss(0, 0.9)))) for _ in range(n)]
        flags = 1 if q < 0.25 and rng.random() < 0.5 else 0
        stats[sid] = StepStats(
            rating_sum=sum(stars),
            rating_count=n,
            verified_uses=_poisson(rng, 12 * q),
            open_flags=flags,
        )
        steps.append((sid, title, ""))
    best = max(qualities, key=lambda s: qualities[s])
    return query, steps, stats, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=300)
    parser.add_argument("--candidates", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    totals = {"without": [0, 0.0], "with": [0, 0.0]}
    for _ in range(args.problems):
        query, steps, stats, best = _case(rng, args.candidates)
        for name, flag in (("without", False), ("with", True)):
            order = [sid for sid, *_ in rank(query, steps, stats, with_quality=flag)]
            position = order.index(best) + 1
            totals[name][0] += position == 1
            totals[name][1] += 1 / position
    n = args.problems
    print(f"step ranking: {n} problems, {args.candidates} near-equal candidates each")
    print(f"  random pick would be top-1 {1 / args.candidates:.3f}")
    for name in ("without", "with"):
        hits, rr = totals[name]
        print(f"  {name:7} quality signal: top-1 {hits / n:.3f}  MRR {rr / n:.3f}")


if __name__ == "__main__":
    main()
