"""The request log's handler: lines logged on the event loop go out in one write per turn of the loop, in order,
none lost; lines logged off the loop go out at once."""

from __future__ import annotations

import asyncio
import io
import logging

import orjson

from api.middleware.observability import JsonFormatter, LinesPerTurn


class CountedWrites(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def logger_writing_to(stream: CountedWrites, name: str) -> logging.Logger:
    handler = LinesPerTurn()
    handler.setStream(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(name)
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


def messages(stream: CountedWrites) -> list[str]:
    return [orjson.loads(line)["message"] for line in stream.getvalue().splitlines()]


def test_lines_logged_in_one_turn_of_the_loop_are_written_together_after_it_in_order() -> None:
    stream = CountedWrites()
    logger = logger_writing_to(stream, "timeline-test-turns")

    async def answer_requests() -> tuple[str, list[str], int]:
        for n in range(5):
            logger.info(f"request {n}", extra={"fields": {"n": n}})
        during = stream.getvalue()
        await asyncio.sleep(0)  # the turn ends
        await asyncio.sleep(0)
        after_turn, writes = messages(stream), stream.writes
        logger.info("request 5")
        logger.handlers[0].flush()  # as logging does at exit, before the loop's next turn
        return during, after_turn, writes

    during, after_turn, writes = asyncio.run(answer_requests())
    assert during == ""
    assert after_turn == [f"request {n}" for n in range(5)]
    assert writes == 1
    assert messages(stream) == [f"request {n}" for n in range(6)]


def test_lines_logged_off_the_loop_are_written_at_once() -> None:
    stream = CountedWrites()
    logger = logger_writing_to(stream, "timeline-test-at-once")
    logger.warning("started without the database", extra={"fields": {"error": "OperationalError"}})
    assert messages(stream) == ["started without the database"]
    assert orjson.loads(stream.getvalue())["error"] == "OperationalError"
