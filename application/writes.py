"""What a write answers, and the retry every write use case runs under."""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar
from uuid import UUID

from eventsourcing.persistence import RecordConflictError

from application.errors import ConcurrencyConflict

P = ParamSpec("P")
R = TypeVar("R")
DEFAULT_MAX_ATTEMPTS = 10


@dataclass(frozen=True)
class Written:
    """What a write did: the id it concerns, whether it appended, and the log position."""

    id: UUID
    appended: bool
    position: int


def retried(method: Callable[P, R]) -> Callable[P, R]:
    """Re-run a use case from a fresh read when another writer got there first."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        attempts: int = args[0].max_attempts  # type: ignore[attr-defined]  # the application's
        for attempt in range(1, attempts + 1):
            try:
                return method(*args, **kwargs)
            except RecordConflictError as error:
                if attempt == attempts:
                    raise ConcurrencyConflict(
                        f"{method.__name__}: still conflicting after {attempt} attempts ({error})"
                    ) from error
                time.sleep(random.uniform(0, min(0.25, 0.002 * 2**attempt)))  # noqa: S311 - jitter, not crypto
        raise AssertionError("unreachable")  # pragma: no cover

    return wrapper
