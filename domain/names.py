"""Company names: how two spellings of one name are recognised as the same."""

from __future__ import annotations

import re
import unicodedata

from domain.errors import InvalidFact
from domain.text import check_text

MAX_NAME_CHARS = 200
_IGNORED = re.compile(r"[\s.,'’\"“”()\[\]·・、，。（）]+")


def normalise_name(name: str) -> str:
    """Case, width, spacing and punctuation do not tell names apart (Co., Ltd. = co ltd)."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidFact("a company name must be non-empty text")
    if len(name) > MAX_NAME_CHARS:
        raise InvalidFact(f"company name {name[:40]!r}... is longer than {MAX_NAME_CHARS} characters")
    check_text(name, "company name")
    folded = unicodedata.normalize("NFKC", name).casefold()
    key = _IGNORED.sub(" ", folded).strip()
    if not key:
        raise InvalidFact(f"company name {name!r} has no letters or digits")
    return key


def clean_name(name: str) -> str:
    """The name as given, trimmed and with runs of spaces collapsed."""
    normalise_name(name)
    return re.sub(r"\s+", " ", name.strip())
