"""Reading a date in any form the sources write it (ISO, EDTF, English and Chinese phrases) into a FuzzyDate;
errors quote the input."""

from __future__ import annotations

import calendar
import re
import unicodedata

from domain.dates.fuzzy_dates import (
    FuzzyDate,
    in_half,
    in_month,
    in_quarter,
    in_year,
    on_day,
    part_of_month,
    part_of_year,
)
from domain.errors import InvalidDate
from domain.text import refused_character

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}


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
_MONTHS["sept"] = 9


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
        return on_day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        number = int(m[2])
        if number in _EDTF_QUARTERS:
            return in_quarter(int(m[1]), _EDTF_QUARTERS[number])
        if number in _EDTF_HALVES:
            return in_half(int(m[1]), _EDTF_HALVES[number])
        return in_month(int(m[1]), number)
    if m := re.fullmatch(r"(\d{4})", text):
        return in_year(int(m[1]))
    if m := re.fullmatch(r"(\d{4})-?q([1-4])", text):
        return in_quarter(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-?h([12])", text):
        return in_half(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(early|mid|late) (\d{4})-(\d{2})", text):
        return part_of_month(m[1], int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(early|mid|late) (\d{4})", text):
        return part_of_year(m[1], int(m[2]))
    return None


def _parse_english(text: str) -> FuzzyDate | None:
    text = text.removesuffix(".").replace(",", " ")
    text = re.sub(r"\s+", " ", text).strip()
    month = r"([a-z]{3,9})"
    if m := re.fullmatch(rf"{month} (\d{{1,2}})(?:st|nd|rd|th)? (\d{{4}})", text):
        return on_day(int(m[3]), _month_number(m[1]), int(m[2]))
    if m := re.fullmatch(rf"(\d{{1,2}}) {month} (\d{{4}})", text):
        return on_day(int(m[3]), _month_number(m[2]), int(m[1]))
    if m := re.fullmatch(rf"(early|mid|late)[ -]{month} (\d{{4}})", text):
        return part_of_month(m[1], int(m[3]), _month_number(m[2]))
    if m := re.fullmatch(rf"{month} (\d{{4}})", text):
        return in_month(int(m[2]), _month_number(m[1]))
    if m := re.fullmatch(r"(early|mid|late)[ -](\d{4})", text):
        return part_of_year(m[1], int(m[2]))
    if m := re.fullmatch(r"q([1-4]) (\d{4})", text):
        return in_quarter(int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(?:the )?(first|second|third|fourth) quarter (?:of )?(\d{4})", text):
        return in_quarter(int(m[2]), ("first", "second", "third", "fourth").index(m[1]) + 1)
    if m := re.fullmatch(r"h([12]) (\d{4})", text):
        return in_half(int(m[2]), int(m[1]))
    if m := re.fullmatch(r"(?:the )?(first|second) half (?:of )?(\d{4})", text):
        return in_half(int(m[2]), 1 if m[1] == "first" else 2)
    if m := re.fullmatch(rf"between {month} (\d{{1,2}}) and (?:{month} )?(\d{{1,2}}) (\d{{4}})", text):
        year = int(m[5])
        start = on_day(year, _month_number(m[1]), int(m[2]))
        end = on_day(year, _month_number(m[3] or m[1]), int(m[4]))
        return _parse_interval(f"{start.text}/{end.text}")
    return None


def _parse_chinese(text: str) -> FuzzyDate | None:
    if "年" not in text:
        return None
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", text):
        return on_day(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(上旬|中旬|下旬|初|底|末)", text):
        return part_of_month(_ZH_MONTH_PARTS[m[3]], int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})年(\d{1,2})月(?:份)?", text):
        return in_month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})年(?:度)?", text):
        return in_year(int(m[1]))
    if m := re.fullmatch(r"(\d{4})年(上|下)半年", text):
        return in_half(int(m[1]), 1 if m[2] == "上" else 2)
    if m := re.fullmatch(r"(\d{4})年第?([一二三四1-4])季度", text):
        return in_quarter(int(m[1]), _ZH_QUARTERS[m[2]])
    if m := re.fullmatch(r"(\d{4})(年初|年中|年底|年末)", text):
        return part_of_year(_ZH_YEAR_PARTS[m[2]], int(m[1]))
    return None


def _month_number(name: str) -> int:
    try:
        return _MONTHS[name]
    except KeyError:
        raise InvalidDate(f"{name!r} is not a month") from None
