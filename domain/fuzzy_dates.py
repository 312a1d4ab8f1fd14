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
import unicodedata
from dataclasses import dataclass
from datetime import date

from domain.errors import InvalidDate
from domain.text import refused_character

MIN_YEAR = 1900
MAX_YEAR = 2100

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
_MONTHS["sept"] = 9
_PARTS = ("early", "mid", "late")
_ZH_MONTH_PARTS = {"上旬": "early", "初": "early", "中旬": "mid", "下旬": "late", "底": "late", "末": "late"}
_ZH_YEAR_PARTS = {
    "初": "early",
    "年初": "early",
    "中": "mid",
    "年中": "mid",
    "底": "late",
    "末": "late",
    "年底": "late",
    "年末": "late",
}
_ZH_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_EDTF_QUARTERS = {33: 1, 34: 2, 35: 3, 36: 4}
_EDTF_HALVES = {40: 1, 41: 2}


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


def parse_date(raw: str) -> FuzzyDate:
    """Read a date in any form DESIGN.md lists; raise InvalidDate quoting the input."""
    if not isinstance(raw, str):
        raise InvalidDate(f"date must be text, got {type(raw).__name__} {raw!r}")
    refused = refused_character(raw)
    if refused is not None:
        raise InvalidDate(f"date {raw[:40]!r} contains the control or bidi character {refused}")
    text = _normalise(raw)
    if not text:
        raise InvalidDate(f"date {raw!r} is empty")
    try:
        parsed = _parse_interval(text) if "/" in text else _parse_single(text)
    except InvalidDate as error:
        raise InvalidDate(f"date {raw!r}: {error}") from None
    if parsed is None:
        raise InvalidDate(f"date {raw!r} is not a date we can read")
    return parsed.with_raw(raw.strip())


def _normalise(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).strip().lower()
    text = re.sub(r"\s+", " ", text)
    return text.replace("–", "-").replace("—", "-")


def _parse_interval(text: str) -> FuzzyDate | None:
    start_text, _, end_text = text.partition("/")
    if "/" in end_text:
        raise InvalidDate("an interval has exactly one '/'")
    start, end = _parse_single(start_text.strip()), _parse_single(end_text.strip())
    if start is None or end is None:
        return None
    if start.earliest > end.earliest or start.latest > end.latest:
        raise InvalidDate(f"interval is reversed: {start.text} comes after {end.text}")
    if start.text == end.text:
        return start
    return FuzzyDate(f"{start.text}/{end.text}", start.earliest, end.latest)


def _parse_single(text: str) -> FuzzyDate | None:
    for parser in (_parse_iso, _parse_english, _parse_chinese):
        parsed = parser(text)
        if parsed is not None:
            return parsed
    return None


def _parse_iso(text: str) -> FuzzyDate | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        number = int(m[2])
        if number in _EDTF_QUARTERS:
            return _quarter(int(m[1]), _EDTF_QUARTERS[number])
        if number in _EDTF_HALVES:
            return _half(int(m[1]), _EDTF_HALVES[number])
        return _month(int(m[1]), number)
    if m := re.fullmatch(r"(\d{4})", text):
        return _year(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-?q([1-4])", text):
        return _quarter(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-?h([12])", text):
        return _half(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(early|mid|late) (\d{4})-(\d{2})", text):
        return _part_of_month(m[1], int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(early|mid|late) (\d{4})", text):
        return _part_of_year(m[1], int(m[2]))
    return None


def _parse_english(text: str) -> FuzzyDate | None:
    text = text.removesuffix(".").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    month = r"([a-z]{3,9})"
    if m := re.fullmatch(rf"{month} (\d{{1,2}})(?:st|nd|rd|th)? (\d{{4}})", text):
        return _day(int(m[3]), _month_number(m[1]), int(m[2]))
    if m := re.fullmatch(rf"(\d{{1,2}}) {month} (\d{{4}})", text):
        return _day(int(m[3]), _month_number(m[2]), int(m[1]))
    if m := re.fullmatch(rf"(early|mid|late)[ -]{month} (\d{{4}})", text):
        return _part_of_month(m[1], int(m[3]), _month_number(m[2]))
    if m := re.fullmatch(rf"{month} (\d{{4}})", text):
        return _month(int(m[2]), _month_number(m[1]))
    if m := re.fullmatch(r"(early|mid|late)[ -](\d{4})", text):
        return _part_of_year(m[1], int(m[2]))
    if m := re.fullmatch(r"q([1-4]) (\d{4})", text):
        return _quarter(int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(?:the )?(first|second|third|fourth) quarter (?:of )?(\d{4})", text):
        return _quarter(int(m[2]), ("first", "second", "third", "fourth").index(m[1]) + 1)
    if m := re.fullmatch(r"h([12]) (\d{4})", text):
        return _half(int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(?:the )?(first|second) half (?:of )?(\d{4})", text):
        return _half(int(m[2]), 1 if m[1] == "first" else 2)
    if m := re.fullmatch(rf"between {month} (\d{{1,2}}) and (?:{month} )?(\d{{1,2}}) (\d{{4}})", text):
        year = int(m[5])
        start = _day(year, _month_number(m[1]), int(m[2]))
        end = _day(year, _month_number(m[3] or m[1]), int(m[4]))
        return _parse_interval(f"{start.text}/{end.text}")
    return None


def _parse_chinese(text: str) -> FuzzyDate | None:
    if "年" not in text:
        return None
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(上旬|中旬|下旬|初|底|末)", text):
        return _part_of_month(_ZH_MONTH_PARTS[m[3]], int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(?:份)?", text):
        return _month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})年(?:度)?", text):
        return _year(int(m[1]))
    if m := re.fullmatch(r"(\d{4})年(上|下)半年", text):
        return _half(int(m[1]), 1 if m[2] == "上" else 2)
    if m := re.fullmatch(r"(\d{4})年第?([一二三四1-4])季度", text):
        return _quarter(int(m[1]), _ZH_QUARTERS[m[2]])
    if m := re.fullmatch(r"(\d{4})(年初|年中|年底|年末)", text):
        return _part_of_year(_ZH_YEAR_PARTS[m[2]], int(m[1]))
    return None


def _month_number(name: str) -> int:
    try:
        return _MONTHS[name]
    except KeyError:
        raise InvalidDate(f"{name!r} is not a month") from None


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidDate(f"year {year} is outside {MIN_YEAR}..{MAX_YEAR}")


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(f"month {month} does not exist")


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _day(year: int, month: int, day: int) -> FuzzyDate:
    _check_year(year)
    _check_month(month)
    if not 1 <= day <= _last_day(year, month):
        raise InvalidDate(f"{year:04d}-{month:02d} has no day {day}")
    when = date(year, month, day)
    return FuzzyDate(when.isoformat(), when, when)


def _month(year: int, month: int) -> FuzzyDate:
    _check_year(year)
    _check_month(month)
    return FuzzyDate(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, _last_day(year, month)))


def _year(year: int) -> FuzzyDate:
    _check_year(year)
    return FuzzyDate(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))


def _months_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), date(year, last, _last_day(year, last))


def _quarter(year: int, quarter: int) -> FuzzyDate:
    _check_year(year)
    earliest, latest = _months_span(year, 3 * quarter - 2, 3 * quarter)
    return FuzzyDate(f"{year:04d}-Q{quarter}", earliest, latest)


def _half(year: int, half: int) -> FuzzyDate:
    _check_year(year)
    earliest, latest = _months_span(year, 6 * half - 5, 6 * half)
    return FuzzyDate(f"{year:04d}-H{half}", earliest, latest)


def _part_of_month(part: str, year: int, month: int) -> FuzzyDate:
    _check_year(year)
    _check_month(month)
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, _last_day(year, month))}[part]
    return FuzzyDate(f"{part} {year:04d}-{month:02d}", date(year, month, first), date(year, month, last))


def _part_of_year(part: str, year: int) -> FuzzyDate:
    _check_year(year)
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
    if text.startswith(_PARTS):
        return None
    return text
