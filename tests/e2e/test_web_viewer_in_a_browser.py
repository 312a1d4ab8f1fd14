"""The web viewer in headless Chromium (Debian's, driven by Selenium) against the real server."""

from __future__ import annotations

import httpx

from tests.e2e.conftest import SHOTS, TOKEN, names_in


def test_the_board_on_two_days_and_a_company_page_with_its_sources(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30")
    assert names_in(driver, "SSE-STAR", "accepted", {"Moore Threads", "MetaX"}) == {"Moore Threads", "MetaX"}
    driver.save_screenshot(str(SHOTS / "board-2025-06-30.png"))

    day = driver.find_element(By.ID, "as_of")
    driver.execute_script("arguments[0].value = '2026-01-09'; arguments[0].dispatchEvent(new Event('change'))", day)
    assert names_in(driver, "HKEX-MAIN", "listed", {"MiniMax"}) == {"MiniMax"}
    assert "as_of=2026-01-09" in driver.current_url
    driver.save_screenshot(str(SHOTS / "board-2026-01-09.png"))

    card = next(
        b
        for b in driver.find_elements(By.CSS_SELECTOR, '[data-venue="HKEX-MAIN"] [data-stage="listed"] .card .open')
        if "MiniMax" in b.text
    )
    card.send_keys(Keys.ENTER)  # keyboard, not the mouse
    dialog = WebDriverWait(driver, 10).until(
        lambda d: (
            d.find_element(By.ID, "company")
            if d.find_element(By.ID, "company").get_attribute("open") is not None
            and d.find_elements(By.CSS_SELECTOR, "#company-facts .fact")
            else False
        )
    )
    assert "MiniMax" in dialog.find_element(By.ID, "company-name").text
    for summary in dialog.find_elements(By.CSS_SELECTOR, "details summary"):
        driver.execute_script("arguments[0].parentElement.open = true", summary)
    quotes = [q.text for q in dialog.find_elements(By.CSS_SELECTOR, "blockquote")]
    assert any("MiniMax" in quote for quote in quotes)
    # the IT Times article (003_3279c473a457c7c1.txt) cited by its title and publisher, not its file name
    cites = [cite.text for cite in dialog.find_elements(By.CSS_SELECTOR, ".cite")]
    assert any("350余家排队,国产大模型和算力企业扎堆港交所" in text and "IT时报" in text for text in cites), cites
    assert not any("003_3279c473a457c7c1.txt" in text for text in cites), cites
    driver.save_screenshot(str(SHOTS / "company-minimax.png"))


def test_a_shared_url_opens_the_same_view_on_a_narrow_screen(browser, server):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.set_window_size(390, 900)
    try:
        driver.get(f"{server}/?as_of=2025-06-30&venue=SSE-STAR&certain_only=true")
        names_in(driver, "SSE-STAR", "accepted", {"Moore Threads"})
        assert driver.find_element(By.ID, "venue").get_attribute("value") == "SSE-STAR"
        assert driver.find_element(By.ID, "certain_only").is_selected()
        assert not driver.find_elements(By.CSS_SELECTOR, '[data-venue="HKEX-MAIN"]')
        driver.save_screenshot(str(SHOTS / "narrow-2025-06-30.png"))
    finally:
        driver.set_window_size(1400, 1000)


def test_cards_say_when_their_state_was_last_reported_and_mark_stale_ones(browser, server):
    from selenium.webdriver.common.by import By

    driver = browser
    driver.get(f"{server}/?as_of=2025-06-30")
    names_in(driver, "SSE-STAR", "accepted", {"Moore Threads"})
    reported = [span.text for span in driver.find_elements(By.CSS_SELECTOR, ".card .reported")]
    assert reported
    # A source dated after the chosen day is a later report of it, never a negative count of days.
    assert all(text.startswith(("last reported", "reported later, on ")) for text in reported)
    assert any(text.startswith("reported later, on ") for text in reported)
    assert not any("after this day" in text or " -" in text for text in reported)
    # Half a year after the newest seed source, every card's state rests on old sources and says so.
    driver.get(f"{server}/?as_of=2026-12-31")
    names_in(driver, "HKEX-MAIN", "listed", {"MiniMax"})
    # Listed companies are history, not stale: the badge is only on states that can still change.
    waiting = driver.find_elements(
        By.CSS_SELECTOR, '.column:not([data-stage="listed"]):not([data-stage="delisted"]) .card'
    )
    listed = driver.find_elements(By.CSS_SELECTOR, '.column[data-stage="listed"] .card')
    assert waiting
    assert listed
    assert all("stale" in card.get_attribute("class") and "stale" in card.text for card in waiting)
    assert not any("stale" in card.get_attribute("class") or "stale" in card.text for card in listed)
    driver.save_screenshot(str(SHOTS / "board-2026-12-31-stale.png"))


def test_the_search_box_suggests_companies_and_opens_the_chosen_one(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(f"{server}/?as_of=2026-01-09")
    box = driver.find_element(By.ID, "search")
    box.send_keys("moore thread")  # partial and lower-case
    suggestion = WebDriverWait(driver, 10).until(
        lambda d: next(
            (b for b in d.find_elements(By.CSS_SELECTOR, "#search-results button") if b.text == "Moore Threads"), False
        )
    )
    suggestion.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(
        lambda d: (
            d.find_element(By.ID, "company").get_attribute("open") is not None
            and "Moore Threads" in d.find_element(By.ID, "company-name").text
        )
    )
    driver.save_screenshot(str(SHOTS / "search-moore-threads.png"))


def test_what_changed_since_a_knowledge_time_lists_the_moves_with_their_causes_and_the_history_picture(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    feed = httpx.get(f"{server}/feed", params={"after": 0, "limit": 1000}).json()
    after = 0
    while True:  # the position before the seed corrections
        page = httpx.get(f"{server}/feed", params={"after": after, "limit": 1000}).json()
        corrected = [e["position"] for e in page["events"] if e["type"] == "Fact.Corrected"]
        if corrected:
            since = corrected[0] - 1
            break
        assert page["events"], feed
        after = page["next_after"]
    driver.get(f"{server}/?as_of=2025-06-30&since={since}")
    items = WebDriverWait(driver, 15).until(
        lambda d: (
            [li for li in d.find_elements(By.CSS_SELECTOR, "#revisions .revision") if "Zhaoxin" in li.text] or False
        )
    )
    assert any("corrected" in item.text and "SSE-STAR" in item.text for item in items)
    links = items[0].find_elements(By.CSS_SELECTOR, ".causes a")
    assert links
    assert "/facts/" in links[0].get_attribute("href")
    assert f"since={since}" in driver.current_url
    driver.save_screenshot(str(SHOTS / "what-changed-2025-06-30.png"))

    items[0].find_element(By.CSS_SELECTOR, "button.link").click()
    shapes = WebDriverWait(driver, 15).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#company-history svg rect[data-venue]") or False
    )
    venues = {shape.get_attribute("data-venue") for shape in shapes}
    assert {"CN-A", "SSE-STAR"} <= venues  # the correction moved the acceptance: both rows are drawn
    assert any("possible" in (shape.get_attribute("class") or "") for shape in shapes)
    driver.save_screenshot(str(SHOTS / "company-history-zhaoxin.png"))
    driver.find_element(By.CSS_SELECTOR, "#company form.close button").click()


def test_since_my_last_visit_asks_what_changed_since_the_head_this_browser_last_saw(browser, server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(f"{server}/?as_of=2026-01-31")
    WebDriverWait(driver, 15).until(
        lambda d: d.execute_script("return localStorage.getItem('timeline:last-seen-position')")
    )
    written = httpx.post(
        f"{server}/companies", headers={"Authorization": f"Bearer {TOKEN}"}, json={"name": "Visit Check Robotics"}
    ).json()
    httpx.post(
        f"{server}/facts",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={
            "kind": "accepted",
            "company": "Visit Check Robotics",
            "venue": "SSE-STAR",
            "date": "2026-01-15",
            "sources": [{"document": "visit.txt", "published": "2026-01-16", "quote": "accepted"}],
        },
    )
    assert written["position"]
    driver.get(f"{server}/?as_of=2026-01-31")
    driver.find_element(By.ID, "since-last-visit").click()
    WebDriverWait(driver, 15).until(
        lambda d: any(
            "Visit Check Robotics" in li.text for li in d.find_elements(By.CSS_SELECTOR, "#revisions .revision")
        )
    )
    assert "since=" in driver.current_url


def test_the_share_link_pins_the_view_so_a_later_write_does_not_change_it(browser, server):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser
    driver.get(f"{server}/?as_of=2026-01-31&venue=SSE-STAR")
    link = WebDriverWait(driver, 15).until(
        lambda d: (href := d.find_element(By.ID, "share").get_attribute("href")) and "known_at=" in href and href
    )
    headers = {"Authorization": f"Bearer {TOKEN}"}
    httpx.post(f"{server}/companies", headers=headers, json={"name": "Shared Link Robotics"})
    written = httpx.post(
        f"{server}/facts",
        headers=headers,
        json={
            "kind": "accepted",
            "company": "Shared Link Robotics",
            "venue": "SSE-STAR",
            "date": "2026-01-20",
            "sources": [{"document": "share.txt", "published": "2026-01-21", "quote": "accepted"}],
        },
    )
    assert written.status_code == 201
    driver.get(f"{server}/?as_of=2026-01-31&venue=SSE-STAR")
    assert names_in(driver, "SSE-STAR", "accepted", {"Shared Link Robotics"}) == {"Shared Link Robotics"}
    driver.get(link)

    def cards_text(d):  # the board may be drawn again while it is read: read it again then
        try:
            return " ".join(card.text for card in d.find_elements(By.CSS_SELECTOR, '[data-venue="SSE-STAR"] .card'))
        except StaleElementReferenceException:
            return ""

    cards = WebDriverWait(driver, 15).until(cards_text)
    assert "Shared Link Robotics" not in cards


def test_time_to_listing_draws_a_step_curve_per_cohort_with_its_median(browser, server):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    driver = browser
    driver.get(f"{server}/?as_of=2026-01-31&venue=SSE-STAR")
    wait = WebDriverWait(driver, 15, ignored_exceptions=(StaleElementReferenceException,))

    def legend(cohort: str):
        def found(d):
            items = d.find_elements(By.CSS_SELECTOR, f'#listing-legend li[data-cohort="{cohort}"]')
            return items[0].text if items else False

        return wait.until(found)

    # six STAR attempts accepted in 2025: Moore Threads (158 days) and MetaX (170) listed, four in review
    assert "6 attempts, 2 listed, 4 in review; median 170 days" in legend("2025")
    curve = driver.find_element(By.CSS_SELECTOR, '#listing-chart path[data-cohort="2025"]')
    assert curve.get_attribute("d").count(" H ") == 7  # day 0, the two listings, four days of censoring
    assert driver.find_element(By.ID, "listing-venue").text == "SSE-STAR"
    driver.save_screenshot(str(SHOTS / "time-to-listing-by-year.png"))

    Select(driver.find_element(By.ID, "listing_cohort")).select_by_value("quarter")
    assert "4 attempts, 2 listed" in legend("2025-Q2")
    driver.save_screenshot(str(SHOTS / "time-to-listing-by-quarter.png"))
