"""``timeline ingest`` and ``timeline fetch``: the exchanges' own lists, as snapshots, into stage facts
(docs/ingest.md)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api import inputs
from api.cli.options import console, err_console, exit_if_stuck, open_store, parse_word, progress_bar
from api.composition import Services
from domain.errors import DomainError
from domain.vocabulary import Venue
from ingest.fetching import FetchError, Polite, fetch_snapshot
from ingest.reading import Observed, folder_snapshots, read_snapshot
from ingest.snapshot import Snapshot, SnapshotError, parse_observed_at
from ingest.writing import Summary, ingest_snapshot
from projections.clocks import Clocks


class ListFormat(StrEnum):
    EASTMONEY = "eastmoney-register"
    SSE = "sse-projects"
    HKEX = "hkex-applications"


def ingest_command(
    path: Annotated[Path, typer.Argument(help="A snapshot file, or a folder of them written by `timeline fetch`")],
    form: Annotated[ListFormat | None, typer.Option("--format", help="The list's format (a file needs it)")] = None,
    venue: Annotated[str | None, typer.Option("--venue", help="The board of rows that do not say (or to keep)")] = None,
    observed_at: Annotated[
        str | None, typer.Option("--observed-at", help="When the snapshot was taken, RFC 3339 (a file needs it)")
    ] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where the snapshot was taken from")] = None,
    late: Annotated[bool, typer.Option("--late", help="An older snapshot that fills a gap")] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Then compare the list with the store, status by status")
    ] = False,
) -> None:
    """Read a list's snapshot (or a folder of them, in observation order) into stage facts: a malformed file is
    refused whole naming file, row and field; the same snapshot again appends nothing."""
    parsed = parse_word("--venue", venue, inputs.parse_venue)
    chosen = Venue(parsed) if parsed else None
    try:
        observed = _observations(path, form, chosen, observed_at, url)
        snapshots = [read_snapshot(o.path, o.format, o.venue) for o in observed]  # every file checked first
    except (SnapshotError, ValueError) as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    with open_store(catch_up=False) as services:
        previous: dict[tuple[str, Venue | None], Snapshot] = {}  # the last snapshot of each list
        for one, snapshot in zip(observed, snapshots, strict=True):
            try:
                summary = _ingest(services, one, snapshot, late, previous.get((one.format, one.venue)))
            except SnapshotError as error:
                err_console.print(f"[red]{error}[/red]")
                raise typer.Exit(1) from None
            _print_summary(one, summary)
            previous[(one.format, one.venue)] = snapshot
        services.catch_up()
        exit_if_stuck(services)
        if check:
            for one, snapshot in zip(observed, snapshots, strict=True):
                _print_check(one, coverage(services, snapshot, one.observed_at))
                _print_boards(one, boards(services, snapshot, one))


def _observations(
    path: Path, form: ListFormat | None, venue: Venue | None, observed_at: str | None, url: str | None
) -> list[Observed]:
    if path.is_dir():
        return folder_snapshots(path)
    if not path.is_file():
        raise ValueError(f"{path}: no such file or folder")
    if form is None or observed_at is None:
        raise ValueError(f"{path}: a file needs --format and --observed-at")
    return [Observed(path, form.value, parse_observed_at(observed_at), url, venue)]


def _ingest(services: Services, one: Observed, snapshot: Snapshot, late: bool, previous: Snapshot | None) -> Summary:
    with progress_bar() as progress:
        task = progress.add_task(f"ingesting {one.path.name}", total=2 * len(snapshot.rows))
        return ingest_snapshot(
            services.app,
            snapshot,
            one.observed_at,
            url=one.url,
            venue=one.venue.value if one.venue else None,
            late=late,
            previous=previous,
            progress=partial(progress.advance, task),
        )


def _print_summary(one: Observed, summary: Summary) -> None:
    console.print(
        f"{one.path.name} (observed {one.observed_at.isoformat()}): {summary.rows} rows; "
        f"{summary.new_companies} new companies, {summary.new_facts} new stage facts, "
        f"{summary.corroborations} corroborations, {summary.unchanged} already known, "
        f"{len(summary.refused)} refused rows"
    )
    for row, why in summary.refused:
        err_console.print(f"  refused row {row}: {why}")
    for gone in summary.vanished:
        console.print(f"  no longer listed (no stage given): {gone}")


@dataclass(frozen=True)
class Coverage:
    status: str
    stage: str | None
    listed: int
    in_store: int


def coverage(services: Services, snapshot: Snapshot, observed_at: datetime) -> list[Coverage]:
    """Per status: how many applications the list holds, and how many of them the store shows in that stage on
    the observation day (a list silently cut short shows as fewer listed than the store holds elsewhere)."""
    clocks = Clocks(as_of=observed_at.date())
    listed: Counter[tuple[str, str | None]] = Counter()
    shown: Counter[tuple[str, str | None]] = Counter()
    for row in snapshot.rows:
        key = (row.meaning.word, row.meaning.stage)
        listed[key] += 1
        if row.meaning.stage is None:
            continue
        try:
            answer = services.queries.company(row.applicant, clocks)
        except DomainError:
            continue
        for entry in answer["venues"]:
            if entry["venue"] != row.venue.value:
                continue
            suspended = row.meaning.stage == "suspended" and entry["suspended"]
            shown[key] += int(suspended or (entry["stage"] == row.meaning.stage and not entry["suspended"]))
    return [Coverage(word, stage, count, shown[(word, stage)]) for (word, stage), count in sorted(listed.items())]


def _print_check(one: Observed, rows: list[Coverage]) -> None:
    table = Table(title=f"{one.path.name}: the list against the store on {one.observed_at.date()}")
    for column in ("status", "stage", "listed", "in the store"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            row.status, row.stage or "(none)", str(row.listed), "-" if row.stage is None else str(row.in_store)
        )
    console.print(table)


#: The boards each list covers, and the stages of an application still in review there.
LIST_VENUES = {
    "sse-projects": (Venue.SSE_STAR, Venue.SSE_MAIN),
    "eastmoney-register": (Venue.SSE_STAR, Venue.SSE_MAIN, Venue.SZSE_CHINEXT, Venue.SZSE_MAIN, Venue.BSE),
    "hkex-applications": (Venue.HKEX_MAIN, Venue.HKEX_GEM),
}
IN_REVIEW = ("filed", "accepted", "inquiry", "approved", "registered")


def boards(services: Services, snapshot: Snapshot, one: Observed) -> list[tuple[str, str, int, int]]:
    """(venue, stage, in the list, in the store) for each board the list covers and each stage in review: the
    store's count is the whole pipeline's on the observation day, so a list cut short (a board left out) shows as
    rows missing from it."""
    counts = services.queries.pipeline(Clocks(as_of=one.observed_at.date()), limit=0)["counts"]
    listed = Counter((row.venue.value, row.meaning.stage) for row in snapshot.rows)
    venues = (one.venue,) if one.venue else LIST_VENUES[snapshot.format]
    return [
        (venue.value, stage, listed[(venue.value, stage)], counts.get(venue.value, {}).get(stage, 0))
        for venue in venues
        for stage in IN_REVIEW
        if listed[(venue.value, stage)] or counts.get(venue.value, {}).get(stage, 0)
    ]


def _print_boards(one: Observed, rows: list[tuple[str, str, int, int]]) -> None:
    table = Table(title=f"{one.path.name}: each board's applications in review, list and store")
    for column in ("venue", "stage", "listed", "in the store"):
        table.add_column(column)
    for venue, stage, listed, stored in rows:
        table.add_row(
            venue, stage, str(listed), str(stored) + ("  <- more than the list holds" if stored > listed else "")
        )
    console.print(table)


def fetch_command(
    form: Annotated[ListFormat, typer.Argument(help="Which list")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The folder to save the snapshot in")],
    url: Annotated[str | None, typer.Option("--url", help="Ask this address instead of the list's own")] = None,
    pause: Annotated[float, typer.Option("--pause", min=0, help="Seconds between requests")] = 1.0,
    retries: Annotated[int, typer.Option("--retries", min=0, max=10)] = 3,
) -> None:
    """Save one timestamped snapshot of a list (with the headers the site needs, pauses and retries) for
    `timeline ingest`."""
    try:
        saved = fetch_snapshot(form.value, output, url, Polite(pause=pause, retries=retries))
    except FetchError as error:
        err_console.print(f"[red]{error}[/red]")
        raise typer.Exit(1) from None
    console.print(f"saved {saved}")
