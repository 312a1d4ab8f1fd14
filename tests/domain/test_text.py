"""The rule for text entering the log, as its refusals read."""

import pytest

from domain.errors import InvalidFact
from domain.text import check_text, refused_character


def test_refusing_one_line_text_names_the_field_and_the_character_and_nothing_more() -> None:
    with pytest.raises(InvalidFact) as caught:
        check_text("two\nlines", "title")
    assert str(caught.value) == "title contains the control or bidi character U+000A, which is not accepted"


def test_refusing_long_text_says_that_newlines_and_tabs_would_have_been_fine() -> None:
    with pytest.raises(InvalidFact) as caught:
        check_text("bell\x07", "quote", multiline=True)
    assert str(caught.value) == (
        "quote contains the control or bidi character U+0007, which is not accepted (newlines and tabs are allowed)"
    )


def test_accepted_text_comes_back_unchanged() -> None:
    assert check_text("  Moore Threads  ", "name") == "  Moore Threads  "


@pytest.mark.parametrize("multiline", [False, True])
def test_a_tag_character_is_refused_in_any_text_naming_it(multiline: bool) -> None:
    with pytest.raises(InvalidFact, match=r"^quote contains the tag character U\+E0069 TAG LATIN SMALL LETTER I, "):
        check_text("hidden\U000e0069text", "quote", multiline=multiline)
    assert refused_character("a\U000e007fb") == "U+E007F"
