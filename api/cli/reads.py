"""The ``timeline`` commands that ask questions: the pipeline, a company, search, the timeline.

Registered on the one ``cli`` in api/cli/main.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated

import typer
from rich.table import Table

from api import inputs
from api.cli.options import AsOf, CertainOnly, KnownAt, PublishedBy, console, open_store, parse_clocks, parse_word
from api.inputs import InputError


def pipeline(
    as_of: AsOf = None,
    venue: str | None = None,
    stage: str | None = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
    certain_only: CertainOnly = False,
    sponsor: Annotated[str | None, typer.Option("--sponsor", help="Only applications this sponsor brings")] = None,
) -> None:
    """The pipeline on a day: who stood where, and the counts."""
    venue, stage = parse_word("--venue", venue, inputs.parse_venue), parse_word("--stage", stage, inputs.parse_stage)
    sponsor = parse_word("--sponsor", sponsor, inputs.parse_text)
    with open_store() as services:
        clocks = parse_clocks(services, as_of, known_at, published_by, certain_only)
        snapshot = services.queries.pipeline(clocks, venue=venue, stage=stage, sponsor=sponsor)
    table = Table(title=f"Pipeline as of {clocks.as_of}")
    for column in ("venue", "stage", "company", "since", "certain"):
        table.add_column(column)
    for entry in snapshot["entries"]:
        table.add_row(
            entry["venue"],
            entry["stage"],
            entry["company"],
            entry["since"]["text"],
            "yes" if entry["certain"] else "possibly",
        )
    console.print(table)


def search(text: str, limit: Annotated[int, typer.Option(min=1, max=50)] = 10) -> None:
    """Companies ranked for a partial, misspelled or mixed-language name, or a stock code."""
    query = parse_word("TEXT", text, inputs.parse_text) or ""
    with open_store() as services:
        results = services.queries.search(query, limit)
    table = Table(title=f"Companies for {query!r}")
    for column in ("company", "matched", "why", "score"):
        table.add_column(column)
    for result in results:
        table.add_row(result["name"], result["matched"], result["why"], f"{result['score']:.0f}")
    console.print(table if results else f"no company resembles {query!r}")


def company(
    name: Annotated[str, typer.Argument(help="Any name, in any language or spelling, or a stock code (688795.SH)")],
    as_of: AsOf = None,
    known_at: KnownAt = None,
    published_by: PublishedBy = None,
) -> None:
    """A company as of a day: stage per venue, codes, flags and facts."""
    with open_store() as services:
        clocks = parse_clocks(services, as_of, known_at, published_by, False)
        answer = services.queries.company(name, clocks)
    console.print(f"[bold]{answer['name']}[/bold] ({', '.join(answer['aliases'])}) as of {clocks.as_of}")
    if answer["codes"]:
        console.print("  codes: " + ", ".join(f"{code['code']} ({code['venue']})" for code in answer["codes"]))
    for venue in answer["venues"]:
        console.print(
            f"  {venue['venue']}: {venue['stage']} since {venue['since']['text']}"
            + ("" if venue["certain"] else " (possibly)")
        )
    flags = {
        name: flag["value"] for name, flag in answer["flags"].items() if isinstance(flag, dict) and "value" in flag
    }
    console.print(f"  flags: {flags}")
    _facts_table(answer["facts"], f"Facts of {answer['name']}")


def timeline_command(
    from_: Annotated[str, typer.Option("--from", help="First day")],
    to: Annotated[str | None, typer.Option("--to", help="Last day (default: today, Asia/Shanghai)")] = None,
    company: str | None = None,
    venue: str | None = None,
    kind: str | None = None,
) -> None:
    """Every fact between two days, in valid-time order."""
    try:
        start, end = inputs.parse_day_range("--from", from_, "--to", to)
    except InputError as error:
        raise typer.BadParameter(error.message, param_hint=error.name) from None
    venue, kind = (
        parse_word("--venue", venue, inputs.parse_venue_or_market),
        parse_word("--kind", kind, inputs.parse_kind),
    )
    with open_store() as services:
        clocks = parse_clocks(services, end.isoformat(), None, None, False)
        answer = services.queries.timeline(start, end, clocks, company=company, venue=venue, kind=kind)
    _facts_table(answer["events"], f"Timeline {start} .. {end}")


def revisions(
    since: Annotated[str, typer.Option(help="The earlier knowledge time: an RFC 3339 date-time or a log position")],
    until: Annotated[str | None, typer.Option(help="The later knowledge time (default: everything recorded)")] = None,
    as_of: AsOf = None,
    venue: str | None = None,
    stage: str | None = None,
    published_by: PublishedBy = None,
) -> None:
    """What changed in the pipeline on a day between two knowledge times, and which events did it."""
    venue, stage = parse_word("--venue", venue, inputs.parse_venue), parse_word("--stage", stage, inputs.parse_stage)
    with open_store() as services:
        clocks = parse_clocks(services, as_of, None, published_by, False)
        try:
            first = inputs.parse_knowledge_time("--since", since, services.queries.position_known_at)
            last = (
                None
                if until is None
                else inputs.parse_knowledge_time("--until", until, services.queries.position_known_at)
            )
        except InputError as error:
            raise typer.BadParameter(error.message, param_hint=error.name) from None
        if last is not None and first > last:
            raise typer.BadParameter(f"position {first} is after --until (position {last})", param_hint="--since")
        answer = services.queries.revisions(clocks.as_of, first, last, clocks.published_by, False, venue, stage)
    table = Table(title=f"Pipeline on {clocks.as_of}: positions {first} .. {answer['until']['position']}")
    for column in ("venue", "company", "before", "after", "why"):
        table.add_column(column)
    for change in answer["changes"]:
        before, after = change["before"], change["after"]
        table.add_row(
            change["venue"],
            change["company"],
            f"{before['stage']} since {before['since']['text']}" if before else "-",
            f"{after['stage']} since {after['since']['text']}" if after else "-",
            "; ".join(
                f"{cause['step']} at {cause['position']}: {cause['reason'] or cause['kind']}"
                for cause in change["causes"]
            ),
        )
    console.print(table if answer["changes"] else "nothing changed between those knowledge times")


def _facts_table(facts: Sequence[Mapping[str, object]], title: str) -> None:
    table = Table(title=title)
    for column in ("date", "kind", "subject", "venue", "summary"):
        table.add_column(column)
    for fact in facts:
        table.add_row(
            str(fact["date"]),
            str(fact["kind"]),
            str(fact["company"] or fact["market"]),
            str(fact["venue"] or ""),
            str(fact["summary"] or ""),
        )
    console.print(table)
