"""The committed client (clients/python: openapi.json and timeline_client/generated) is what `make client` makes
of the app as it is now: a change to the API that was not followed by `make client` fails here, so in CI."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from tools.generate_client import CLIENT, GENERATED, generate


def files_under(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.mark.slow
def test_regenerating_the_client_changes_nothing(tmp_path):
    generate(tmp_path)
    assert filecmp.cmp(tmp_path / "openapi.json", CLIENT / "openapi.json", shallow=False), (
        "clients/python/openapi.json is not the app's OpenAPI document: run `make client` and commit"
    )
    fresh, committed = files_under(tmp_path / GENERATED), files_under(CLIENT / GENERATED)
    assert sorted(fresh) == sorted(committed), "files added or removed: run `make client` and commit"
    drifted = [name for name in fresh if fresh[name] != committed[name]]
    assert not drifted, f"run `make client` and commit; these differ: {drifted}"
