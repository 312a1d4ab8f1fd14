"""``make client``: the Python client's generated half, from the app's own OpenAPI document.

Dumps ``create_app(Settings(...)).openapi()`` to ``clients/python/openapi.json`` and runs openapi-python-client
(pinned in the dev extra) over it into ``clients/python/timeline_client/generated``. Given another folder, it
writes both there instead, so a test can regenerate and compare with the committed copy (drift fails CI).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENT = ROOT / "clients" / "python"
GENERATED = "timeline_client/generated"  # under the client's folder
CONFIG = CLIENT / "generator.yaml"


def openapi_document() -> str:
    """The app's OpenAPI document as committed: no database is opened (services are built in the lifespan)."""
    from api.app import create_app
    from api.settings import Settings

    settings = Settings.model_validate({"TIMELINE_DATABASE_URL": "sqlite:///unused.db", "TIMELINE_API_TOKEN": ""})
    schema = create_app(settings).openapi()
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generate(into: Path) -> None:
    """``into``/openapi.json and ``into``/timeline_client/generated, made afresh."""
    into.mkdir(parents=True, exist_ok=True)
    document = into / "openapi.json"
    document.write_text(openapi_document(), encoding="utf-8")
    target = into / GENERATED
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "generated"
        subprocess.run(  # noqa: S603 - the pinned generator of our own environment, with fixed arguments
            [
                str(Path(sys.executable).with_name("openapi-python-client")),
                "generate",
                "--path",
                str(document),
                "--meta",
                "none",
                "--config",
                str(CONFIG),
                "--output-path",
                str(out),
                "--fail-on-warning",
            ],
            check=True,
            capture_output=True,
        )
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(out, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--into", type=Path, default=CLIENT, help="folder to write openapi.json and the package to")
    generate(parser.parse_args().into)


if __name__ == "__main__":
    main()
