from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.company import Company
from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.source_grade import SourceGrade
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    name: str,
    *,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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
        "url": "/companies/{name}".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Company | ErrorOut | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = Company.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Company | ErrorOut | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> Response[Company | ErrorOut | HTTPValidationError]:
    """ Company

     A company's stage on each venue, its flags and its facts, as of a day.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
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
        Response[Company | ErrorOut | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        name=name,
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
    name: str,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> Company | ErrorOut | HTTPValidationError | None:
    """ Company

     A company's stage on each venue, its flags and its facts, as of a day.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
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
        Company | ErrorOut | HTTPValidationError
     """


    return sync_detailed(
        name=name,
client=client,
min_position=min_position,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> Response[Company | ErrorOut | HTTPValidationError]:
    """ Company

     A company's stage on each venue, its flags and its facts, as of a day.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
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
        Response[Company | ErrorOut | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        name=name,
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
    name: str,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    as_of: datetime.date | None | Unset = UNSET,
    known_at: None | str | Unset = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    certain_only: bool | Unset = False,
    min_source_grade: None | SourceGrade | Unset = UNSET,

) -> Company | ErrorOut | HTTPValidationError | None:
    """ Company

     A company's stage on each venue, its flags and its facts, as of a day.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
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
        Company | ErrorOut | HTTPValidationError
     """


    return (await asyncio_detailed(
        name=name,
client=client,
min_position=min_position,
as_of=as_of,
known_at=known_at,
published_by=published_by,
certain_only=certain_only,
min_source_grade=min_source_grade,

    )).parsed
