"""statuses.yaml: every entry cites sources its format lists, every stage is a stage fact kind (or none), the
readers' disagreement on the SSE codes is written down, and the fixture snapshots hold every status of it."""

from __future__ import annotations

from ingest.dictionary import load_dictionary
from ingest.reading import read_snapshot
from tests.ingest.snapshots import write_all


def test_every_entry_cites_sources_with_addresses():
    dictionary = load_dictionary()
    assert dictionary.version >= 1
    for name, form in dictionary.formats.items():
        for table in form.tables.values():
            for meaning in table.values():
                assert meaning.sources, (name, meaning.key)
                for cited in meaning.sources:
                    assert form.sources[cited]["url"].startswith("https://")


def test_the_sse_codes_the_readers_disagree_on_say_so():
    codes = load_dictionary().of("sse-projects").tables["currStatus"]
    for code in ("3", "4", "5", "7", "8", "9"):
        assert codes[code].disputed
        assert "rsshub" in codes[code].disputed
    assert "repo" in load_dictionary().of("sse-projects").sources["rsshub"]


def test_the_fixture_snapshots_hold_every_status_of_the_dictionary(tmp_path):
    dictionary = load_dictionary()
    for form, observed in write_all(tmp_path).items():
        seen = {(row.meaning.word, row.meaning.stage) for path, _ in observed for row in read_snapshot(path, form).rows}
        tables = dictionary.of(form).tables
        wanted = {(m.word, m.stage) for table in tables.values() for m in table.values()}
        if form == "sse-projects":  # a code that never decides (上市委审议 under a committee result) is still read
            seen |= {(m.word, m.stage) for m in tables["currStatus"].values() if m.stage is None}
        assert wanted <= seen, (form, wanted - seen)
