"""The timeline viewer: its page rendered on the server from the same read answers the API gives (the board,
and a company when the address names one), then enhanced by the script in api/web; assets served by the
service itself (no CDN). A link preview, a crawler or a plain headless screenshot sees the board."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import FastAPI, Query
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, Template, select_autoescape

from api import inputs
from api.deps import ServicesDep, clocks_for, word
from api.routes.vocabulary import vocabulary_answer
from api.views import board as board_view
from api.views import company as company_view
from api.views import words
from domain.errors import AmbiguousName, UnknownCompany

API_DIR = Path(__file__).resolve().parent.parent
WEB_DIR = API_DIR / "web"
TEMPLATES_DIR = API_DIR / "templates"
FIRST_DAY = "2019-01-01"  # where the slider starts, as in the script (common.js)
BOARD_LIMIT = 1000  # the most /pipeline gives on one page; the script asks the same

Text = Annotated[str | None, Query(max_length=200)]


@functools.cache
def _page() -> Template:
    """The page's template, compiled once per process (~30 ms; a process may build many apps, as tests do)."""
    pages = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR), autoescape=select_autoescape(["html"]), trim_blocks=True
    )
    return pages.get_template("page.html")


def mount(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    page = _page()

    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def index(
        services: ServicesDep,
        as_of: Text = None,
        known_at: Text = None,
        published_by: Text = None,
        certain_only: Text = None,
        venue: Text = None,
        stage: Text = None,
        sector: Text = None,
        company: Text = None,
    ) -> HTMLResponse:
        """The timeline viewer page, the board of the asked day (and the asked company) rendered in it."""
        context: dict[str, Any] = {
            "problem": None,
            "answer": None,
            "board": [],
            "company": None,
            "company_problem": None,
            "vocabulary": vocabulary_answer(),
            "filters": {},
            "as_of": as_of or "",
            "clocks": "",
        }
        status = 200
        try:
            clocks = clocks_for(services, "as_of", as_of, known_at, published_by, certain_only in ("true", "1", "on"))
            filters = {
                "venue": word("venue", venue, inputs.parse_venue),
                "stage": word("stage", stage, inputs.parse_stage),
                "sector": word("sector", sector, inputs.parse_text),
            }
        except RequestValidationError as error:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
            context.update(problem=f"This view cannot be shown: {problem}", title="Hard-tech listing pipeline")
            context["description"] = context["problem"]
            return HTMLResponse(page.render(context), status_code=422)
        answer = services.queries.pipeline(
            clocks, venue=filters["venue"], stage=filters["stage"], sector=filters["sector"], limit=BOARD_LIMIT
        )
        shown = {name: value for name, value in filters.items() if value}
        asked = {"as_of": clocks.as_of.isoformat(), **({"known_at": known_at} if known_at else {})}
        if clocks.published_by:
            asked["published_by"] = clocks.published_by.isoformat()
        if clocks.certain_only:
            asked["certain_only"] = "true"
        first, last = date.fromisoformat(FIRST_DAY), inputs.today()
        context.update(
            slider_max=(last - first).days,
            slider_value=min(max((clocks.as_of - first).days, 0), (last - first).days),
            as_of=clocks.as_of.isoformat(),
            published_by=asked.get("published_by"),
            certain_only=clocks.certain_only,
            answer=answer,
            board=board_view.board(answer["entries"]),
            clocks=words.clocks_text(clocks, known_at),
            possible=sum(1 for e in answer["entries"] if not e["certain"]),
            filters=shown,
            page_query=urlencode({**asked, **shown}),
            # The facts behind the board: every fact up to the day, as known and public by the same clocks.
            facts_query=urlencode(
                {"from": "1900-01-01", "to": asked["as_of"]}
                | {name: value for name, value in asked.items() if name != "as_of"}
                | ({"venue": shown["venue"]} if "venue" in shown else {})
            ),
        )
        if company:
            try:
                context["company"] = company_view.company(services.queries.company(company, clocks))
            except (UnknownCompany, AmbiguousName) as error:
                context["company_problem"] = str(error)
                status = 404 if isinstance(error, UnknownCompany) else 409
        context.update(_preview(context))
        return HTMLResponse(page.render(context), status_code=status)


def _preview(context: dict[str, Any]) -> dict[str, str]:
    """The page's title and its link preview (Open Graph): the day and the filters it shows."""
    answer, filters = context["answer"], context["filters"]
    shown = ", ".join(f"{name} {value}" for name, value in filters.items())
    title = f"Pipeline on {context['as_of']}" + (f" — {shown}" if shown else "")
    if context["company"]:
        title = f"{context['company']['name']} on {context['as_of']} — hard-tech listing pipeline"
    counts = "; ".join(
        f"{venue}: " + ", ".join(f"{n} {stage}" for stage, n in stages.items())
        for venue, stages in answer["counts"].items()
    )
    description = f"{answer['total']} companies in China's hard-tech listing pipeline on {context['as_of']}" + (
        f" ({shown})" if shown else ""
    )
    description += f". {counts}. {context['clocks']}" if counts else f". {context['clocks']}"
    return {"title": title, "description": description}
