"""Fuzzy dates: what a source says about *when*, with computed bounds.

House conventions (DESIGN.md):
- a year is 1 Jan..31 Dec, a month its first..last day, a quarter or half its months;
- early / mid / late of a month are days 1-10 / 11-20 / 21-end (the Chinese 上旬 / 中旬 / 下旬);
- early / mid / late of a year are Jan-Apr / May-Aug / Sep-Dec (年初 / 年中 / 年底);
- an interval runs from its start's earliest day to its end's latest day.

The canonical text is our own readable form (``2025-Q1``, ``late 2023``, ``mid 2025-06``);
``edtf`` gives the EDTF / ISO 8601-2 form where one exists. The `edtf` package is not used:
its bounds for sub-year groupings and its free-text parser disagree with these conventions.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from domain.errors import InvalidDate

MIN_YEAR = 1900
MAX_YEAR = 2100

PARTS = ("early", "mid", "late")


@dataclass(frozen=True, order=False)
class FuzzyDate:
    """A date as precise as its source: canonical text, raw text and inclusive bounds."""

    text: str
    earliest: date
    latest: date
    raw: str = ""

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise InvalidDate(f"date {self.text!r}: earliest {self.earliest} is after latest {self.latest}")
        if not self.raw:
            object.__setattr__(self, "raw", self.text)

    @property
    def is_exact(self) -> bool:
        return self.earliest == self.latest

    @property
    def sort_key(self) -> tuple[date, date, str]:
        """Deterministic order: earliest bound, then latest bound, then canonical text."""
        return (self.earliest, self.latest, self.text)

    def possibly_by(self, day: date) -> bool:
        return self.earliest <= day

    def certainly_by(self, day: date) -> bool:
        return self.latest <= day

    def contains(self, other: FuzzyDate) -> bool:
        """True when every day ``other`` allows is also allowed by ``self``."""
        return self.earliest <= other.earliest and other.latest <= self.latest

    @property
    def edtf(self) -> str | None:
        """The EDTF (ISO 8601-2) form, or None where EDTF has no equivalent."""
        return _edtf_of(self.text)

    @classmethod
    def day(cls, day: date) -> FuzzyDate:
        """One exact day."""
        return cls(day.isoformat(), day, day)

    def with_raw(self, raw: str) -> FuzzyDate:
        return FuzzyDate(self.text, self.earliest, self.latest, raw)

    def __str__(self) -> str:
        return self.text


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidDate(f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")


def check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(f"month {month} does not exist")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def on_day(year: int, month: int, day: int) -> FuzzyDate:
    check_year(year)
    check_month(month)
    if not 1 <= day <= last_day(year, month):
        raise InvalidDate(f"{year:04d}-{month:02d} has no day {day}")
    when = date(year, month, day)
    return FuzzyDate(when.isoformat(), when, when)


def in_month(year: int, month: int) -> FuzzyDate:
    check_year(year)
    check_month(month)
    return FuzzyDate(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last_day(year, month)))


def in_year(year: int) -> FuzzyDate:
    check_year(year)
    return FuzzyDate(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))


def _months_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, last_day(year, last))


def in_quarter(year: int, quarter: int) -> FuzzyDate:
    check_year(year)
    earliest, latest = _months_span(year, 3 * quarter - 2, 3 * quarter)
    return FuzzyDate(f"{year:04d}-Q{quarter}", earliest, latest)


def in_half(year: int, half: int) -> FuzzyDate:
    check_year(year)
    earliest, latest = _months_span(year, 6 * half - 5, 6 * half)
    return FuzzyDate(f"{year:04d}-H{half}", earliest, latest)


def part_of_month(part: str, year: int, month: int) -> FuzzyDate:
    check_year(year)
    check_month(month)
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day(year, month))}[part]
    return FuzzyDate(f"{part} {year:04d}-{month:02d}", date(year, month, first), date(year, month, last))


def part_of_year(part: str, year: int) -> FuzzyDate:
    check_year(year)
    first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    earliest, latest = _months_span(year, first, last)
    return FuzzyDate(f"{part} {year:04d}", earliest, latest)


def _edtf_of(text: str) -> str | None:
    if "/" in text:
        start, _, end = text.partition("/")
        start_edtf, end_edtf = _edtf_of(start), _edtf_of(end)
        return f"{start_edtf}/{end_edtf}" if start_edtf and end_edtf else None
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", text):
        return f"{m[1]}-{32 + int(m[2])}"
    if m := re.fullmatch(r"(\d{4})-H([12])", text):
        return f"{m[1]}-{39 + int(m[2])}"
    if text.startswith(PARTS):
        return None
    return text
