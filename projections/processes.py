"""Which process holds a lease or a claim in the database, and whether that process still lives.

A process is named by its host, the kernel's boot id, its pid and the moment the kernel started it.
On the same machine that tells a live holder from a dead one at once: a pid whose start time changed
is another process (pids are reused, and a restarted container often gets its old pid back), and a
boot id that changed means the machine restarted. On another machine nothing can be told from here,
so callers fall back to how long ago the holder last showed signs of life.
"""

from __future__ import annotations

import functools
import os
import socket
from pathlib import Path

_SEPARATOR = "|"


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return "-"


def _start_time(pid: int) -> str | None:
    """The kernel's start time of a process (clock ticks since boot), or None if there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    except OSError:
        return "-"
    # The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] in ("Z", "X"):
        return None  # exited, not yet reaped by its parent: dead all the same
    return fields[19]


def this_process() -> str:
    """This process's name, as other processes read it from a lease or claim."""
    return _named(os.getpid())  # by pid, so a forked child names itself, not its parent


@functools.cache
def _named(pid: int) -> str:
    return name_of(pid)


def name_of(pid: int) -> str:
    """Another process on this machine, named as it would name itself."""
    return _SEPARATOR.join((socket.gethostname(), _boot_id(), str(pid), _start_time(pid) or "-"))


def alive(holder: str) -> bool | None:
    """Whether the named process still runs: True or False on this machine, None where that cannot be told
    (another machine, or a name written before holders were named)."""
    parts = holder.split(_SEPARATOR)
    if len(parts) != 4 or not parts[2].isdigit():
        return None
    host, boot, pid, started = parts
    mine = this_process().split(_SEPARATOR)
    if host != mine[0]:
        return None
    if boot != mine[1]:
        return False if "-" not in (boot, mine[1]) else None
    if holder == this_process():
        return True
    now = _start_time(int(pid))
    if now is None:
        return False
    if "-" in (now, started):
        return _signalable(int(pid))
    return now == started


def _signalable(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
