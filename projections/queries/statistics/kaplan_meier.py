"""The Kaplan-Meier estimator with a log(-log) Greenwood band and the median's confidence interval.

A few lines of arithmetic, kept here rather than pulling a statistics stack (lifelines brings pandas,
scipy and matplotlib) into the service; the tests check every number against lifelines'
``KaplanMeierFitter``. The band is the exponential Greenwood one lifelines draws
(``confidence_interval_``): pointwise, on log(-log S), so it stays within 0..1. The median's interval
inverts that band, as Brookmeyer and Crowley do: from the first day its lower edge falls to one half
to the first day its upper edge does (``median_survival_times(kmf.confidence_interval_)`` in
lifelines, R's ``survfit(conf.type = "log-log")``). ``None`` stands for a time the curve or an edge
never falls to (lifelines' infinity), which JSON cannot carry.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist


@dataclass(frozen=True)
class Step:
    """The curve at ``day``: the share not yet listed just after it, its band, and who was at risk just before."""

    day: float
    exact: Fraction  # the survival as an exact ratio: a curve at exactly one half is at the median
    lower: float
    upper: float
    at_risk: int
    events: int
    censored: int

    @property
    def survival(self) -> float:
        return float(self.exact)


def estimate(durations: Sequence[float], observed: Sequence[bool], confidence: float = 0.95) -> list[Step]:
    """The curve at day 0 and at every day a span ends (with an event or censored), as lifelines gives it;
    no curve at all without spans.

    At a day with both, the events come first: a span censored that day was still at risk of them."""
    if not durations:
        return []
    if len(durations) != len(observed):
        raise ValueError("one observed flag per duration")
    if any(d < 0 for d in durations):
        raise ValueError("durations are never negative")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    events = Counter(d for d, seen in zip(durations, observed, strict=True) if seen)
    ended = Counter(durations)
    at_risk, survival, greenwood = len(durations), Fraction(1), 0.0
    steps = []
    for day in sorted({0.0, *ended}):
        died, leaving = events[day], ended[day]
        if died:
            survival *= 1 - Fraction(died, at_risk)
            # Greenwood's sum; infinite once everyone at risk has the event (the curve is then 0)
            greenwood = math.inf if died == at_risk else greenwood + died / (at_risk * (at_risk - died))
        lower, upper = _band(float(survival), greenwood, z)
        steps.append(Step(day, survival, lower, upper, at_risk, died, leaving - died))
        at_risk -= leaving
    return steps


def _band(survival: float, greenwood: float, z: float) -> tuple[float, float]:
    """exp(-exp(log(-log S) -/+ z sqrt(V) / log S)); at S = 1 the band is 1 and at S = 0 it is 0, as in lifelines."""
    if survival >= 1.0:
        return 1.0, 1.0
    if survival <= 0.0:
        return 0.0, 0.0
    log_s = math.log(survival)
    spread = z * math.sqrt(greenwood) / log_s  # negative: log S < 0
    centre = math.log(-log_s)
    return math.exp(-math.exp(centre - spread)), math.exp(-math.exp(centre + spread))


def first_at_or_below(steps: Sequence[Step], level: float | Fraction, edge: str = "exact") -> float | None:
    """The first day the curve (or an edge of its band: ``lower``, ``upper``) is at or below ``level``."""
    return next((step.day for step in steps if getattr(step, edge) <= level), None)


def median(steps: Sequence[Step]) -> tuple[float | None, float | None, float | None]:
    """The median and its confidence interval: the days the curve and each edge of its band first reach one half."""
    return (
        first_at_or_below(steps, Fraction(1, 2)),
        first_at_or_below(steps, 0.5, "lower"),
        first_at_or_below(steps, 0.5, "upper"),
    )
