"""Standing queries travel with the log: an export holding subscriptions (one live, one ended) imports into an
empty store, where the subscriptions projection has both as they were; an edited subscription event (a secret
the domain would refuse, a scope it does not read, an end repeated) is refused naming its line."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from api.cli.transfer import export_log
from api.composition import build_services
from api.settings import Settings
from application.subscriptions import Scope, subscribe, unsubscribe
from tests.api.cli.exports import event_lines, first, timeline, write_export

pytestmark = pytest.mark.slow

SECRET = "a-secret-of-sixteen-or-more"


@pytest.fixture
def exported(sqlite_url: str, tmp_path: Path) -> Path:
    services = build_services(Settings(TIMELINE_DATABASE_URL=sqlite_url))
    services.app.register_company("Travelling Robotics")
    services.catch_up()
    company_id = str(services.queries.resolve("Travelling Robotics")["company_id"])
    subscribe(services.app, "/companies/Travelling Robotics", "https://hooks.example.com/a", SECRET, Scope(company_id))
    ended = subscribe(
        services.app, "/pipeline?venue=STAR", "https://hooks.example.com/b", SECRET, Scope(venue="SSE-STAR")
    )
    unsubscribe(services.app, ended.id)
    path = tmp_path / "log.jsonl"
    with path.open("w", encoding="utf-8") as out:
        export_log(services.log, out)
    services.close()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'imported.db'}"
    return request.getfixturevalue("postgres_url")


def test_subscriptions_import_with_the_log(exported, target_url):
    done = timeline(target_url, "import", str(exported))
    assert done.returncode == 0, done.stderr
    services = build_services(Settings(TIMELINE_DATABASE_URL=target_url))
    services.catch_up()
    rows = services.store.query("SELECT query, url, secret, venue, ended_position FROM rm_subscriptions ORDER BY query")
    services.close()
    assert [(q, u, s, v, e is not None) for q, u, s, v, e in rows] == [
        ("/companies/Travelling Robotics", "https://hooks.example.com/a", SECRET, None, False),
        ("/pipeline?venue=STAR", "https://hooks.example.com/b", SECRET, "SSE-STAR", True),
    ]


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        ("short secret", "secret must be 16 to 256 printable ASCII characters"),
        ("unknown venue", "scope venue 'MOON' is not one the service reads"),
        ("ended twice", "ends subscription"),
    ],
)
def test_an_edited_subscription_event_is_refused_naming_its_line(exported, tmp_path, edit, problem):
    events, _ = event_lines(exported)
    edited = copy.deepcopy(events)
    if edit == "ended twice":
        index = first(edited, "Subscription.Ended")
        again = copy.deepcopy(edited[index])
        again["originator_version"] += 1
        again["position"] = edited[-1]["position"] + 1
        edited.append(again)
    else:
        index = first(edited, "Subscription.Created")
        if edit == "short secret":
            edited[index]["state"]["secret"] = "short"
        else:
            edited[index]["state"]["venue"] = "MOON"
    path = write_export(tmp_path / "edited.jsonl", edited)
    done = timeline(f"sqlite:///{tmp_path / 'target.db'}", "import", str(path))
    assert done.returncode == 1
    assert "line" in done.stderr
    assert problem in done.stderr
