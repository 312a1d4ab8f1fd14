"""The Kaplan-Meier estimator gives lifelines' numbers: the curve, its band, who is at risk, the median and
the median's interval, on random cohorts with censoring and on the seed data's STAR and HKEX cohorts.

lifelines multiplies the curve's factors as a sum of logarithms, so a curve at exactly one half can read
0.5000000000000001 there (and miss the median) or 0.4999999999999998. Ours multiplies exact ratios, so the
median is compared with the first day lifelines' curve is within 1e-9 of one half or below.
"""

from __future__ import annotations

import math
import random
import warnings
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times

from projections.clocks import Clocks
from projections.queries.statistics.kaplan_meier import estimate, median


def lifelines_fit(durations, observed):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lifelines warns about pandas' and its own approximations
        return KaplanMeierFitter().fit(durations, observed)


def infinite_as_none(value):
    return None if math.isinf(value) else float(value)


def assert_agrees_with_lifelines(durations, observed):
    fitted = lifelines_fit(durations, observed)
    steps = estimate(durations, observed)
    curve = fitted.survival_function_.iloc[:, 0]
    band = fitted.confidence_interval_
    assert [step.day for step in steps] == list(curve.index)
    assert [step.at_risk for step in steps] == list(fitted.event_table["at_risk"])
    for step, survival, lower, upper in zip(steps, curve, band.iloc[:, 0], band.iloc[:, 1], strict=True):
        assert step.survival == pytest.approx(survival, abs=1e-12)
        assert step.lower == pytest.approx(lower, abs=1e-9)
        assert step.upper == pytest.approx(upper, abs=1e-9)
    ours, ours_lower, ours_upper = median(steps)
    reached = [day for day, survival in curve.items() if survival <= 0.5 + 1e-9]
    assert ours == (reached[0] if reached else None)
    if not any(abs(survival - 0.5) < 1e-9 for survival in curve):
        assert ours == infinite_as_none(fitted.median_survival_time_)
    interval = median_survival_times(fitted.confidence_interval_)
    assert (ours_lower, ours_upper) == (infinite_as_none(interval.iloc[0, 0]), infinite_as_none(interval.iloc[0, 1]))


@pytest.mark.parametrize("seed", range(60))
def test_random_cohorts_with_censoring_give_lifelines_numbers(seed):
    rng = random.Random(seed)
    size = rng.randint(1, 60)
    listed_share = rng.choice([0.2, 0.5, 0.8, 1.0])
    # half-days as midpoints of fuzzy dates make, and ties between events and censorings
    durations = [rng.randint(0, 400) / 2 for _ in range(size)]
    observed = [rng.random() < listed_share for _ in range(size)]
    assert_agrees_with_lifelines(durations, observed)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30).map(lambda d: d / 2), st.booleans()), min_size=1, max_size=25),
)
def test_any_small_cohort_gives_lifelines_numbers(spans):
    durations, observed = zip(*spans, strict=True)
    assert_agrees_with_lifelines(list(durations), list(observed))


def test_a_curve_at_exactly_one_half_has_its_median_there():
    steps = estimate([1.0, 2.0, 3.0, 4.0], [True, True, True, True])
    assert median(steps)[0] == 2.0  # S(2) = 1/2 exactly: the first day at or below one half


def test_no_spans_make_no_curve_and_no_median():
    assert estimate([], []) == []
    assert median([]) == (None, None, None)


def test_negative_durations_and_unpaired_flags_are_refused():
    with pytest.raises(ValueError, match="negative"):
        estimate([-1.0], [True])
    with pytest.raises(ValueError, match="one observed"):
        estimate([1.0], [])


@pytest.mark.parametrize(("venue", "cohort"), [("SSE-STAR", "year"), ("SSE-STAR", "quarter"), ("HKEX-MAIN", "year")])
def test_the_seed_datas_cohorts_give_lifelines_numbers(seeded, venue, cohort):
    answer = seeded.queries.time_to_listing(Clocks(date(2026, 1, 31)), venue, cohort)
    assert answer["cohorts"]
    for group in [*answer["cohorts"], answer["overall"]]:
        durations = [span["days"] for span in group["spans"]]
        observed = [span["outcome"] == "listed" for span in group["spans"]]
        assert_agrees_with_lifelines(durations, observed)
        fitted = lifelines_fit(durations, observed)
        assert [point["survival"] for point in group["curve"]] == pytest.approx(
            list(fitted.survival_function_.iloc[:, 0]), abs=1e-6
        )
        interval = median_survival_times(fitted.confidence_interval_)
        assert (group["median_days_ci"]["lower"], group["median_days_ci"]["upper"]) == (
            infinite_as_none(interval.iloc[0, 0]),
            infinite_as_none(interval.iloc[0, 1]),
        )
