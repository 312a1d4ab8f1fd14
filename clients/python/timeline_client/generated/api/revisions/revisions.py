from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.revisions import Revisions
from ...models.stage import Stage
from ...models.venue import Venue
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    published_since: datetime.date | None | Unset = UNSET,
    published_until: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    else:
        json_until = until
    params["until"] = json_until

    json_as_of: None | str | Unset
    if isinstance(as_of, Unset):
        json_as_of = UNSET
    elif isinstance(as_of, datetime.date):
        json_as_of = as_of.isoformat()
    else:
        json_as_of = as_of
    params["as_of"] = json_as_of

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

    json_published_by: None | str | Unset
    if isinstance(published_by, Unset):
        json_published_by = UNSET
    elif isinstance(published_by, datetime.date):
        json_published_by = published_by.isoformat()
    else:
        json_published_by = published_by
    params["published_by"] = json_published_by

    params["certain_only"] = certain_only

    json_published_since: None | str | Unset
    if isinstance(published_since, Unset):
        json_published_since = UNSET
    elif isinstance(published_since, datetime.date):
        json_published_since = published_since.isoformat()
    else:
        json_published_since = published_since
    params["published_since"] = json_published_since

    json_published_until: None | str | Unset
    if isinstance(published_until, Unset):
        json_published_until = UNSET
    elif isinstance(published_until, datetime.date):
        json_published_until = published_until.isoformat()
    else:
        json_published_until = published_until
    params["published_until"] = json_published_until

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/revisions",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | Revisions | None:
    if response.status_code == 200:
        response_200 = Revisions.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | Revisions]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    published_since: datetime.date | None | Unset = UNSET,
    published_until: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | Revisions]:
    """ Revisions

     Every company whose entry in the pipeline on as_of differs between two knowledge times (since,
    until), before and after, with the events in between that touched it; and the counts that moved. Or,
    by the publication clock (published_since, published_until), what the public learned between two
    days, each change citing the statements whose sources became public then.

    Args:
        since (None | str | Unset): The earlier knowledge time (an RFC 3339 date-time, or a log
            position)
        until (None | str | Unset): The later knowledge time (default: everything recorded) (an
            RFC 3339 date-time, or a log position)
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only entries at this stage before or after
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        published_since (datetime.date | None | Unset): By the publication clock: what the public
            learned after this day
        published_until (datetime.date | None | Unset): ... up to this day (default: today in
            Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | Revisions]
     """


    kwargs = _get_kwargs(
        since=since,
until=until,
as_of=as_of,
venue=venue,
stage=stage,
published_by=published_by,
certain_only=certain_only,
published_since=published_since,
published_until=published_until,
known_at=known_at,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    published_since: datetime.date | None | Unset = UNSET,
    published_until: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | Revisions | None:
    """ Revisions

     Every company whose entry in the pipeline on as_of differs between two knowledge times (since,
    until), before and after, with the events in between that touched it; and the counts that moved. Or,
    by the publication clock (published_since, published_until), what the public learned between two
    days, each change citing the statements whose sources became public then.

    Args:
        since (None | str | Unset): The earlier knowledge time (an RFC 3339 date-time, or a log
            position)
        until (None | str | Unset): The later knowledge time (default: everything recorded) (an
            RFC 3339 date-time, or a log position)
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only entries at this stage before or after
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        published_since (datetime.date | None | Unset): By the publication clock: what the public
            learned after this day
        published_until (datetime.date | None | Unset): ... up to this day (default: today in
            Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | Revisions
     """


    return sync_detailed(
        client=client,
since=since,
until=until,
as_of=as_of,
venue=venue,
stage=stage,
published_by=published_by,
certain_only=certain_only,
published_since=published_since,
published_until=published_until,
known_at=known_at,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    published_since: datetime.date | None | Unset = UNSET,
    published_until: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | Revisions]:
    """ Revisions

     Every company whose entry in the pipeline on as_of differs between two knowledge times (since,
    until), before and after, with the events in between that touched it; and the counts that moved. Or,
    by the publication clock (published_since, published_until), what the public learned between two
    days, each change citing the statements whose sources became public then.

    Args:
        since (None | str | Unset): The earlier knowledge time (an RFC 3339 date-time, or a log
            position)
        until (None | str | Unset): The later knowledge time (default: everything recorded) (an
            RFC 3339 date-time, or a log position)
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only entries at this stage before or after
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        published_since (datetime.date | None | Unset): By the publication clock: what the public
            learned after this day
        published_until (datetime.date | None | Unset): ... up to this day (default: today in
            Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | Revisions]
     """


    kwargs = _get_kwargs(
        since=since,
until=until,
as_of=as_of,
venue=venue,
stage=stage,
published_by=published_by,
certain_only=certain_only,
published_since=published_since,
published_until=published_until,
known_at=known_at,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    since: None | str | Unset = UNSET,
    until: None | str | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    published_since: datetime.date | None | Unset = UNSET,
    published_until: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | Revisions | None:
    """ Revisions

     Every company whose entry in the pipeline on as_of differs between two knowledge times (since,
    until), before and after, with the events in between that touched it; and the counts that moved. Or,
    by the publication clock (published_since, published_until), what the public learned between two
    days, each change citing the statements whose sources became public then.

    Args:
        since (None | str | Unset): The earlier knowledge time (an RFC 3339 date-time, or a log
            position)
        until (None | str | Unset): The later knowledge time (default: everything recorded) (an
            RFC 3339 date-time, or a log position)
        as_of (datetime.date | None | Unset): Valid day: what had happened by then (default: today
            in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only entries at this stage before or after
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        published_since (datetime.date | None | Unset): By the publication clock: what the public
            learned after this day
        published_until (datetime.date | None | Unset): ... up to this day (default: today in
            Asia/Shanghai)
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | Revisions
     """


    return (await asyncio_detailed(
        client=client,
since=since,
until=until,
as_of=as_of,
venue=venue,
stage=stage,
published_by=published_by,
certain_only=certain_only,
published_since=published_since,
published_until=published_until,
known_at=known_at,
min_position=min_position,

    )).parsed
