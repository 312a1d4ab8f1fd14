"""Text cells a spreadsheet opens safely: no formula runs, and Chinese names show (a UTF-8 BOM on request)."""

from __future__ import annotations

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Excel reads a CSV without one in the legacy code page: 赛力斯 opens as 璧涘姏鏂.
BOM = "\ufeff"


def spreadsheet_safe(cell: str) -> str:
    """A text cell a spreadsheet will not run as a formula (OWASP CSV injection): quote-prefixed."""
    return "'" + cell if cell.startswith(FORMULA_TRIGGERS) else cell
