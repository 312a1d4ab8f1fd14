"""A process named on a lease or claim is known alive or dead at once on this machine (an exited one not yet
reaped counts as dead; a pid reused by another process is another name); elsewhere nothing can be told."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from projections.processes import alive, name_of, this_process


def test_this_process_lives_and_a_killed_one_is_dead_before_and_after_it_is_reaped():
    assert alive(this_process()) is True
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    named = name_of(child.pid)
    assert alive(named) is True
    child.send_signal(signal.SIGKILL)
    while alive(named):  # a zombie until reaped, dead all the same once the kernel has it exit
        time.sleep(0.01)
    child.wait()
    assert alive(named) is False


def test_a_pid_started_at_another_moment_is_another_process():
    host, boot, pid, started = this_process().split("|")
    assert alive("|".join((host, boot, pid, str(int(started) + 1)))) is False


def test_another_machine_or_an_unnamed_holder_cannot_be_told():
    _, boot, pid, started = this_process().split("|")
    assert alive("|".join(("some-other-host", boot, pid, started))) is None
    assert alive("0f8c2a9e4b7d4c1e9a3b5d6f7e8a9b0c") is None
