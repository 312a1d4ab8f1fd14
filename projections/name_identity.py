"""One identity for company names, shared by writes and reads.

A read finds a company by its name's match key (``names.match_key``: case, width, traditional or
simplified, punctuation and legal form folded). A write that let two companies hold one key would
make both unreachable by it, so writes compare names by that same key and, beyond it, by its
confusable skeleton (Unicode TR39, computed by ICU): "ΜetaX" with a Greek Mu, or "Сambricon" with a
Cyrillic Es, looks like a name another company holds, and is taken as that name.

Some characters never belong in a name: a reader cannot see default-ignorable ones (zero-width
spaces, soft hyphens, tag characters, variation selectors ...), bidi marks move what a reader sees,
and an unassigned code point means nothing yet. A word that mixes scripts the way look-alike names
do ("Сambricon": Cyrillic and Latin) is refused as well; ICU's "highly restrictive" level still
allows Latin beside Han, kana or Hangul ("H股").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import icu

from domain.errors import InvalidFact
from projections.names import match_key

_WORDS = re.compile(r"[\s\-_/.,;:·・、，。()（）\[\]]+")


@dataclass(frozen=True)
class NameIdentity:
    """What two names must not share when they belong to two companies."""

    read_key: str  # what reads look names up by
    skeleton: str  # the read key as it looks in small letters (TR39 skeleton)
    capitals_skeleton: str  # and in capitals: "ΜΕΤΑΧ" in Greek capitals looks like "METAX", "μεταχ" not like "metax"

    def claims(self) -> list[tuple[str, str]]:
        """(kind, key) of each key another company's name may not share."""
        return [("read", self.read_key), ("skeleton", self.skeleton), ("capitals-skeleton", self.capitals_skeleton)]


def identity_of(name: str) -> NameIdentity:
    """The read key of ``name`` and that key's confusable skeletons, case folded again: a skeleton keeps
    case, and reads do not ("unis0c" has the skeleton "unisOc", which reads as "unisoc")."""
    key = match_key(name)
    checker = _spoof_checker()
    return NameIdentity(key, checker.getSkeleton(0, key).casefold(), checker.getSkeleton(0, key.upper()).casefold())


def check_name_characters(name: str, field: str = "company name") -> None:
    """InvalidFact naming the first invisible, bidi or unassigned character, or a word mixing scripts."""
    for character in name:
        if _never_in_names().contains(character):
            raise InvalidFact(f"{field} contains {describe(character)}, which a reader cannot see or is not assigned")
    for word in _WORDS.split(name):
        if word and _spoof_checker_for_scripts().check(word):
            raise InvalidFact(
                f"{field} mixes scripts in the word {word[:40]!r} the way look-alike names do "
                "(e.g. a Cyrillic or Greek letter inside a Latin word)"
            )


def describe(character: str) -> str:
    """U+200B ZERO WIDTH SPACE."""
    return f"U+{ord(character):04X} {unicodedata.name(character, 'UNASSIGNED OR UNNAMED CHARACTER')}"


@functools.cache
def _never_in_names() -> icu.UnicodeSet:
    characters = icu.UnicodeSet("[[:Default_Ignorable_Code_Point:][:Bidi_Control:][:Cn:]]")
    characters.freeze()  # read by every request thread
    return characters


@functools.cache
def _spoof_checker() -> icu.SpoofChecker:
    return icu.SpoofChecker()


@functools.cache
def _spoof_checker_for_scripts() -> icu.SpoofChecker:
    checker = icu.SpoofChecker()
    checker.setChecks(icu.USpoofChecks.RESTRICTION_LEVEL)
    checker.setRestrictionLevel(icu.URestrictionLevel.HIGHLY_RESTRICTIVE)
    return checker
