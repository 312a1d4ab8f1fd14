"""The viewer's page read as a link preview, a crawler or a plain headless screenshot reads it: over HTTP,
with no script run, the board of the asked day is there."""

from __future__ import annotations

import subprocess

import httpx

from tests.api.views.page import Page
from tests.e2e.conftest import CHROMIUM, SHOTS


def test_the_board_is_in_the_page_fetched_over_http(server):
    response = httpx.get(f"{server}/", params={"as_of": "2025-06-30"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = Page(response.text)
    assert {"Moore Threads", "MetaX"} <= {
        name for card in page.names("SSE-STAR", "accepted") for name in ("Moore Threads", "MetaX") if name in card
    }
    assert "2025-06-30" in page.meta["og:title"]
    head = httpx.head(f"{server}/", params={"as_of": "2025-06-30"})
    assert head.status_code == 200
    assert head.content == b""


def chromium(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"]
    return subprocess.run(
        [CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=timeout, cwd=SHOTS, check=True
    )


def test_chromium_with_scripts_off_shows_the_board_and_a_plain_headless_screenshot_is_taken(server, browser):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    driver.get(f"{server}/?as_of=2025-06-30")
    cards = [
        card.text
        for card in driver.find_elements(By.CSS_SELECTOR, '[data-venue="SSE-STAR"] [data-stage="accepted"] .card')
    ]
    assert any("Moore Threads" in card for card in cards)
    assert any("MetaX" in card for card in cards)
    assert driver.find_element(By.ID, "chart").get_attribute("innerHTML").strip() == ""  # no script ran
    driver.save_screenshot(str(SHOTS / "no-script-2025-06-30.png"))
    # The command line a reader would type: chromium --headless --screenshot of the address.
    shot = SHOTS / "plain-screenshot-2025-06-30.png"
    shot.unlink(missing_ok=True)
    chromium("--window-size=1400,1400", f"--screenshot={shot}", f"{server}/?as_of=2025-06-30")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a page of text and cards, not a blank one
