"""`timeline import` refuses a log that is not whole, not in order, edited, or not one this service could
have written: one message naming the line and what is wrong, exit code 1, no traceback, nothing stored.

Each case runs the command's code on a seeded export edited one way; "fresh" cases also recompute the
trailer, as someone editing the file on purpose would, so the domain replay has to catch them. The cases run in
this process; one case and the refusal of a store with events run the real command as a process."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from api.cli.transfer import export_log
from tests.api.cli.exports import event_lines, first, head_of, timeline, timeline_in_process, write_export

pytestmark = pytest.mark.slow  # the command on a seeded export, once per case

ZEN = "Beautiful is better than ugly"


@pytest.fixture(scope="module")
def exported(seeded, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "seeded.jsonl"
    with path.open("w", encoding="utf-8") as out:
        export_log(seeded.log, out)
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request):
    return request.getfixturevalue(f"{request.param}_url")


Events = list[dict[str, Any]]


def _registered(events: Events) -> int:
    return first(events, "Company.Registered", lambda e: e["state"]["name"] == "Moore Threads")


def _with_state(events: Events, index: int, change: Callable[[dict[str, Any]], None]) -> Events:
    edited = copy.deepcopy(events)
    change(edited[index]["state"])
    return edited


def duplicated(events: Events) -> Events:
    return [*events[:10], events[9], *events[10:]]


def reordered(events: Events) -> Events:
    return [*events[:19], events[20], events[19], *events[21:]]


def events_swapped_positions_kept(events: Events) -> Events:
    """Two events of one fact change places, each keeping the other's position: in order by position,
    out of order by version."""
    fact = first(events, "Fact.Corrected")
    earlier = next(
        i for i in range(fact) if events[i]["originator_id"] == events[fact]["originator_id"]
    )  # the fact's Recorded (or an earlier change)
    swapped = copy.deepcopy(events)
    swapped[earlier], swapped[fact] = swapped[fact], swapped[earlier]
    swapped[earlier]["position"], swapped[fact]["position"] = events[earlier]["position"], events[fact]["position"]
    return swapped


def renamed_company(events: Events) -> Events:
    return _with_state(events, _registered(events), lambda state: state.update(name="Moore Threadz"))


def nul_in_a_name(events: Events) -> Events:
    return _with_state(events, _registered(events), lambda state: state.update(name="Moore\x00Threads"))


def rlo_in_a_name(events: Events) -> Events:
    return _with_state(events, _registered(events), lambda state: state.update(name="Moore \u202eThreads"))


def swapped_originator_topic(events: Events) -> Events:
    return _with_state(events, _registered(events), lambda state: state.update(originator_topic="domain.facts:Fact"))


def extra_field(events: Events) -> Events:
    return _with_state(events, _registered(events), lambda state: state.update(payload="carried along forever"))


def foreign_topic(events: Events) -> Events:
    edited = copy.deepcopy(events)
    edited[_registered(events)]["topic"] = "this:s"
    return edited


def undecodable_state(events: Events) -> Events:
    return _with_state(
        events, _registered(events), lambda state: state.update(sector={"_type_": "no_such_type", "_data_": 1})
    )


def amount_too_large(events: Events) -> Events:
    def money(value: Any) -> list[Any] | None:
        if isinstance(value, dict):
            if value.get("_type_") == "money":
                return value["_data_"]
            value = list(value.values())
        if isinstance(value, list):
            return next((found for item in value if (found := money(item)) is not None), None)
        return None

    index = first(events, "Fact.Recorded", lambda e: money(e["state"]["fields"]) is not None)
    return _with_state(events, index, lambda state: money(state["fields"]).__setitem__(0, "1E+30"))  # type: ignore[union-attr]


# (case, edit, trailer: "as exported" or "fresh" or None, what the message must say; {moore} is the line of
# Moore Threads' registration, after the documents the seed load records first)
CASES = [
    (
        "duplicated line",
        duplicated,
        "fresh",
        "line 11: position 10 does not come after position 10 (line 10): a duplicated line",
    ),
    (
        "reordered lines",
        reordered,
        "fresh",
        "line 21: position 20 does not come after position 21 (line 20): lines out of order",
    ),
    ("reordered events", events_swapped_positions_kept, "fresh", "version"),
    ("renamed company", renamed_company, "as exported", "a line was edited"),
    ("renamed company, trailer recomputed", renamed_company, "fresh", "claims the name 'Moore Threads'"),
    (
        "NUL in a name",
        nul_in_a_name,
        "fresh",
        "line {moore} (position {moore}): company name contains the control or bidi character U+0000",
    ),
    (
        "RLO in a name",
        rlo_in_a_name,
        "fresh",
        "line {moore} (position {moore}): company name contains the control or bidi character U+202E",
    ),
    (
        "swapped originator_topic",
        swapped_originator_topic,
        "fresh",
        "must have originator_topic 'domain.companies:Company', not 'domain.facts:Fact'",
    ),
    ("a field the event does not have", extra_field, "fresh", "Company.Registered event has no field 'payload'"),
    (
        "foreign topic",
        foreign_topic,
        "fresh",
        "line {moore} (position {moore}): topic 'this:s' is not one of this service's event classes",
    ),
    ("undecodable state", undecodable_state, "fresh", "no transcoding named 'no_such_type'"),
    ("amount beyond the API's range", amount_too_large, "fresh", "must have at most 34 significant digits"),
    (
        "file cut at a line boundary",
        lambda events: events[:300],
        None,
        "line 301: the file ends after line 300 without the trailer",
    ),
    ("missing trailer", lambda events: events, None, "without the trailer `timeline export` writes last"),
]


@pytest.mark.parametrize(("edit", "trailer", "says"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_tampered_log_is_refused_naming_the_line_and_stores_nothing(
    exported, tmp_path, target_url, edit, trailer, says
):
    events, exported_trailer = event_lines(exported)
    tampered = write_export(
        tmp_path / "tampered.jsonl", edit(events), exported_trailer if trailer == "as exported" else trailer
    )
    # One case as a process, the rest in this one: the command's code is the same, only the start-up differs.
    run = timeline if edit is rlo_in_a_name else timeline_in_process
    done = run(target_url, "import", str(tampered))
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "Traceback" not in output
    assert ZEN not in output  # no topic made the importer import a module
    assert "this" not in sys.modules
    moore = _registered(events) + 1
    assert says.replace("{moore}", str(moore)) in " ".join(output.split()), output
    assert "tampered.jsonl line " in " ".join(output.split()), output
    assert head_of(target_url) == 0


def test_an_import_into_a_store_with_events_is_refused_naming_its_head(exported, target_url):
    done = timeline(target_url, "import", str(exported))
    assert done.returncode == 0, done.stdout + done.stderr
    head = head_of(target_url)
    again = timeline(target_url, "import", str(exported))
    output = " ".join((again.stdout + again.stderr).split())
    assert again.returncode == 1
    assert "Traceback" not in output
    assert f"import needs an empty store: this one already holds events (up to position {head})" in output
    assert head_of(target_url) == head
