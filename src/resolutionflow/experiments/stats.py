"""The statistics of an A/B test, in pure Python (the standard library's `math` only).

- Resolution rates: the two-proportion z-test (pooled, two-sided), or Fisher's exact test
  (two-sided, summing every table as likely as or less likely than the observed one) when an
  expected cell count is below 5, where the normal approximation is poor.
- Times: the Mann-Whitney U test (two-sided): exact when both samples are small and have no
  ties, else the normal approximation with the tie correction and a continuity correction.
- How many runs a test needs: the usual sample size for comparing two proportions (Fleiss,
  without continuity correction) at alpha 0.05 two-sided and power 0.8.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

# Standard normal quantiles: z for alpha/2 = 0.025 and for power 0.8 (beta = 0.2).
Z_ALPHA_2 = 1.959963984540054
Z_POWER_80 = 0.8416212335729143
# Below this expected count in any cell of the 2x2 table, Fisher's exact test instead of z.
MIN_EXPECTED = 5.0
# Both samples at most this large and no ties: the exact Mann-Whitney distribution.
EXACT_MW_MAX = 8


def normal_sf(z: float) -> float:
    """P(Z > z) for a standard normal Z."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def two_sided_p(z: float) -> float:
    return min(1.0, 2.0 * normal_sf(abs(z)))


@dataclass(frozen=True)
class TestResult:
    method: str  # "z-test" | "fisher" | "mann-whitney"
    statistic: float  # z, the odds ratio (Fisher), or U of the first sample
    p_value: float


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> TestResult | None:
    """Pooled two-proportion z-test of x1/n1 against x2/n2; None when it is undefined (an empty
    group, or every run resolved or none did)."""
    if n1 <= 0 or n2 <= 0:
        return None
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return None
    z = (x1 / n1 - x2 / n2) / se
    return TestResult("z-test", z, two_sided_p(z))


def fisher_exact(a: int, b: int, c: int, d: int) -> TestResult:
    """Fisher's exact test of the table [[a, b], [c, d]] (rows: groups; columns: resolved, not),
    two-sided: the probability of every table with the same margins that is no more likely than
    the observed one."""
    row1, row2, col1 = a + b, c + d, a + c
    n = row1 + row2
    low, high = max(0, col1 - row2), min(col1, row1)
    total = math.comb(n, col1)

    def prob(x: int) -> float:
        return math.comb(row1, x) * math.comb(row2, col1 - x) / total

    observed = prob(a)
    # A relative tolerance so tables as likely as the observed one are not lost to rounding.
    p = sum(q for x in range(low, high + 1) if (q := prob(x)) <= observed * (1 + 1e-7))
    odds = math.inf if b * c == 0 and a * d > 0 else (a * d / (b * c) if b * c else math.nan)
    return TestResult("fisher", odds, min(1.0, p))


def compare_rates(x1: int, n1: int, x2: int, n2: int) -> TestResult | None:
    """The fitting test for two resolution rates: Fisher's when the counts are small."""
    if n1 <= 0 or n2 <= 0:
        return None
    n = n1 + n2
    successes, failures = x1 + x2, n - x1 - x2
    expected = min(r * c / n for r in (n1, n2) for c in (successes, failures))
    if expected < MIN_EXPECTED:
        return fisher_exact(x1, n1 - x1, x2, n2 - x2)
    return two_proportion_z(x1, n1, x2, n2)


def _ranks(values: list[float]) -> tuple[list[float], list[int]]:
    """Average ranks (1-based) of `values`, and the sizes of the groups of ties."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    ties: list[int] = []
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        if j > i:
            ties.append(j - i + 1)
        i = j + 1
    return ranks, ties


@cache
def _u_counts(n1: int, n2: int) -> tuple[int, ...]:
    """How many arrangements of n1 + n2 distinct values give each U = 0 .. n1*n2 (the
    Mann-Whitney null distribution, by the recurrence f(n1, n2) = f(n1-1, n2)[u-n2] +
    f(n1, n2-1)[u])."""
    if n1 == 0 or n2 == 0:
        return (1,)
    size = n1 * n2 + 1
    with_last_first = _u_counts(n1 - 1, n2)  # the largest value is in sample 1: U grows by n2
    with_last_second = _u_counts(n1, n2 - 1)
    out = [0] * size
    for u, count in enumerate(with_last_first):
        out[u + n2] += count
    for u, count in enumerate(with_last_second):
        out[u] += count
    return tuple(out)


def mann_whitney(x: list[float], y: list[float], *, exact: bool | None = None) -> TestResult | None:
    """Two-sided Mann-Whitney U test; `statistic` is U of `x` (the number of pairs in which the
    value from x is larger, ties counting one half). None when a sample is empty. `exact`: force
    the method (None: exact for small samples without ties)."""
    n1, n2 = len(x), len(y)
    if n1 == 0 or n2 == 0:
        return None
    ranks, ties = _ranks([*x, *y])
    u1 = sum(ranks[:n1]) - n1 * (n1 + 1) / 2
    if exact is None:
        exact = not ties and n1 <= EXACT_MW_MAX and n2 <= EXACT_MW_MAX
    if exact:
        counts = _u_counts(n1, n2)
        total = sum(counts)
        u = min(u1, n1 * n2 - u1)
        tail = sum(counts[: int(u) + 1]) / total
        return TestResult("mann-whitney", u1, min(1.0, 2 * tail))
    n = n1 + n2
    mean = n1 * n2 / 2
    tie_term = sum(t**3 - t for t in ties) / (n * (n - 1)) if n > 1 else 0.0
    variance = n1 * n2 / 12 * ((n + 1) - tie_term)
    if variance <= 0:
        return TestResult("mann-whitney", u1, 1.0)
    # Continuity correction: half a step towards the mean.
    z = (abs(u1 - mean) - 0.5) / math.sqrt(variance)
    return TestResult("mann-whitney", u1, two_sided_p(max(z, 0.0)))


def runs_needed(p1: float, difference: float = 0.10) -> int:
    """Runs per variant to detect a change of `difference` in a resolution rate of about p1,
    at alpha 0.05 (two-sided) and power 0.8. The change goes down when up would pass 100%."""
    p1 = min(max(p1, 0.0), 1.0)
    p2 = p1 + difference if p1 + difference <= 1 else p1 - difference
    mean = (p1 + p2) / 2
    top = Z_ALPHA_2 * math.sqrt(2 * mean * (1 - mean)) + Z_POWER_80 * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    return math.ceil(top**2 / difference**2)


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[mid])
    return (ordered[mid - 1] + ordered[mid]) / 2
