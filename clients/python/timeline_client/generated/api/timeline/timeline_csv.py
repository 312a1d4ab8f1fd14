from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.fact_kind import FactKind
from ...models.http_validation_error import HTTPValidationError
from ...models.market_group import MarketGroup
from ...models.source_grade import SourceGrade
from ...models.venue import Venue
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    company: None | str | Unset = UNSET,
    venue: MarketGroup | None | str | Unset | Venue = UNSET,
    kind: FactKind | None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    bom: bool | Unset = False,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    elif isinstance(to, datetime.date):
        json_to = to.isoformat()
    else:
        json_to = to
    params["to"] = json_to

    json_company: None | str | Unset
    if isinstance(company, Unset):
        json_company = UNSET
    else:
        json_company = company
    params["company"] = json_company

    json_venue: None | str | Unset
    if isinstance(venue, Unset):
        json_venue = UNSET
    elif isinstance(venue, Venue):
        json_venue = venue.value
    elif isinstance(venue, MarketGroup):
        json_venue = venue.value
    else:
        json_venue = venue
    params["venue"] = json_venue

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, FactKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at

    json_published_by: None | str | Unset
    if isinstance(published_by, Unset):
        json_published_by = UNSET
    elif isinstance(published_by, datetime.date):
        json_published_by = published_by.isoformat()
    else:
        json_published_by = published_by
    params["published_by"] = json_published_by

    params["certain_only"] = certain_only

    json_min_source_grade: None | str | Unset
    if isinstance(min_source_grade, Unset):
        json_min_source_grade = UNSET
    elif isinstance(min_source_grade, SourceGrade):
        json_min_source_grade = min_source_grade.value
    else:
        json_min_source_grade = min_source_grade
    params["min_source_grade"] = json_min_source_grade

    params["bom"] = bom

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/timeline.csv",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorOut | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 404:
        response_404 = ErrorOut.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = ErrorOut.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorOut | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    company: None | str | Unset = UNSET,
    venue: MarketGroup | None | str | Unset | Venue = UNSET,
    kind: FactKind | None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    bom: bool | Unset = False,
    min_position: int | None | Unset = UNSET,

) -> Response[Any | ErrorOut | HTTPValidationError]:
    """ Timeline Csv

     Every fact between two days as CSV, one row a fact, its sources' documents or links in one cell.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        company (None | str | Unset): Only this company (any name)
        venue (MarketGroup | None | str | Unset | Venue): Only this venue or market
        kind (FactKind | None | str | Unset): Only this fact kind
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        bom (bool | Unset): Start with a UTF-8 BOM, so Excel shows Chinese names Default: False.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
company=company,
venue=venue,
kind=kind,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
bom=bom,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    company: None | str | Unset = UNSET,
    venue: MarketGroup | None | str | Unset | Venue = UNSET,
    kind: FactKind | None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    bom: bool | Unset = False,
    min_position: int | None | Unset = UNSET,

) -> Any | ErrorOut | HTTPValidationError | None:
    """ Timeline Csv

     Every fact between two days as CSV, one row a fact, its sources' documents or links in one cell.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        company (None | str | Unset): Only this company (any name)
        venue (MarketGroup | None | str | Unset | Venue): Only this venue or market
        kind (FactKind | None | str | Unset): Only this fact kind
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        bom (bool | Unset): Start with a UTF-8 BOM, so Excel shows Chinese names Default: False.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut | HTTPValidationError
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
company=company,
venue=venue,
kind=kind,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
bom=bom,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    company: None | str | Unset = UNSET,
    venue: MarketGroup | None | str | Unset | Venue = UNSET,
    kind: FactKind | None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    bom: bool | Unset = False,
    min_position: int | None | Unset = UNSET,

) -> Response[Any | ErrorOut | HTTPValidationError]:
    """ Timeline Csv

     Every fact between two days as CSV, one row a fact, its sources' documents or links in one cell.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        company (None | str | Unset): Only this company (any name)
        venue (MarketGroup | None | str | Unset | Venue): Only this venue or market
        kind (FactKind | None | str | Unset): Only this fact kind
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        bom (bool | Unset): Start with a UTF-8 BOM, so Excel shows Chinese names Default: False.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
company=company,
venue=venue,
kind=kind,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
bom=bom,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    company: None | str | Unset = UNSET,
    venue: MarketGroup | None | str | Unset | Venue = UNSET,
    kind: FactKind | None | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    bom: bool | Unset = False,
    min_position: int | None | Unset = UNSET,

) -> Any | ErrorOut | HTTPValidationError | None:
    """ Timeline Csv

     Every fact between two days as CSV, one row a fact, its sources' documents or links in one cell.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        company (None | str | Unset): Only this company (any name)
        venue (MarketGroup | None | str | Unset | Venue): Only this venue or market
        kind (FactKind | None | str | Unset): Only this fact kind
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        bom (bool | Unset): Start with a UTF-8 BOM, so Excel shows Chinese names Default: False.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut | HTTPValidationError
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
company=company,
venue=venue,
kind=kind,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
bom=bom,
min_position=min_position,

    )).parsed
