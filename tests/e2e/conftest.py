"""A real server process (`timeline serve`, uvicorn) on a seeded SQLite store, for HTTP and browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import copy_store

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "e2e-token"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
SHOTS = ROOT / "test-output" / "browser"
AXE = ROOT / ".cache" / "axe-core" / "node_modules" / "axe-core" / "axe.min.js"  # `make browser` installs it


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    """`timeline serve` in its own process, returned once /healthz answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "api", "serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code in (200, 503):
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise AssertionError(f"server did not start: {process.stdout.read().decode() if process.stdout else ''}")


def server_env(data: Path, port: int, **extra: str) -> dict[str, str]:
    env = {**os.environ, "DATA_DIR": str(data), "PORT": str(port), "TIMELINE_API_TOKEN": TOKEN, "LOG_LEVEL": "WARNING"}
    env.pop("TIMELINE_DATABASE_URL", None)
    return {**env, **extra}


@pytest.fixture(scope="module")
def server(tmp_path_factory, served_seed_store) -> Iterator[str]:
    data = tmp_path_factory.mktemp("served")
    port = free_port()
    env = server_env(data, port, TIMELINE_MAX_STREAMS="3")
    copy_store(served_seed_store, data / "timeline.db")
    process = start_server(env, port)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=10)


def require_browser(needs: tuple[Path, ...] = (Path(CHROMIUM), Path(CHROMEDRIVER))) -> None:
    """Skip without the browser's parts, or fail when CI requires them (REQUIRE_BROWSER=1)."""
    missing = [str(path) for path in needs if not path.exists()]
    if missing:
        reason = f"{' and '.join(missing)} needed (`make browser` installs chromium, chromium-driver and axe-core)"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but {reason}", pytrace=False)
        pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    os.environ.setdefault("SE_AVOID_STATS", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1400,1000",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def names_in(driver, venue: str, stage: str, wanted: set[str], timeout: float = 15) -> set[str]:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    selector = f'[data-venue="{venue}"] [data-stage="{stage}"] .card'

    def found(d) -> set[str] | bool:
        texts = {card.text for card in d.find_elements(By.CSS_SELECTOR, selector)}
        hits = {name for name in wanted if any(name in text for text in texts)}
        return hits if hits == wanted else False

    # The board is redrawn as answers arrive: a card read mid-redraw is stale, so look again.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(found)
