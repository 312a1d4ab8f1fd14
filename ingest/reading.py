"""Which reader a format has, and a folder of snapshots in the order they were observed.

``timeline fetch`` names each file ``<format>-<YYYYMMDDTHHMMSSZ>.<ext>`` and writes beside it
``<file>.meta.json`` (format, observed_at, url, venue); a folder is read from those."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from domain.vocabulary import Venue
from ingest.dictionary import FormatDictionary, load_dictionary
from ingest.eastmoney import read_eastmoney
from ingest.hkex import read_hkex
from ingest.snapshot import Snapshot, SnapshotError, parse_observed_at
from ingest.sse import read_sse

READERS: dict[str, Callable[[Path, FormatDictionary, Venue | None], Snapshot]] = {
    "sse-projects": read_sse,
    "eastmoney-register": read_eastmoney,
    "hkex-applications": read_hkex,
}
META = ".meta.json"


def read_snapshot(path: Path, form: str, venue: Venue | None = None) -> Snapshot:
    if form not in READERS:
        raise SnapshotError(path, None, None, f"format {form!r} is not one of {', '.join(READERS)}")
    return READERS[form](path, load_dictionary().of(form), venue)


@dataclass(frozen=True)
class Observed:
    """One file of a folder with what its sidecar says."""

    path: Path
    format: str
    observed_at: datetime
    url: str | None
    venue: Venue | None


def folder_snapshots(directory: Path) -> list[Observed]:
    """The folder's snapshots in observation order; a snapshot file without its sidecar is an error naming it."""
    found = []
    for meta_path in sorted(directory.glob(f"*{META}")):
        data_path = meta_path.with_name(meta_path.name[: -len(META)])
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            observed = parse_observed_at(str(meta["observed_at"]))
            venue = Venue(meta["venue"]) if meta.get("venue") else None
            form = str(meta["format"])
        except (ValueError, KeyError, TypeError) as error:
            raise SnapshotError(meta_path, None, None, f"not a snapshot's sidecar ({error})") from None
        if not data_path.is_file():
            raise SnapshotError(meta_path, None, None, f"its snapshot {data_path.name} is missing")
        found.append(Observed(data_path, form, observed, meta.get("url"), venue))
    described = {observed.path.name for observed in found}
    for path in sorted(directory.iterdir()):
        if path.is_file() and not path.name.endswith(META) and path.name not in described:
            raise SnapshotError(path, None, None, f"no {path.name}{META} beside it saying when it was observed")
    return sorted(found, key=lambda observed: (observed.observed_at, observed.path.name))
