"""The plain form of value objects: the JSON-ready builtins that events, read models and the feed share."""

from datetime import UTC, date, datetime
from decimal import Decimal
from uuid import UUID

import pytest

from domain.dates.date_parsing import parse_date
from domain.field_values import build_fields
from domain.money import parse_money
from domain.plain import plain
from domain.sources import Source, SourceKind
from domain.vocabulary import FactKind, Venue


@pytest.mark.parametrize("value", [None, True, 7, 1.5, "text"])
def test_builtins_are_already_plain(value: object) -> None:
    assert plain(value) is value


def test_an_enum_is_its_value_as_plain_text() -> None:
    assert plain(Venue.SSE_STAR) == "SSE-STAR"
    assert type(plain(Venue.SSE_STAR)) is str


def test_money_keeps_its_currency_and_its_exact_amount_as_text() -> None:
    assert plain(parse_money("CNY 4.2 billion")) == {"amount": "4200000000", "currency": "CNY"}
    assert plain(Decimal("12.50")) == "12.50"


def test_a_fuzzy_date_keeps_its_text_raw_text_and_bounds() -> None:
    assert plain(parse_date("late June 2025")) == {
        "text": "late 2025-06",
        "raw": "late June 2025",
        "earliest": "2025-06-21",
        "latest": "2025-06-30",
    }


def test_a_source_lists_only_what_it_states_in_a_fixed_order() -> None:
    article = Source("caixin.txt", parse_date("2025-07"), "Late June ...", url="https://caixin.com/a")
    assert list(plain(article).items()) == [
        ("kind", "article"),
        ("document", "caixin.txt"),
        ("published", {"text": "2025-07", "raw": "2025-07", "earliest": "2025-07-01", "latest": "2025-07-31"}),
        ("url", "https://caixin.com/a"),
        ("quote", "Late June ..."),
    ]
    notice = Source(
        "sse-notice",
        parse_date("2025-06-30"),
        kind=SourceKind.DISCLOSURE,
        url="https://sse.com.cn/n",
        title="Notice",
        publisher="SSE",
        statement="Accepted.",
        date_text="30 June",
    )
    assert list(plain(notice)) == [
        "kind",
        "document",
        "published",
        "title",
        "publisher",
        "url",
        "statement",
        "date_text",
    ]


def test_fields_are_the_stated_ones_made_plain() -> None:
    fields = build_fields(FactKind.FUNDING_ROUND, {"round": "B", "amount": "USD 67 million", "investors": ["A", "B"]})
    assert plain(fields) == {
        "round": "B",
        "amount": {"amount": "67000000", "currency": "USD"},
        "investors": ["A", "B"],
    }


def test_days_times_and_ids_are_their_iso_and_canonical_text() -> None:
    assert plain(date(2025, 6, 30)) == "2025-06-30"
    assert plain(datetime(2025, 6, 30, 8, 0, tzinfo=UTC)) == "2025-06-30T08:00:00+00:00"
    assert plain(UUID("00000000-0000-0000-0000-000000000001")) == "00000000-0000-0000-0000-000000000001"


def test_containers_are_made_plain_all_the_way_down_with_text_keys() -> None:
    assert plain({1: Decimal("1.0"), "venues": (Venue.BSE, [Venue.CN_A])}) == {"1": "1.0", "venues": ["BSE", ["CN-A"]]}


@pytest.mark.parametrize(("value", "name"), [(object(), "object"), ({1, 2}, "set"), (b"x", "bytes")])
def test_anything_else_has_no_plain_form_and_says_what_it_is(value: object, name: str) -> None:
    with pytest.raises(TypeError, match=f"^no plain form for {name}$"):
        plain(value)
