"""Strict YAML reading for seed files: a repeated key is an error, not a silent overwrite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from seeds.seed_set import SeedProblem


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _StrictLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(
                    "while reading a mapping", node.start_mark, f"key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _no_timestamps() -> type[_StrictLoader]:
    """Dates stay text: 2025-06-30 must reach the fuzzy-date parser, not become a date."""
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag != "tag:yaml.org,2002:timestamp"]
        for first, entries in _StrictLoader.yaml_implicit_resolvers.items()
    }
    _StrictLoader.yaml_implicit_resolvers = resolvers
    return _StrictLoader


_Loader = _no_timestamps()


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass


UNREADABLE = object()


def parsed_yaml(path: Path, label: str, problems: list[SeedProblem]) -> Any:
    """The file's YAML, or ``UNREADABLE`` with a problem naming the file (``label``)."""
    try:
        return read_yaml(path)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(SeedProblem(label, "-", f"not valid YAML: {error}"))
        return UNREADABLE


def load_entries(path: Path, problems: list[SeedProblem], top: str) -> list[Any]:
    if not path.is_file():
        problems.append(SeedProblem(path.name, "-", "file is missing"))
        return []
    data = parsed_yaml(path, path.name, problems)
    if data is UNREADABLE:
        return []
    if not isinstance(data, dict) or not isinstance(data.get(top), list):
        problems.append(SeedProblem(path.name, "-", f"expected a mapping with a list under {top!r}"))
        return []
    entries: list[Any] = data[top]
    return entries


def unknown_keys(item: dict[str, Any], allowed: set[str]) -> str | None:
    unknown = sorted(set(item) - allowed)
    return f"unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})" if unknown else None


def mappings(
    path: Path, problems: list[SeedProblem], top: str, noun: str, label: str, allowed: set[str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each entry under ``top`` that is a mapping with known fields, labelled for messages."""
    for index, item in enumerate(load_entries(path, problems, top)):
        if not isinstance(item, dict):
            problems.append(SeedProblem(path.name, f"{top}[{index}]", "expected a mapping"))
            continue
        entry = f"{noun} {item.get(label, index)!r}"
        if problem := unknown_keys(item, allowed):
            problems.append(SeedProblem(path.name, entry, problem))
            continue
        yield entry, item
