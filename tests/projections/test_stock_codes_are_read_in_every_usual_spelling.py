"""Stock codes as people type them: digits without their leading zeros, and the exchange from a
prefix or a suffix in any case (SS is Shanghai's other abbreviation); and the exchange of a venue."""

from __future__ import annotations

import pytest

from projections.names import StockCode, exchange_of, parse_code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("688795", StockCode("688795", None)),
        ("600100", StockCode("600100", None)),
        ("688795.SH", StockCode("688795", "SH")),
        ("688795 . sh", StockCode("688795", "SH")),
        ("SH688795", StockCode("688795", "SH")),
        ("ss600100", StockCode("600100", "SH")),
        ("600100.SS", StockCode("600100", "SH")),
        ("sz000001", StockCode("1", "SZ")),
        ("06082.HK", StockCode("6082", "HK")),
        ("HK 6082", StockCode("6082", "HK")),
        ("830799.BJ", StockCode("830799", "BJ")),
        ("000", StockCode("0", None)),
    ],
)
def test_a_code_in_any_usual_spelling(typed, code):
    assert parse_code(typed) == code


@pytest.mark.parametrize("typed", ["Moore Threads", "1234567", "688795.NY", ""])
def test_what_is_not_a_code(typed):
    assert parse_code(typed) is None


def test_the_exchange_of_a_venue_is_named_by_its_first_part():
    assert exchange_of("SSE-STAR") == "SH"
    assert exchange_of("SZSE-CHINEXT") == "SZ"
    assert exchange_of("HKEX-MAIN") == "HK"
    assert exchange_of("BSE") == "BJ"
    assert exchange_of("CN-A") is None
    assert exchange_of("NASDAQ") is None
