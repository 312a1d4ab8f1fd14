"""One parser per kind of input (a day, a log position, a system time, a vocabulary word), for the
HTTP routes and the command line alike. Each raises InputError naming the input and the problem;
the API turns it into a 422, the CLI into a usage error.

Reads accept exactly the day forms and range that writes accept (``domain.dates.fuzzy_dates``: ISO days,
"June 30 2025", "2025年6月30日", years 1900..2100), so a day that can be recorded can be asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from domain.dates.date_parsing import parse_date
from domain.dates.fuzzy_dates import MAX_YEAR, MIN_YEAR
from domain.errors import InvalidDate
from domain.sources import SourceGrade
from domain.text import refused_character
from domain.vocabulary import MARKETS, FactKind, Stage, Venue, venue_named
from projections.clocks import Clocks

MAX_POSITION_INPUT = 2**63 - 2  # positions are signed 64-bit; one less leaves room for "after N" = N + 1
MAX_ECHO_CHARS = 200
_POSITION = re.compile(r"[0-9]{1,19}")  # ASCII only: str.isdigit() also accepts "²" and "١"


class InputError(ValueError):
    """An input the service cannot read; ``name`` is the parameter, ``value`` what was given."""

    def __init__(self, name: str, value: object, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.value = value
        self.message = message


def clip(value: object, limit: int = MAX_ECHO_CHARS) -> object:
    """An input as it may be echoed back in an error: text over ``limit`` characters is cut."""
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + f"… ({len(value)} characters)"
    if isinstance(value, (bytes, bytearray)):
        return clip(value[:limit].decode("utf-8", "replace"), limit)
    return value


MARKET_TIME = ZoneInfo("Asia/Shanghai")


def today() -> date:
    """The default valid day of every read: today where the markets are (Asia/Shanghai)."""
    return datetime.now(MARKET_TIME).date()


def parse_day_or_today(name: str, text: str | None) -> date:
    return today() if text is None else parse_day(name, text)


def parse_day(name: str, text: str) -> date:
    """One day in any form a write accepts; a span ("June 2025") is refused with its bounds."""
    try:
        parsed = parse_date(text)
    except InvalidDate as error:
        raise InputError(name, text, str(error)) from None
    if not parsed.is_exact:
        raise InputError(name, text, f"{clip(text, 40)!r} spans {parsed.earliest}..{parsed.latest}; give one day")
    return parsed.earliest


def parse_day_range(start_name: str, start_text: str, end_name: str, end_text: str | None) -> tuple[date, date]:
    """Two days of a range (the end defaults to today); the first after the second is an error."""
    start, end = parse_day(start_name, start_text), parse_day_or_today(end_name, end_text)
    if start > end:
        raise InputError(start_name, start_text, f"{start} is after {end_name!r} {end}")
    return start, end


def parse_position(name: str, text: str) -> int:
    """A log position: ASCII digits, at most 2^63 - 2."""
    if not _POSITION.fullmatch(text):
        raise InputError(name, text, f"{clip(text, 40)!r} is not a log position (a whole number >= 0)")
    value = int(text)
    if value > MAX_POSITION_INPUT:
        raise InputError(name, text, f"{text} is beyond the largest log position {MAX_POSITION_INPUT}")
    return value


def parse_system_time(name: str, text: str) -> int | datetime:
    """``known_at``: a log position, an RFC 3339 date-time (naive = UTC), or a day (its last moment)."""
    if _POSITION.fullmatch(text):
        return parse_position(name, text)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            return datetime.combine(parse_day(name, text), time.max, UTC)
        except InputError:
            raise InputError(name, text, f"{clip(text, 40)!r} is neither a log position nor an ISO date-time") from None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        raise InputError(name, text, f"year {moment.year} is outside {MIN_YEAR}..{MAX_YEAR}")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_text(name: str, text: str) -> str:
    """Free text to match on (a sector): no control or bidi characters, which nothing stored holds."""
    refused = refused_character(text)
    if refused is not None:
        raise InputError(name, text, f"contains the control or bidi character {refused}")
    return text


def parse_word(name: str, text: str, allowed: Iterable[str]) -> str:
    """One word of the vocabulary, or an error listing every allowed word."""
    words = list(allowed)
    if text not in words:
        raise InputError(name, text, f"{clip(text, 40)!r} is not one of {', '.join(words)}")
    return text


def parse_venue(name: str, text: str) -> str:
    """A venue by its code or a name people use (STAR, 科创板, sse-star), answered as its code."""
    venue = venue_named(text)
    if venue is None:
        raise InputError(
            name,
            text,
            f"{clip(text, 40)!r} is not one of {', '.join(_values(Venue))} (names such as STAR or 科创板 are read too)",
        )
    return venue.value


def parse_venue_or_market(name: str, text: str) -> str:
    """A venue (by its code or a name people use) or a market scope."""
    venue = venue_named(text)
    return venue.value if venue is not None else parse_word(name, text, MARKETS)


def parse_stage(name: str, text: str) -> str:
    return parse_word(name, text, _values(Stage))


def parse_kind(name: str, text: str) -> str:
    return parse_word(name, text, _values(FactKind))


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def parse_knowledge_time(name: str, text: str, position_at: Callable[[datetime], int]) -> int:
    """A knowledge time as a log position: a position, or a system time (the last position recorded by
    then, which ``position_at`` finds); a position past the head knows everything recorded so far."""
    parsed = parse_system_time(name, text)
    return position_at(parsed) if isinstance(parsed, datetime) else min(parsed, Clocks.NOW)


def parse_clocks(
    day_name: str,
    day: str | None,
    known_at: str | None,
    published_by: str | None,
    certain_only: bool,
    position_at: Callable[[datetime], int],
    min_source_grade: str | None = None,
) -> Clocks:
    """The three clocks of a question from raw values, for the API and the CLI alike: ``day_name``
    holds the valid day (today in Asia/Shanghai when not given); ``known_at`` is a log position or
    a system time, which ``position_at`` turns into the last position recorded by then."""
    known = Clocks.NOW if known_at is None else parse_knowledge_time("known_at", known_at, position_at)
    return Clocks(
        parse_day_or_today(day_name, day),
        known,
        parse_day("published_by", published_by) if published_by else None,
        certain_only,
        parse_grade(min_source_grade).rank if min_source_grade else 0,
    )


def parse_grade(text: str) -> SourceGrade:
    """A source grade by its name (primary_disclosure, reputable_report, other)."""
    try:
        return SourceGrade(text.strip())
    except ValueError:
        raise InputError(
            "min_source_grade", text, f"{clip(text, 40)!r} is not one of {', '.join(SourceGrade)}"
        ) from None
