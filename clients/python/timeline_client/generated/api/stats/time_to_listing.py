from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.source_grade import SourceGrade
from ...models.time_to_listing import TimeToListing
from ...models.time_to_listing_cohort import TimeToListingCohort
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    venue: str,
    cohort: TimeToListingCohort | Unset = TimeToListingCohort.YEAR,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["venue"] = venue

    json_cohort: str | Unset = UNSET
    if not isinstance(cohort, Unset):
        json_cohort = cohort.value

    params["cohort"] = json_cohort

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

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/stats/time-to-listing",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | TimeToListing | None:
    if response.status_code == 200:
        response_200 = TimeToListing.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | TimeToListing]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    venue: str,
    cohort: TimeToListingCohort | Unset = TimeToListingCohort.YEAR,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | TimeToListing]:
    """ Time To Listing

     Kaplan-Meier days from acceptance (HKEX: filing) to listing per start cohort, exits and attempts
    still in review censored, with the median and its 95% interval.

    Args:
        venue (str): The venue (required)
        cohort (TimeToListingCohort | Unset): Group attempts by the year or the quarter they
            started Default: TimeToListingCohort.YEAR.
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
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | TimeToListing]
     """


    kwargs = _get_kwargs(
        venue=venue,
cohort=cohort,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    venue: str,
    cohort: TimeToListingCohort | Unset = TimeToListingCohort.YEAR,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | TimeToListing | None:
    """ Time To Listing

     Kaplan-Meier days from acceptance (HKEX: filing) to listing per start cohort, exits and attempts
    still in review censored, with the median and its 95% interval.

    Args:
        venue (str): The venue (required)
        cohort (TimeToListingCohort | Unset): Group attempts by the year or the quarter they
            started Default: TimeToListingCohort.YEAR.
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
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | TimeToListing
     """


    return sync_detailed(
        client=client,
venue=venue,
cohort=cohort,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    venue: str,
    cohort: TimeToListingCohort | Unset = TimeToListingCohort.YEAR,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | TimeToListing]:
    """ Time To Listing

     Kaplan-Meier days from acceptance (HKEX: filing) to listing per start cohort, exits and attempts
    still in review censored, with the median and its 95% interval.

    Args:
        venue (str): The venue (required)
        cohort (TimeToListingCohort | Unset): Group attempts by the year or the quarter they
            started Default: TimeToListingCohort.YEAR.
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
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | TimeToListing]
     """


    kwargs = _get_kwargs(
        venue=venue,
cohort=cohort,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    venue: str,
    cohort: TimeToListingCohort | Unset = TimeToListingCohort.YEAR,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | TimeToListing | None:
    """ Time To Listing

     Kaplan-Meier days from acceptance (HKEX: filing) to listing per start cohort, exits and attempts
    still in review censored, with the median and its 95% interval.

    Args:
        venue (str): The venue (required)
        cohort (TimeToListingCohort | Unset): Group attempts by the year or the quarter they
            started Default: TimeToListingCohort.YEAR.
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
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | TimeToListing
     """


    return (await asyncio_detailed(
        client=client,
venue=venue,
cohort=cohort,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,
min_position=min_position,

    )).parsed
