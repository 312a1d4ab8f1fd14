"""A serving process keeps its own read models caught up, whoever left them behind.

Catching up after this process's writes and at start-up is not enough: a ``timeline rebuild`` killed half
way, a catch-up that met a locked or unreachable database, or writes through a process that does not catch
up, all leave the read models behind the log, and reads answered from them until the next write here. So
every ``poll`` seconds this looks at the lag (two small reads, off the event loop) and, when there is one,
catches up; the runner leaves a live rebuild in another process alone and takes over one whose process died.
"""

from __future__ import annotations

import asyncio
import logging

from api.composition import Services
from api.unavailable import DATABASE_ERRORS

logger = logging.getLogger("timeline")


async def follow(services: Services, poll: float) -> None:
    troubled = False
    while True:
        await asyncio.sleep(poll)
        try:
            await asyncio.to_thread(look_and_catch_up, services)
        except (*DATABASE_ERRORS, *services.store.unavailable_errors) as error:
            if not troubled:
                logger.warning("background catch-up: the database refused", extra={"fields": {"error": repr(error)}})
            troubled = True
            continue
        except Exception:
            # A fault of this code, not of the database: say so, and keep following (the next look may pass).
            logger.exception("background catch-up failed")
            continue
        if troubled:
            logger.info("background catch-up: the database answers again")
        troubled = False


def look_and_catch_up(services: Services) -> int:
    """Catch up if the read models lag the log; how many events were applied."""
    _, lag = services.behind()
    if lag <= 0:
        return 0
    try:
        applied = services.catch_up()
    except (*DATABASE_ERRORS, *services.store.unavailable_errors) as error:
        services.write_failed(error)
        raise
    if applied:
        services.write_went_through()
        logger.info("caught up by itself", extra={"fields": {"applied": applied, "lag": lag}})
    return applied
