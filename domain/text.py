"""Which text may enter the log: an accepted event is forever, so text must be storable and safe to show.

Refused everywhere: NUL and the other C0/C1 control characters (PostgreSQL cannot store NUL in
text, and terminals and spreadsheets act on the others), lone surrogates (not encodable as
UTF-8), and the bidi override, embedding and isolate characters (they reorder what a reader
sees: a name with U+202E displays backwards), and the tag characters U+E0000-E007F (invisible
everywhere, they carry text no reader sees). Long free text may keep newlines and tabs.
"""

from __future__ import annotations

import re
import unicodedata

from domain.errors import InvalidFact

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_SINGLE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI_CONTROLS}]")
_MULTI_LINE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_BIDI_CONTROLS}]")
_TAGS = re.compile("[\U000e0000-\U000e007f]")


def refused_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character ``text`` may not hold, as U+XXXX, or None when every character is fine."""
    found = _TAGS.search(text) or (_MULTI_LINE if multiline else _SINGLE_LINE).search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def check_text(text: str, field: str, *, multiline: bool = False) -> str:
    """``text`` unchanged, or InvalidFact naming ``field`` and the offending character."""
    tag = _TAGS.search(text)
    if tag is not None:
        code = ord(tag.group())
        name = unicodedata.name(tag.group(), "TAG")
        raise InvalidFact(f"{field} contains the tag character U+{code:04X} {name}, which hides text from readers")
    refused = refused_character(text, multiline=multiline)
    if refused is not None:
        allowed = " (newlines and tabs are allowed)" if multiline else ""
        raise InvalidFact(f"{field} contains the control or bidi character {refused}, which is not accepted{allowed}")
    return text
