"""README stays true: its route table, command table and settings table list exactly what the app,
the command line and the settings have (as sqlite-utils and datasette keep their docs)."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from api.app import create_app
from api.cli.main import cli
from api.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def table_after(heading: str) -> list[str]:
    """The first column of the first table under a README heading."""
    section = README.split(f"\n{heading}\n", 1)[1]
    rows = re.search(r"\n\|[^\n]*\|\n\|[-| ]+\|\n((?:\|[^\n]*\|\n)+)", section)
    assert rows, f"no table under {heading!r}"
    return [line.split(" | ")[0] for line in rows.group(1).splitlines()]


def test_the_route_table_lists_every_route_of_the_app_and_no_other(tmp_path):
    app = create_app(Settings(TIMELINE_DATABASE_URL=f"sqlite:///{tmp_path / 'docs.db'}"))
    served = {
        (method, re.sub(r"\{[^}]*\}", "{}", route.path))
        for route in app.routes
        if isinstance(route, APIRoute) and route.include_in_schema
        for method in route.methods
    }
    cells = " ".join(table_after("## Asking questions"))
    documented = {
        (method, re.sub(r"\{[^}]*\}", "{}", path))
        for method, path in re.findall(r"\b(GET|POST|PUT|PATCH|DELETE) (/[^\s`\[?]*)", cells)
    }
    assert documented == served


def test_the_command_table_lists_every_command_and_no_other():
    registered = {
        command.name or (command.callback.__name__ if command.callback else "") for command in cli.registered_commands
    }
    cells = " ".join(table_after("## Command line (`timeline`, also `python -m api`)"))
    assert set(re.findall(r"`timeline (\w+)", cells)) == registered


def test_the_configuration_table_lists_every_setting_and_no_other():
    names = {str(field.validation_alias) for field in Settings.model_fields.values()}
    cells = " ".join(table_after("## Configuration (environment variables)"))
    documented = set(re.findall(r"`([A-Z][A-Z_]+)`", cells)) - {"REQUIRE_POSTGRES", "REQUIRE_BROWSER"}
    assert documented == names


def test_no_text_of_the_project_keeps_a_merge_conflict_marker():
    # Two merges left `<<<<<<<` blocks in BENCHMARKS.md unnoticed: nothing else reads that file.
    root = Path(__file__).resolve().parents[1]
    marker = re.compile(r"^(<<<<<<< |>>>>>>> |=======$)", re.MULTILINE)
    kept = [
        path.relative_to(root)
        for folder in ("", "api", "application", "bench", "docs", "domain", "ingest", "projections", "seeds", "tests")
        for path in ((root / folder).glob("*") if not folder else (root / folder).rglob("*"))
        if path.is_file()
        and path.suffix in {".md", ".py", ".yaml", ".yml", ".toml", ".json", ".lua", ".js", ".html", ".css"}
        and marker.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert kept == []
