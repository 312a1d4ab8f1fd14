"""A standing query read: a path of this app's read routes, with parameters those routes declare.

The query is matched against the app's own GET routes (so ``/companies/Moore Threads`` finds the company
route, and a path no route answers is refused), each parameter must be one its route declares, and the
parameters that say what the answer is about are read by the same parsers as the reads: the company (a path
name or ``company=``, resolved to its id now, so a later rename is still followed), ``venue``, ``stage``,
``as_of``, ``published_by``, ``certain_only``. That is the subscription's scope (see docs/downstream.md):
deliveries carry /revisions' changes of the pipeline within it. Other parameters (``from``, ``kind``,
``limit`` ...) are accepted and kept in the query text but do not narrow the scope. Refused with a 422
naming ``query``: answers pinned to a knowledge time (``known_at``, ``until``), which never change, and routes
whose answers are not the pipeline's (the log itself, health, the vocabulary, name search, a subscription).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, unquote, urlsplit

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Match

from api import inputs
from api.composition import Services
from api.deps import declared_query
from api.inputs import InputError, clip
from application.subscriptions import Scope
from domain.errors import AmbiguousName, UnknownCompany

NOT_FOLLOWED = {
    "/feed": "is the log itself: follow it with /feed?after=N or /feed/stream",
    "/feed/stream": "is the log itself: follow it with /feed?after=N or /feed/stream",
    "/healthz": "reports on the service, not on the pipeline",
    "/metrics": "reports on the service, not on the pipeline",
    "/vocabulary": "does not change with writes",
    "/search": "ranks names; follow a company with /companies/{name}",
    "/facts/{fact_id}": "follows one fact; follow its company with /companies/{name}",
}
PINNING = ("known_at", "until", "min_position")
TRUE, FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


class BadQuery(ValueError):
    """A query this service cannot stand; the message says why."""


def read_scope(app: FastAPI, services: Services, query: str) -> Scope:
    """The scope of a standing query, or BadQuery naming what is wrong with it."""
    split = urlsplit(query)
    if split.scheme or split.netloc or not split.path.startswith("/"):
        raise BadQuery(f"{clip(query, 80)!r} is not a path of this service, such as /pipeline?venue=SSE-STAR")
    path = unquote(split.path)
    route, path_params = _route_for(app, path)
    if route.path.startswith("/subscriptions") or route.path in NOT_FOLLOWED:
        reason = NOT_FOLLOWED.get(route.path, "is a subscription, not an answer")
        raise BadQuery(f"{route.path} cannot be a standing query: it {reason}")
    try:
        pairs = parse_qsl(split.query, keep_blank_values=True, strict_parsing=bool(split.query))
    except ValueError:
        raise BadQuery(f"the parameters of {clip(query, 80)!r} do not read as name=value pairs") from None
    params: dict[str, str] = {}
    declared = declared_query(route)
    for name, value in pairs:
        if name in params:
            raise BadQuery(f"the parameter {clip(name, 40)!r} is given twice")
        if name in PINNING:
            raise BadQuery(f"{name} pins the answer to a knowledge time, so it never changes: leave it out")
        if name not in declared:
            raise BadQuery(f"{route.path} has no parameter {clip(name, 40)!r} (it takes {', '.join(sorted(declared))})")
        params[name] = value
    try:
        return _scope(services, params, path_params)
    except InputError as error:
        raise BadQuery(f"parameter {error.name!r}: {error.message}") from None


def _route_for(app: FastAPI, path: str) -> tuple[APIRoute, dict[str, str]]:
    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    for route in app.router.routes:
        if isinstance(route, APIRoute) and "GET" in (route.methods or ()):
            match, child = route.matches(scope)
            if match == Match.FULL:
                return route, {name: str(value) for name, value in child.get("path_params", {}).items()}
    raise BadQuery(f"no read route answers {clip(path, 80)!r}")


def _scope(services: Services, params: dict[str, str], path_params: dict[str, str]) -> Scope:
    company = path_params.get("name") or params.get("company")
    venue, stage = params.get("venue"), params.get("stage")
    as_of, published_by = params.get("as_of"), params.get("published_by")
    return Scope(
        company_id=_company(services, company) if company else None,
        venue=inputs.parse_venue("venue", venue) if venue else None,
        stage=inputs.parse_stage("stage", stage) if stage else None,
        as_of=inputs.parse_day("as_of", as_of).isoformat() if as_of else None,
        published_by=inputs.parse_day("published_by", published_by).isoformat() if published_by else None,
        certain_only=_flag("certain_only", params.get("certain_only", "false")),
    )


def _company(services: Services, name: str) -> str:
    try:
        return str(services.queries.resolve(name)["company_id"])
    except (UnknownCompany, AmbiguousName) as error:
        raise BadQuery(str(error)) from None


def _flag(name: str, text: str) -> bool:
    if text.lower() in TRUE:
        return True
    if text.lower() in FALSE:
        return False
    raise InputError(name, text, "must be true or false")
