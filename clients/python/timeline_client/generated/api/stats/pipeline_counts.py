from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.pipeline_counts_granularity import PipelineCountsGranularity
from ...models.pipeline_counts_vintage import PipelineCountsVintage
from ...models.source_grade import SourceGrade
from ...models.stats_counts import StatsCounts
from ...models.venue import Venue
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    granularity: PipelineCountsGranularity | Unset = PipelineCountsGranularity.MONTH,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    vintage: PipelineCountsVintage | Unset = PipelineCountsVintage.LATEST,
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

    json_venue: None | str | Unset
    if isinstance(venue, Unset):
        json_venue = UNSET
    elif isinstance(venue, Venue):
        json_venue = venue.value
    else:
        json_venue = venue
    params["venue"] = json_venue

    json_granularity: str | Unset = UNSET
    if not isinstance(granularity, Unset):
        json_granularity = granularity.value

    params["granularity"] = json_granularity

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

    json_vintage: str | Unset = UNSET
    if not isinstance(vintage, Unset):
        json_vintage = vintage.value

    params["vintage"] = json_vintage

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stats/pipeline-counts",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | StatsCounts | None:
    if response.status_code == 200:
        response_200 = StatsCounts.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | StatsCounts]:
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
    venue: None | str | Unset | Venue = UNSET,
    granularity: PipelineCountsGranularity | Unset = PipelineCountsGranularity.MONTH,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    vintage: PipelineCountsVintage | Unset = PipelineCountsVintage.LATEST,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | StatsCounts]:
    """ Pipeline Counts

     Counts by stage per month end (or per day) between two days, for charts; with
    vintage=as_published each point as the public could know it on its own day.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        granularity (PipelineCountsGranularity | Unset): Month ends, or every day Default:
            PipelineCountsGranularity.MONTH.
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        vintage (PipelineCountsVintage | Unset): latest: as known now; as_published: each point
            (or as_of) as the public could know it on that day, no hindsight Default:
            PipelineCountsVintage.LATEST.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | StatsCounts]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
venue=venue,
granularity=granularity,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
vintage=vintage,
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
    venue: None | str | Unset | Venue = UNSET,
    granularity: PipelineCountsGranularity | Unset = PipelineCountsGranularity.MONTH,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    vintage: PipelineCountsVintage | Unset = PipelineCountsVintage.LATEST,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | StatsCounts | None:
    """ Pipeline Counts

     Counts by stage per month end (or per day) between two days, for charts; with
    vintage=as_published each point as the public could know it on its own day.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        granularity (PipelineCountsGranularity | Unset): Month ends, or every day Default:
            PipelineCountsGranularity.MONTH.
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        vintage (PipelineCountsVintage | Unset): latest: as known now; as_published: each point
            (or as_of) as the public could know it on that day, no hindsight Default:
            PipelineCountsVintage.LATEST.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | StatsCounts
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,
venue=venue,
granularity=granularity,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
vintage=vintage,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    venue: None | str | Unset | Venue = UNSET,
    granularity: PipelineCountsGranularity | Unset = PipelineCountsGranularity.MONTH,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    vintage: PipelineCountsVintage | Unset = PipelineCountsVintage.LATEST,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | StatsCounts]:
    """ Pipeline Counts

     Counts by stage per month end (or per day) between two days, for charts; with
    vintage=as_published each point as the public could know it on its own day.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        granularity (PipelineCountsGranularity | Unset): Month ends, or every day Default:
            PipelineCountsGranularity.MONTH.
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        vintage (PipelineCountsVintage | Unset): latest: as known now; as_published: each point
            (or as_of) as the public could know it on that day, no hindsight Default:
            PipelineCountsVintage.LATEST.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | StatsCounts]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,
venue=venue,
granularity=granularity,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
vintage=vintage,
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
    venue: None | str | Unset | Venue = UNSET,
    granularity: PipelineCountsGranularity | Unset = PipelineCountsGranularity.MONTH,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    vintage: PipelineCountsVintage | Unset = PipelineCountsVintage.LATEST,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | StatsCounts | None:
    """ Pipeline Counts

     Counts by stage per month end (or per day) between two days, for charts; with
    vintage=as_published each point as the public could know it on its own day.

    Args:
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        venue (None | str | Unset | Venue): Only this venue
        granularity (PipelineCountsGranularity | Unset): Month ends, or every day Default:
            PipelineCountsGranularity.MONTH.
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        certain_only (bool | Unset): Only facts that certainly happened by as_of Default: False.
        min_source_grade (None | SourceGrade | Unset): Only facts with a source of at least this
            grade (primary_disclosure > reputable_report > other), public by published_by; on the
            board, the entries whose deciding stage fact has one
        vintage (PipelineCountsVintage | Unset): latest: as known now; as_published: each point
            (or as_of) as the public could know it on that day, no hindsight Default:
            PipelineCountsVintage.LATEST.
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | StatsCounts
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,
venue=venue,
granularity=granularity,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
vintage=vintage,
min_position=min_position,

    )).parsed
