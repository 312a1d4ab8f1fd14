from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.pipeline import Pipeline
from ...models.sector import Sector
from ...models.source_grade import SourceGrade
from ...models.stage import Stage
from ...models.venue import Venue
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    reported_since: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    sponsor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_venue: None | str | Unset
    if isinstance(venue, Unset):
        json_venue = UNSET
    elif isinstance(venue, Venue):
        json_venue = venue.value
    else:
        json_venue = venue
    params["venue"] = json_venue

    json_stage: None | str | Unset
    if isinstance(stage, Unset):
        json_stage = UNSET
    elif isinstance(stage, Stage):
        json_stage = stage.value
    else:
        json_stage = stage
    params["stage"] = json_stage

    json_sector: None | str | Unset
    if isinstance(sector, Unset):
        json_sector = UNSET
    elif isinstance(sector, Sector):
        json_sector = sector.value
    else:
        json_sector = sector
    params["sector"] = json_sector

    params["limit"] = limit

    params["offset"] = offset

    json_reported_since: None | str | Unset
    if isinstance(reported_since, Unset):
        json_reported_since = UNSET
    elif isinstance(reported_since, datetime.date):
        json_reported_since = reported_since.isoformat()
    else:
        json_reported_since = reported_since
    params["reported_since"] = json_reported_since

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_sponsor: None | str | Unset
    if isinstance(sponsor, Unset):
        json_sponsor = UNSET
    else:
        json_sponsor = sponsor
    params["sponsor"] = json_sponsor

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

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


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pipeline",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | Pipeline | None:
    if response.status_code == 200:
        response_200 = Pipeline.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | Pipeline]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    reported_since: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    sponsor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | Pipeline]:
    """ Pipeline

     Who stood at which stage on which venue on a day, with counts and how fresh each entry's sources
    are.

    Args:
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only this stage
        sector (None | Sector | str | Unset): Only this sector
        limit (int | Unset): Page size Default: 100.
        offset (int | Unset): Entries to skip (a cursor pages deep lists faster) Default: 0.
        reported_since (datetime.date | None | Unset): Only entries whose deciding fact has a
            source published on or after this day
        cursor (None | str | Unset): Start after this place in the list: the next_cursor of the
            page before
        sponsor (None | str | Unset): Only applications whose sponsor (保荐机构) contains this text
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | Pipeline]
     """


    kwargs = _get_kwargs(
        venue=venue,
stage=stage,
sector=sector,
limit=limit,
offset=offset,
reported_since=reported_since,
cursor=cursor,
sponsor=sponsor,
min_position=min_position,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    reported_since: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    sponsor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | Pipeline | None:
    """ Pipeline

     Who stood at which stage on which venue on a day, with counts and how fresh each entry's sources
    are.

    Args:
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only this stage
        sector (None | Sector | str | Unset): Only this sector
        limit (int | Unset): Page size Default: 100.
        offset (int | Unset): Entries to skip (a cursor pages deep lists faster) Default: 0.
        reported_since (datetime.date | None | Unset): Only entries whose deciding fact has a
            source published on or after this day
        cursor (None | str | Unset): Start after this place in the list: the next_cursor of the
            page before
        sponsor (None | str | Unset): Only applications whose sponsor (保荐机构) contains this text
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | Pipeline
     """


    return sync_detailed(
        client=client,
venue=venue,
stage=stage,
sector=sector,
limit=limit,
offset=offset,
reported_since=reported_since,
cursor=cursor,
sponsor=sponsor,
min_position=min_position,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    reported_since: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    sponsor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | Pipeline]:
    """ Pipeline

     Who stood at which stage on which venue on a day, with counts and how fresh each entry's sources
    are.

    Args:
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only this stage
        sector (None | Sector | str | Unset): Only this sector
        limit (int | Unset): Page size Default: 100.
        offset (int | Unset): Entries to skip (a cursor pages deep lists faster) Default: 0.
        reported_since (datetime.date | None | Unset): Only entries whose deciding fact has a
            source published on or after this day
        cursor (None | str | Unset): Start after this place in the list: the next_cursor of the
            page before
        sponsor (None | str | Unset): Only applications whose sponsor (保荐机构) contains this text
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | Pipeline]
     """


    kwargs = _get_kwargs(
        venue=venue,
stage=stage,
sector=sector,
limit=limit,
offset=offset,
reported_since=reported_since,
cursor=cursor,
sponsor=sponsor,
min_position=min_position,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    limit: int | Unset = 100,
    offset: int | Unset = 0,
    reported_since: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    sponsor: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | Pipeline | None:
    """ Pipeline

     Who stood at which stage on which venue on a day, with counts and how fresh each entry's sources
    are.

    Args:
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only this stage
        sector (None | Sector | str | Unset): Only this sector
        limit (int | Unset): Page size Default: 100.
        offset (int | Unset): Entries to skip (a cursor pages deep lists faster) Default: 0.
        reported_since (datetime.date | None | Unset): Only entries whose deciding fact has a
            source published on or after this day
        cursor (None | str | Unset): Start after this place in the list: the next_cursor of the
            page before
        sponsor (None | str | Unset): Only applications whose sponsor (保荐机构) contains this text
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | Pipeline
     """


    return (await asyncio_detailed(
        client=client,
venue=venue,
stage=stage,
sector=sector,
limit=limit,
offset=offset,
reported_since=reported_since,
cursor=cursor,
sponsor=sponsor,
min_position=min_position,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,

    )).parsed
