"""`make mutate`: mutmut over the given source folders, then the mutation score per folder.

mutmut takes its settings from `[tool.mutmut]` in pyproject.toml. The folders named here narrow
its `source_paths` for this run only; the folders left out are copied into mutants/ as they are,
so the tree the tests import stays whole. With no folder named, every source path is mutated.
``--tests`` replaces the configured test selection for this run (say, while one test folder is
broken by work in progress). ``--only`` narrows mutation further to the files matching its globs
(mutmut's ``only_mutate``), so the score counts those files alone; the other files of the folders
are copied unmutated. ``--max-children`` caps mutmut's worker processes (by default one per core,
which starves anything else running on the machine). ``--mutants`` re-tests only the mutants whose
names match its globs, even those with a verdict already; the score still counts every mutant.

    python tools/mutate.py [FOLDER ...] [--tests PATH ...] [--only GLOB ...] [--max-children N]
                           [--mutants NAME ...]

See docs/mutation.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from mutmut.__main__ import cli
from mutmut.configuration import config
from mutmut.mutation.data import SourceFileMutationData
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files

# The outcomes worth a column, in the order printed; mutmut's other outcomes are rare.
COLUMNS = ("killed", "survived", "timeout", "suspicious", "no tests", "not checked")


def narrow_to(folders: list[str]) -> list[Path]:
    """Mutate only `folders` (each one of the configured source paths) in this process."""
    settings = config()
    if not folders:
        return list(settings.source_paths)
    chosen = [Path(folder) for folder in folders]
    unknown = [str(path) for path in chosen if path not in settings.source_paths]
    if unknown:
        configured = ", ".join(str(path) for path in settings.source_paths)
        sys.exit(f"not in [tool.mutmut] source_paths ({configured}): {', '.join(unknown)}")
    left_out = [path for path in settings.source_paths if path not in chosen]
    settings.source_paths = chosen
    settings.resolved_mutated_source_paths = [Path.cwd().resolve() / "mutants" / path for path in chosen]
    settings.also_copy = [*settings.also_copy, *left_out]
    return chosen


def outcomes_by_folder() -> dict[str, Counter[str]]:
    """What became of each mutant, counted per top-level folder, from mutmut's files in mutants/."""
    counts: dict[str, Counter[str]] = {}
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        tally = counts.setdefault(Path(path).parts[0], Counter())
        for exit_code in data.exit_code_by_key.values():
            tally[status_by_exit_code[exit_code]] += 1
    return counts


def report(counts: dict[str, Counter[str]], seconds: float) -> str:
    everything: Counter[str] = sum(counts.values(), Counter())
    rows = [*sorted(counts.items()), ("all", everything)] if len(counts) > 1 else sorted(counts.items())
    lines = [f"{'folder':<12} {'score':>7} {'killed/total':>13} " + " ".join(f"{c:>11}" for c in COLUMNS[1:])]
    for folder, tally in rows:
        total = sum(tally.values())
        score = f"{100 * tally['killed'] / total:.1f}%" if total else "-"
        others = " ".join(f"{tally[c]:>11}" for c in COLUMNS[1:])
        lines.append(f"{folder:<12} {score:>7} {tally['killed']:>6}/{total:<6} {others}")
    rare = sorted(set(everything) - set(COLUMNS))
    if rare:
        lines.append("also: " + ", ".join(f"{everything[status]} {status}" for status in rare))
    minutes, rest = divmod(round(seconds), 60)
    lines.append(f"score = killed / total mutants; took {minutes}m{rest:02d}s")
    lines.append("list the survivors: .venv/bin/mutmut results; one of them: .venv/bin/mutmut show NAME")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(
        prog="tools/mutate.py", description="mutmut over some source folders, then the mutation score."
    )
    parser.add_argument("folders", nargs="*", help="source folders to mutate (default: [tool.mutmut] source_paths)")
    parser.add_argument("--tests", nargs="+", help="test paths to run instead of the configured selection")
    parser.add_argument(
        "--only", nargs="+", help="mutate only the files matching these globs (projections/queries/flags.py)"
    )
    parser.add_argument("--max-children", type=int, help="at most this many mutmut worker processes")
    parser.add_argument("--mutants", nargs="+", help="re-test only the mutants matching these names or globs")
    arguments = parser.parse_args(argv)
    narrow_to(arguments.folders)
    if arguments.tests:
        config().pytest_add_cli_args_test_selection = list(arguments.tests)
    if arguments.only:
        config().only_mutate = list(arguments.only)
    mutmut_arguments = ["run"]
    if arguments.max_children is not None:
        mutmut_arguments += ["--max-children", str(arguments.max_children)]
    mutmut_arguments += arguments.mutants or []
    started = time.monotonic()
    cli.main(mutmut_arguments, prog_name="mutmut", standalone_mode=False)
    print()
    print(report(outcomes_by_folder(), time.monotonic() - started))


if __name__ == "__main__":
    main(sys.argv[1:])
