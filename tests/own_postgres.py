"""A PostgreSQL cluster of a test's own, to stop and start at will: initdb into a temporary directory, its own
port and socket directory, run as the ``postgres`` user when the tests run as root (PostgreSQL refuses root),
else as the tests' own user. Outage tests use it, never the machine's server. ``own_replica`` adds a streaming
replica of such a cluster (pg_basebackup, in a directory and on a port of its own)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        return None
    found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=False).stdout.strip()
    return Path(found) if found else None


def unavailable_reason() -> str | None:
    """Why this machine cannot run a cluster of the test's own, or None if it can."""
    bindir = _bindir()
    if bindir is None or not (bindir / "initdb").exists():
        return "no PostgreSQL server binaries (pg_config --bindir with initdb)"
    if os.geteuid() != 0:
        return None
    if shutil.which("runuser") is None:
        return "running a cluster as root needs runuser, to run it as the postgres user"
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError:
        return "running a cluster as root needs a postgres user to run it as"
    return None


def _as_owner() -> list[str]:
    """The prefix that runs a command as the cluster's owner."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class OwnCluster:
    def __init__(self, directory: Path) -> None:
        bindir = _bindir()
        assert bindir is not None
        self.bindir = bindir
        self.directory = directory
        self.data = directory / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        subprocess.run([*_as_owner(), *command], check=True, capture_output=True, timeout=120)

    def create(self) -> None:
        self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def create_replica_of(self, primary: OwnCluster) -> None:
        """A base backup of ``primary`` that starts as its streaming replica (``-R``: standby.signal and
        primary_conninfo; initdb's trust rules already let local replication connections in)."""
        self._run(
            str(self.bindir / "pg_basebackup"),
            *("-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres", "-D", str(self.data)),
            *("-R", "-X", "stream", "--checkpoint=fast", "--no-sync"),
        )

    def start(self) -> None:
        # hot_standby_feedback: a replica's long reads are not cancelled by the primary's vacuum (it is ignored on
        # a primary).
        options = (
            f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby_feedback=on"
        )
        log = str(self.directory / "server.log")
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self) -> None:
        """Stop at once, as a crash or a network cut would: clients' connections break mid-session."""
        self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@contextmanager
def own_cluster() -> Iterator[OwnCluster]:
    """A started cluster, stopped and deleted afterwards."""
    with _own_directory() as cluster:
        cluster.create()
        cluster.start()
        yield cluster


@contextmanager
def own_replica(primary: OwnCluster) -> Iterator[OwnCluster]:
    """A started streaming replica of ``primary``, stopped and deleted afterwards."""
    with _own_directory() as replica:
        replica.create_replica_of(primary)
        replica.start()
        yield replica


@contextmanager
def _own_directory() -> Iterator[OwnCluster]:
    directory = Path(tempfile.mkdtemp(prefix="timeline-own-pg-"))
    if os.geteuid() == 0:
        shutil.chown(directory, "postgres", "postgres")
    cluster = OwnCluster(directory)
    try:
        yield cluster
    finally:
        if cluster.running():
            stop = ["-D", str(cluster.data), "-m", "immediate", "-w", "stop"]
            subprocess.run([*_as_owner(), str(cluster.bindir / "pg_ctl"), *stop], capture_output=True, check=False)
        shutil.rmtree(directory, ignore_errors=True)
