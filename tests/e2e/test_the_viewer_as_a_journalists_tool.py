"""The viewer as a data journalist uses it, in Debian's Chromium against the real server: a chart with axes,
a range and downloads, search that never guesses, the company header, the publication clock in words, an
axe-core audit and a keyboard walk."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import AXE, SHOTS, names_in, require_browser


def wait(driver, find, timeout: float = 15):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(find)


def chart_ready(driver, day: str):
    from selenium.webdriver.common.by import By

    return wait(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, f'#chart line[data-day="{day}"]') and d.find_element(By.ID, "chart"),
    )


@pytest.fixture
def downloads(browser, tmp_path) -> Iterator[Path]:
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    return tmp_path


def downloaded(folder: Path, suffix: str, timeout: float = 15) -> Path:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} file in {folder}: {[p.name for p in folder.iterdir()]}")


def test_the_chart_has_axes_value_labels_a_range_around_the_day_and_a_legend_of_the_stages_it_shows(browser, server):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30")
    chart = chart_ready(driver, "2025-06-30")
    # Three years around the chosen day, by default.
    assert driver.find_element(By.ID, "chart_from").get_attribute("value") == "2023-12"
    assert driver.find_element(By.ID, "chart_to").get_attribute("value") == "2026-11"
    years = [t.text for t in chart.find_elements(By.CSS_SELECTOR, "text.year-tick")]
    assert years == ["2024", "2025", "2026"]  # December 2023 leads in, too close to January for a label
    assert {t.text for t in chart.find_elements(By.CSS_SELECTOR, "text.month-tick")} >= {"Jan", "Apr", "Jul", "Oct"}
    assert [t.text for t in chart.find_elements(By.CSS_SELECTOR, "text.y-tick")][:2] == ["0", "20"]
    counts = httpx.get(f"{server}/stats/pipeline-counts", params={"from": "2023-12-01", "to": "2026-11-30"}).json()
    june = next(p for p in counts["points"] if p["date"] == "2025-06-30")
    labels = [t.text for t in chart.find_elements(By.CSS_SELECTOR, "text.value-label")]
    assert str(sum(june["counts"].values())) in labels
    present = [
        s
        for s in httpx.get(f"{server}/vocabulary").json()["stages"]
        if any(p["counts"].get(s) for p in counts["points"])
    ]
    legend = [li.get_attribute("data-stage") for li in driver.find_elements(By.CSS_SELECTOR, "#legend li")]
    assert legend == present
    assert len(legend) < 13  # stages absent from the range are not listed
    fills = {r.get_attribute("fill") for r in chart.find_elements(By.CSS_SELECTOR, "rect[data-stage]")}
    assert all(fill.startswith("url(#fill-") for fill in fills)  # a texture per stage, not colour alone
    driver.save_screenshot(str(SHOTS / "chart-2025-06-30.png"))

    driver.find_element(By.ID, "range-all").click()
    wait(driver, lambda d: [t.text for t in d.find_elements(By.CSS_SELECTOR, "#chart text.year-tick")][:1] == ["2019"])
    assert "chart_from=2019-01" in driver.current_url

    driver.find_element(By.ID, "by_venue").click()  # one chart per venue, each with its own axes
    titles = wait(
        driver, lambda d: [t.text for t in d.find_elements(By.CSS_SELECTOR, "#chart text.panel-title")] or False
    )
    assert {"SSE-STAR", "HKEX-MAIN"} <= set(titles)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#chart text.y-tick")) > len(titles)


def test_the_chart_and_the_board_download_as_png_and_csv(browser, server, downloads):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30&venue=SSE-STAR")
    chart_ready(driver, "2025-06-30")
    driver.find_element(By.ID, "bom").click()
    driver.find_element(By.ID, "chart-csv").click()
    rows = list(csv.reader(io.StringIO(downloaded(downloads, ".csv").read_text(encoding="utf-8"))))
    assert rows[0][0] == "\ufeffvenue"  # the BOM asked for, then the header
    counts = httpx.get(
        f"{server}/stats/pipeline-counts", params={"from": "2023-12-01", "to": "2026-11-30", "venue": "SSE-STAR"}
    ).json()
    stages = rows[0][2:-1]
    assert len(rows) - 1 == len(counts["points"])
    for row, point in zip(rows[1:], counts["points"], strict=True):
        assert row[1] == point["date"]
        assert [int(n) for n in row[2:-1]] == [point["counts"].get(s, 0) for s in stages]
        assert int(row[-1]) == sum(point["counts"].values())
    driver.find_element(By.ID, "chart-png").click()
    assert downloaded(downloads, ".png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    board_csv = driver.find_element(By.ID, "board-csv").get_attribute("href")
    assert "/pipeline.csv?" in board_csv
    assert "bom=true" in board_csv
    answer = httpx.get(board_csv)
    assert answer.text.startswith("\ufeffcompany_id")
    assert "Moore Threads" in answer.text
    facts_csv = driver.find_element(By.ID, "facts-csv").get_attribute("href")
    assert "/timeline.csv?" in facts_csv
    assert httpx.get(facts_csv).status_code == 200
    for old in downloads.iterdir():
        old.unlink()
    driver.find_element(By.ID, "board-png").click()
    assert downloaded(downloads, ".png").name == "pipeline-2025-06-30.png"


def test_enter_on_a_generic_word_opens_nothing_and_keeps_the_suggestions_with_their_reasons(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    driver.get(f"{server}/?as_of=2026-01-09")
    names_in(driver, "HKEX-MAIN", "listed", {"MiniMax"})
    box = driver.find_element(By.ID, "search")
    box.send_keys("科技", Keys.ENTER)
    status = wait(driver, lambda d: (s := d.find_element(By.ID, "search-status").text).startswith("Not opened") and s)
    assert "did you mean" in status
    suggestions = driver.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert len(suggestions) > 1
    assert all(" — " in li.text for li in suggestions)  # each says why it fits
    time.sleep(1)  # nothing opens later either
    assert driver.find_element(By.ID, "company").get_attribute("open") is None
    driver.save_screenshot(str(SHOTS / "search-generic-word.png"))

    box.clear()
    box.send_keys("688795.SH", Keys.ENTER)  # a stock code names exactly one company
    wait(driver, lambda d: "Moore Threads" in d.find_element(By.ID, "company-name").text)


def test_the_company_header_shows_stock_codes_per_venue_and_flags(browser, server):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/?as_of=2026-01-09&company=688795.SH")
    wait(driver, lambda d: d.execute_script("return document.getElementById('company').matches(':modal')"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#company-facts .fact"))
    assert driver.find_element(By.ID, "company-codes").text == "SSE-STAR 688795"
    flags = driver.find_element(By.ID, "company-flags").text
    assert "blacklisted (entity list) since late 2023" in flags
    assert "in the STAR growth tier since 2025-12-05" in flags
    driver.save_screenshot(str(SHOTS / "company-moore-threads.png"))


def test_the_publication_clock_defaults_to_the_chosen_day_and_says_how_many_facts_it_hides(browser, server):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30")
    names_in(driver, "SSE-STAR", "accepted", {"Moore Threads"})
    held_back = httpx.get(f"{server}/pipeline", params={"as_of": "2025-06-30", "published_by": "2025-06-30"}).json()
    hides = f"{held_back['held_back']} stage facts recorded here but not yet public on 2025-06-30"
    assert driver.find_element(By.ID, "published_by").get_attribute("value") == "2025-06-30"
    wait(driver, lambda d: d.find_element(By.ID, "held-back").text == f"Ticking it hides {hides}.")
    driver.find_element(By.ID, "use_published_by").click()
    wait(driver, lambda d: "published_by=2025-06-30" in d.current_url)
    wait(driver, lambda d: d.find_element(By.ID, "held-back").text == f"Hiding {hides}.")
    assert (
        "as the recorded sources show the public could know it on 2025-06-30"
        in driver.find_element(By.ID, "board-clocks").text
    )


def test_who_moved_follows_the_chosen_day(browser, server):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30")
    wait(driver, lambda d: d.find_element(By.ID, "changes_from").get_attribute("value") == "2025-06-15")
    assert driver.find_element(By.ID, "changes_to").get_attribute("value") == "2025-07-15"
    wait(driver, lambda d: any("Moore Threads" in li.text for li in d.find_elements(By.CSS_SELECTOR, "#changes li")))


def audit(driver) -> list[dict]:
    """axe-core run in the page (handed over by the test: the page's CSP admits no other script)."""
    driver.set_script_timeout(120)  # a whole page's audit on a busy machine
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[0]; axe.run(document).then(done, (e) => done({error: String(e)}));"
    )
    assert "error" not in result, result
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def described(violations: list[dict]) -> str:
    return "; ".join(f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in violations)


def test_axe_finds_nothing_serious_on_the_board_the_company_page_and_its_dialog(browser, server):
    from selenium.webdriver.common.by import By

    require_browser((AXE,))
    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30")
    chart_ready(driver, "2025-06-30")
    names_in(driver, "SSE-STAR", "accepted", {"Moore Threads"})
    violations = audit(driver)
    assert not violations, described(violations)

    driver.get(f"{server}/?as_of=2026-01-09&company=688795.SH")
    wait(driver, lambda d: d.execute_script("return document.getElementById('company').matches(':modal')"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#company-history svg"))
    for summary in driver.find_elements(By.CSS_SELECTOR, "#company details"):
        driver.execute_script("arguments[0].open = true", summary)
    violations = audit(driver)
    assert not violations, described(violations)

    # The dialog as the server renders it (open, not modal): loaded with scripts off, so the page's own script
    # never runs; then on again for axe alone.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        driver.get(f"{server}/?as_of=2026-01-09&company=688795.SH")
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert driver.find_element(By.ID, "company").get_attribute("open") is not None
    assert driver.find_element(By.ID, "chart").get_attribute("innerHTML").strip() == ""
    violations = audit(driver)
    assert not violations, described(violations)


def test_the_keyboard_reaches_every_control(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30&venue=SSE-STAR&stage=accepted")
    names_in(driver, "SSE-STAR", "accepted", {"Moore Threads"})
    chart_ready(driver, "2025-06-30")
    controls = driver.execute_script(
        """return [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex]')]
             .filter((e) => e.tabIndex >= 0 && !e.closest('dialog:not([open])') && e.getClientRects().length
                            && e.type !== 'hidden')
             .map((e, i) => { e.dataset.control = String(i); return String(i); });"""
    )
    assert len(controls) > 25
    reached = set()
    driver.find_element(By.TAG_NAME, "h1").click()
    for _ in range(len(controls) * 3):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script("return document.activeElement && document.activeElement.dataset.control")
        if focused is not None:
            reached.add(focused)
        if reached == set(controls):
            break
    missing = driver.execute_script(
        "return arguments[0].map((i) => document.querySelector(`[data-control='${i}']`).outerHTML.slice(0, 80));",
        sorted(set(controls) - reached),
    )
    assert not missing, missing
