"""Child processes that start in milliseconds: forked from one server process per test process that has imported
the service's modules once (multiprocessing's forkserver), where `python -c` pays interpreter start-up and ~0.6 s of
imports each time. For tests that start many short-lived processes of their own and kill them: each child is a
process of its own, with its own connections, killed like any other; the forking server holds no connection and
runs no thread, so a child inherits neither."""

from __future__ import annotations

import atexit
import multiprocessing
import multiprocessing.forkserver
from collections.abc import Callable
from typing import Any

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["application.service", "api.composition", "projections.timeline.projector"])
# Stopped and waited for when the test process ends, as multiprocessing itself does not: no server left behind, and
# its CPU time (its children's included) counts in the test run's own.
atexit.register(multiprocessing.forkserver._forkserver._stop)  # type: ignore[attr-defined]


def start(target: Callable[..., Any], *args: Any) -> multiprocessing.Process:
    """``target(*args)`` in a child process; ``target`` must be a module-level function."""
    process = _CONTEXT.Process(target=target, args=args, daemon=True)
    process.start()
    return process


def pipe() -> tuple[Any, Any]:
    """(the reading end, the writing end) of a one-way pipe to hand a child."""
    return _CONTEXT.Pipe(duplex=False)
