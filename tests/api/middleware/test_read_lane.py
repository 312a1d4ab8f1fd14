"""The read lane answers the commonest questions as the routes would, and leaves every other request to them."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from datetime import date, timedelta

import anyio
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.middleware import read_lane
from api.middleware.read_lane import Batches
from api.settings import Settings

# min_position is no parameter a lane reads: the same question with it is answered by the routes.
BY_ROUTES = "min_position=0"


@pytest.fixture(scope="module")
def client(seeded) -> Iterator[TestClient]:
    app = create_app(Settings(TIMELINE_ANSWER_CACHE_MB=0), services=seeded)  # each request reaches the lane
    with TestClient(app) as client:
        yield client


def counted(client: TestClient, outcome: str) -> float:
    return client.app.state.metrics.read_lane.labels(outcome)._value.get()


def by_routes(url: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{BY_ROUTES}"


def sent(response) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers in order (but the date) and body: all a client can tell two answers apart by."""
    headers = [(name, value) for name, value in response.headers.multi_items() if name != "date"]
    return response.status_code, headers, response.content


def answered_alike(client: TestClient, url: str, headers: dict[str, str] | None = None) -> None:
    answered, left = counted(client, "answered"), counted(client, "left")
    by_lane = client.get(url, headers=headers)
    assert counted(client, "answered") == answered + 1, f"the lane did not take {url}"
    assert counted(client, "left") == left
    assert sent(by_lane) == sent(client.get(by_routes(url), headers=headers))


COMPANIES = ["MiniMax", "minimax", "稀宇科技", "Moore Threads", "壁仞科技", "MetaX"]


@pytest.mark.parametrize(
    "url",
    [
        *(f"/companies/{name}?as_of=2026-01-09" for name in COMPANIES),
        "/companies/MiniMax?as_of=2019-01-01",
        "/companies/MiniMax?as_of=2026年1月9日",
        "/companies/MiniMax",
        "/pipeline?as_of=2025-06-30",
        "/pipeline?as_of=2025-06-30&limit=100",
        "/pipeline?as_of=2025-06-30&limit=3&offset=2",
        "/pipeline?as_of=2025-06-30&venue=SSE-STAR&limit=100",
        "/pipeline?as_of=2025-06-30&venue=sse-star&stage=accepted",
        "/pipeline?as_of=2026-01-30&venue=HKEX-MAIN&stage=listed&limit=1000&offset=0",
        "/pipeline?limit=5",
        "/pipeline",
    ],
)
def test_the_lane_answers_as_the_routes_do_byte_for_byte_and_header_for_header(client, url):
    answered_alike(client, url)


def test_an_answer_the_client_holds_is_a_304_from_the_lane_as_from_the_routes(client):
    url = "/companies/MiniMax?as_of=2026-01-09"
    tag = client.get(url).headers["etag"]
    answered_alike(client, url, headers={"If-None-Match": tag})
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 304


@pytest.mark.parametrize(
    "url",
    [
        "/companies/MiniMax?as_of=2026-01-09&known_at=5",  # a parameter no lane reads
        "/companies/MiniMax?as_of=2026-01-09&whatever=1",  # unknown: ignored by the routes, as the contract says
        "/companies/MiniMax?as_of=2026-01-09&as_of=2025-01-01",  # repeated
        "/companies/MiniMax?as_of=",  # empty
        "/companies/MiniMax?as_of=2026-02-30",  # no such day: the routes' 422
        f"/companies/MiniMax?as_of={'2' * 41}",  # longer than declared
        "/companies/No%20such%20company?as_of=2026-01-09",  # the routes' 404
        f"/companies/{'x' * 201}?as_of=2026-01-09",  # a name longer than declared
        "/pipeline?limit=0",
        "/pipeline?limit=1001",
        "/pipeline?limit=010",
        "/pipeline?limit=+10",
        "/pipeline?limit=%2010",
        "/pipeline?offset=-1",
        "/pipeline?venue=NOWHERE",
        "/pipeline?stage=dreaming",
        "/pipeline?sector=ai",
    ],
)
def test_what_the_lane_does_not_take_is_left_to_the_routes_which_answer_as_ever(client, url):
    answered = counted(client, "answered")
    answer = client.get(url)
    assert counted(client, "answered") == answered
    assert sent(answer) == sent(client.get(by_routes(url)))


def test_routes_beyond_the_lanes_never_meet_them(client):
    answered, left = counted(client, "answered"), counted(client, "left")
    for url in ("/companies/MiniMax/history", "/pipeline.csv?as_of=2025-06-30", "/timeline?from=2025-01-01"):
        client.get(url)
    assert (counted(client, "answered"), counted(client, "left")) == (answered, left)


FIRST_DAY = date(2018, 1, 1)
days = st.integers(min_value=0, max_value=365 * 10).map(lambda n: (FIRST_DAY + timedelta(days=n)).isoformat())
pages = st.fixed_dictionaries(
    {},
    optional={
        "venue": st.sampled_from(["SSE-STAR", "HKEX-MAIN", "SZSE-CHINEXT", "CN-A", "BSE"]),
        "stage": st.sampled_from(["accepted", "listed", "filed", "guidance", "registered"]),
        "limit": st.integers(min_value=1, max_value=1000).map(str),
        "offset": st.integers(min_value=0, max_value=40).map(str),
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=days, name=st.sampled_from(COMPANIES), page=pages)
def test_any_day_of_any_company_or_page_is_answered_alike(client, day, name, page):
    answered_alike(client, f"/companies/{name}?as_of={day}")
    query = "&".join(f"{key}={value}" for key, value in {"as_of": day, **page}.items())
    answered_alike(client, f"/pipeline?{query}")


def test_questions_that_arrive_while_the_read_threads_are_busy_go_to_them_together_and_fail_alone(monkeypatch):
    hops: list[int] = []
    first_started, release = threading.Event(), threading.Event()
    each = read_lane._each

    def counting(works):
        hops.append(len(works))
        return each(works)

    def first():
        first_started.set()
        release.wait(5)
        return "first"

    def failing():
        raise LookupError("this one only")

    async def ask() -> list[object]:
        batches = Batches(anyio.CapacityLimiter(1))
        asked = [asyncio.ensure_future(batches.run(first))]
        await asyncio.to_thread(first_started.wait, 5)
        asked += [asyncio.ensure_future(batches.run(work)) for work in (lambda: 2, failing, lambda: 4)]
        await asyncio.sleep(0)
        release.set()
        return await asyncio.gather(*asked, return_exceptions=True)

    monkeypatch.setattr(read_lane, "_each", counting)
    outcomes = asyncio.run(ask())
    assert [outcomes[0], outcomes[1], outcomes[3]] == ["first", 2, 4]
    assert isinstance(outcomes[2], LookupError)
    assert hops == [1, 3]  # the three that came while the thread was busy: one hop there, one back


def test_a_batch_whose_sender_stops_leaves_no_question_waiting(monkeypatch):
    def stopped(_works):  # what no question raises: the hop itself failing
        raise RuntimeError("the read threads stopped")

    async def ask() -> list[object]:
        batches = Batches(anyio.CapacityLimiter(1))
        asked = [asyncio.ensure_future(batches.run(lambda: 1)) for _ in range(3)]
        return await asyncio.wait_for(asyncio.gather(*asked, return_exceptions=True), 5)

    monkeypatch.setattr(read_lane, "_each", stopped)
    outcomes = asyncio.run(ask())
    assert [str(outcome) for outcome in outcomes] == ["the read threads stopped"] * 3
