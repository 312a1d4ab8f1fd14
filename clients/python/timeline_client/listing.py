"""A list answer with its rows, which become a pandas DataFrame on request (pandas stays optional)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

A = TypeVar("A")


@dataclass(frozen=True)
class Listing(Generic[A]):
    """``answer`` is the generated model, typed; ``rows`` its list (entries, events, changes ...). Other attributes
    read through to the answer, so ``listing.next_cursor`` works as ``listing.answer.next_cursor`` does."""

    answer: A
    rows_field: str

    @property
    def rows(self) -> list[Any]:
        return list(getattr(self.answer, self.rows_field))

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy and pickle probe dunders before the fields exist
            raise AttributeError(name)
        return getattr(self.answer, name)

    def to_pandas(self) -> Any:
        """The rows as a DataFrame, nested objects flattened into dotted columns (``since.earliest``)."""
        return pandas().json_normalize([row.to_dict() for row in self.rows])


def pandas() -> Any:
    """pandas, imported only when asked for: the client does not depend on it."""
    try:
        import pandas
    except ImportError as error:
        raise ImportError("this needs pandas: pip install 'timeline-client[pandas]'") from error
    return pandas
