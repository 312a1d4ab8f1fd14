"""The distinct questions of bench/distinct.lua: a wrk script asking each request a random day of 2019-2026 on a
random route (a company of the seed data, a pipeline page, a venue's page), as people scrub dates and walk
companies, so the answer cache rarely holds the answer.

``python -m bench.distinct FILE`` writes the questions file the script reads (bench/http.py writes its own).
"""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import quote

SCRIPT = Path(__file__).with_name("distinct.lua")


def questions() -> str:
    """A line per company of the seed data (its name, as the seed data spells it), one pipeline page and a page
    per venue, each ``<kind><TAB><path and query up to as_of=>``; the script appends a day."""
    from domain.vocabulary import Venue
    from seeds.reading import read_seeds

    lines = [f"company\t/companies/{quote(company.name, safe='')}?as_of=" for company in read_seeds().companies]
    lines.append("pipeline page\t/pipeline?limit=100&as_of=")
    lines += [f"venue page\t/pipeline?venue={quote(venue.value)}&limit=100&as_of=" for venue in Venue]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bench.distinct QUESTIONS_FILE")
    Path(sys.argv[1]).write_text(questions())
