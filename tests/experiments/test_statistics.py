"""The statistics against textbook and reference values (R's fisher.test and wilcox.test,
SciPy's fisher_exact and mannwhitneyu give the same), and the sentence built from them."""

from __future__ import annotations

import math

import pytest

from resolutionflow.experiments import stats
from resolutionflow.experiments.schemas import VariantResults
from resolutionflow.experiments.service import conclusion


def test_normal_tail_at_the_textbook_critical_values() -> None:
    assert stats.two_sided_p(1.959963984540054) == pytest.approx(0.05, abs=1e-12)
    assert stats.two_sided_p(2.5758293035489) == pytest.approx(0.01, abs=1e-12)
    assert stats.two_sided_p(0.0) == 1.0


def test_two_proportion_z_test() -> None:
    # 45/100 against 30/100: pooled p = 0.375, SE = sqrt(.375 * .625 * (2/100)) = 0.068465,
    # z = 0.15 / 0.068465 = 2.1909, two-sided p = 0.0285.
    result = stats.two_proportion_z(45, 100, 30, 100)
    assert result is not None and result.method == "z-test"
    assert result.statistic == pytest.approx(2.19089, abs=1e-5)
    assert result.p_value == pytest.approx(0.028460, abs=1e-6)
    # z squared is Pearson's chi-square of the same 2x2 table without continuity correction.
    a, b, c, d = 45, 55, 30, 70
    n = a + b + c + d
    chi2 = n * (a * d - b * c) ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    assert result.statistic**2 == pytest.approx(chi2)
    # Undefined without variation or without runs.
    assert stats.two_proportion_z(10, 10, 5, 5) is None
    assert stats.two_proportion_z(0, 0, 3, 5) is None


def test_fisher_exact_test() -> None:
    # Fisher's lady tasting tea: 3 of 4 cups right each way; two-sided p = 34/70.
    tea = stats.fisher_exact(3, 1, 1, 3)
    assert tea.p_value == pytest.approx(34 / 70)
    assert tea.statistic == pytest.approx(9.0)
    # SciPy's documented example [[8, 2], [1, 5]]: p = 0.0349650.
    assert stats.fisher_exact(8, 2, 1, 5).p_value == pytest.approx(0.03496503496503495)
    # Nothing to tell apart: p = 1.
    assert stats.fisher_exact(2, 2, 2, 2).p_value == pytest.approx(1.0)


def test_small_counts_use_fisher_and_large_counts_the_z_test() -> None:
    small = stats.compare_rates(8, 10, 1, 6)
    assert small is not None and small.method == "fisher"
    assert small.p_value == pytest.approx(0.03496503496503495)
    large = stats.compare_rates(45, 100, 30, 100)
    assert large is not None and large.method == "z-test"
    assert stats.compare_rates(1, 1, 0, 0) is None


def test_mann_whitney_u() -> None:
    # SciPy's documented example (male vs female): U = 17; exact p = 0.1111 (= 14/126),
    # normal approximation with continuity correction p = 0.11135.
    x, y = [19, 22, 16, 29, 24], [20, 11, 17, 12]
    exact = stats.mann_whitney(x, y)
    assert exact is not None
    assert exact.statistic == 17.0 and exact.p_value == pytest.approx(1 / 9)
    approx = stats.mann_whitney(x, y, exact=False)
    assert approx is not None and approx.p_value == pytest.approx(0.11134688653314041, rel=1e-9)
    # U of the other sample is n1 * n2 - U, and the test is symmetric.
    other = stats.mann_whitney(y, x)
    assert other is not None and other.statistic == 3.0 and other.p_value == exact.p_value
    # Completely separated samples of 3 and 3: the most extreme of 20 arrangements each way.
    apart = stats.mann_whitney([1, 2, 3], [4, 5, 6])
    assert apart is not None and apart.statistic == 0 and apart.p_value == pytest.approx(0.1)


def test_mann_whitney_with_ties_uses_average_ranks_and_the_tie_correction() -> None:
    x, y = [1, 2, 2, 3, 3, 3, 4, 5, 6], [3, 4, 4, 5, 6, 7, 7, 8, 9]
    result = stats.mann_whitney(x, y)
    assert result is not None
    # Worked by hand: ranks of x = 1, 2.5, 2.5, 5.5, 5.5, 5.5, 9, 11.5, 13.5 (sum 56.5),
    # U = 56.5 - 45 = 11.5; ties of sizes 2, 4, 3, 2, 2, 2 in 18 values.
    assert result.statistic == 11.5
    n1 = n2 = 9
    n = 18
    ties = [2, 4, 3, 2, 2, 2]
    variance = n1 * n2 / 12 * ((n + 1) - sum(t**3 - t for t in ties) / (n * (n - 1)))
    z = (abs(11.5 - 40.5) - 0.5) / math.sqrt(variance)
    assert result.p_value == pytest.approx(math.erfc(z / math.sqrt(2)))
    assert result.p_value < 0.05
    assert stats.mann_whitney([], [1.0]) is None


def test_runs_needed_for_a_ten_point_difference() -> None:
    # Fleiss's formula at alpha 0.05 two-sided, power 0.8: 50% -> 60% needs 388 per group.
    assert stats.runs_needed(0.5) == 388
    # 70% -> 80%: (1.95996 * sqrt(2 * .75 * .25) + 0.84162 * sqrt(.21 + .16))^2 / .01 = 293.2.
    assert stats.runs_needed(0.7) == 294
    # Near 100% the change is looked for downwards: 95% -> 85% (140.1, so 141).
    assert stats.runs_needed(0.95) == 141


def test_median() -> None:
    assert stats.median([]) is None
    assert stats.median([5, 1, 3]) == 3
    assert stats.median([4, 1, 3, 2]) == 2.5


def _variant(
    name: str, completed: int, resolved: int, median: float | None = None
) -> VariantResults:
    return VariantResults(
        variant=name,  # type: ignore[arg-type]
        version=1 if name == "a" else 2,
        runs=completed,
        open=0,
        completed=completed,
        resolved=resolved,
        resolution_rate=resolved / completed if completed else None,
        median_active_seconds=median,
        escalations=0,
        abandoned=0,
    )


def test_the_sentence_says_what_the_figures_say() -> None:
    a, b = _variant("a", 0, 0), _variant("b", 0, 0)
    assert conclusion(a, b, None, None, 388) == (
        "Not enough data yet: about 388 more runs per variant needed to detect a 10-point "
        "difference in resolution rate."
    )
    a, b = _variant("a", 40, 20), _variant("b", 30, 17)
    rate = stats.compare_rates(17, 30, 20, 40)
    text = conclusion(a, b, rate, None, 388)
    assert text.startswith("Not enough data yet (p = ") and "about 358 more runs" in text

    a, b = _variant("a", 100, 30, 900), _variant("b", 100, 45, 600)
    rate = stats.compare_rates(45, 100, 30, 100)
    time = stats.TestResult("mann-whitney", 100.0, 0.004)
    assert conclusion(a, b, rate, time, 388) == (
        "B resolves more (45% vs 30% for A, p = 0.03). "
        "B resolves faster (median 10 min vs 15 min for A, p = 0.004)."
    )
    a, b = _variant("a", 400, 200), _variant("b", 400, 204)
    rate = stats.compare_rates(204, 400, 200, 400)
    assert conclusion(a, b, rate, None, 388).startswith(
        "No significant difference between A and B (p = 0.78) after 400 completed runs"
    )


def test_results_from_runs() -> None:
    """The read model's figures from known runs: medians of resolved active times, rates over
    completed runs, and the tests on them."""
    import uuid
    from types import SimpleNamespace

    from resolutionflow.experiments.repository import Run
    from resolutionflow.experiments.service import results

    eid = uuid.uuid4()
    experiment = SimpleNamespace(id=eid, version_a=3, version_b=4)
    a_times, b_times = [19, 22, 16, 29, 24], [20, 11, 17, 12]
    runs = [Run(eid, "a", "resolved", t * 60, False) for t in a_times]
    runs += [Run(eid, "a", "unresolved", 5000, True), Run(eid, "a", "active", 10, False)]
    runs += [Run(eid, "b", "resolved", t * 60, False) for t in b_times]
    runs += [Run(eid, "b", "abandoned", 7, False), Run(eid, "b", "escalated", 70, True)]
    out = results(experiment, runs)  # type: ignore[arg-type]
    assert (out.a.runs, out.a.open, out.a.completed, out.a.resolved) == (7, 1, 6, 5)
    assert out.a.median_active_seconds == 22 * 60 and out.a.escalations == 1
    assert (out.b.runs, out.b.completed, out.b.resolved, out.b.abandoned) == (6, 6, 4, 1)
    assert out.b.median_active_seconds == 14.5 * 60 and out.b.escalations == 1
    assert out.a.resolution_rate == pytest.approx(5 / 6)
    assert out.b.resolution_rate == pytest.approx(4 / 6)
    # Times: SciPy's example again (U of A = 17, exact p = 1/9).
    assert out.time_test is not None and out.time_test.method == "mann-whitney"
    assert out.time_test.statistic == 17 and out.time_test.p_value == pytest.approx(1 / 9)
    # Rates: 4/6 against 5/6 is small: Fisher, p = 1.
    assert out.resolution_test is not None and out.resolution_test.method == "fisher"
    assert out.resolution_test.p_value == pytest.approx(1.0)
    # 9 of 12 resolved (75%): 75% -> 85% needs 250 per variant (by hand:
    # (1.96 * sqrt(2 * .8 * .2) + .8416 * sqrt(.1875 + .1275))^2 / .01 = 249.98);
    # both have 6 completed.
    assert out.runs_needed_per_variant == stats.runs_needed(0.75) == 250
    assert out.more_runs_needed == 244
    assert out.conclusion.startswith("Not enough data yet (p = 1.00 so far): about 244 more runs")
