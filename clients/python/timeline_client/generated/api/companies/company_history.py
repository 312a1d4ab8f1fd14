from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.company_history import CompanyHistory
from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.venue import Venue
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    name: str,
    *,
    venue: None | str | Unset | Venue = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

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

    json_published_by: None | str | Unset
    if isinstance(published_by, Unset):
        json_published_by = UNSET
    elif isinstance(published_by, datetime.date):
        json_published_by = published_by.isoformat()
    else:
        json_published_by = published_by
    params["published_by"] = json_published_by

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/companies/{name}/history".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CompanyHistory | ErrorOut | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = CompanyHistory.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[CompanyHistory | ErrorOut | HTTPValidationError]:
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
    venue: None | str | Unset | Venue = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[CompanyHistory | ErrorOut | HTTPValidationError]:
    """ Company History

     Every stage the company held, as rectangles of valid time x knowledge time (with the day each
    became public): what was believed about when, and how each correction redrew it.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
        venue (None | str | Unset | Venue): Only this venue
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompanyHistory | ErrorOut | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        name=name,
venue=venue,
published_by=published_by,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> CompanyHistory | ErrorOut | HTTPValidationError | None:
    """ Company History

     Every stage the company held, as rectangles of valid time x knowledge time (with the day each
    became public): what was believed about when, and how each correction redrew it.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
        venue (None | str | Unset | Venue): Only this venue
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompanyHistory | ErrorOut | HTTPValidationError
     """


    return sync_detailed(
        name=name,
client=client,
venue=venue,
published_by=published_by,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[CompanyHistory | ErrorOut | HTTPValidationError]:
    """ Company History

     Every stage the company held, as rectangles of valid time x knowledge time (with the day each
    became public): what was believed about when, and how each correction redrew it.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
        venue (None | str | Unset | Venue): Only this venue
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CompanyHistory | ErrorOut | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        name=name,
venue=venue,
published_by=published_by,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: str,
    *,
    client: AuthenticatedClient | Client,
    venue: None | str | Unset | Venue = UNSET,
    published_by: datetime.date | None | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> CompanyHistory | ErrorOut | HTTPValidationError | None:
    """ Company History

     Every stage the company held, as rectangles of valid time x knowledge time (with the day each
    became public): what was believed about when, and how each correction redrew it.

    Args:
        name (str): Any name (any language, any case), the key, or the company id
        venue (None | str | Unset | Venue): Only this venue
        published_by (datetime.date | None | Unset): Only facts whose sources were certainly
            published by this day
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CompanyHistory | ErrorOut | HTTPValidationError
     """


    return (await asyncio_detailed(
        name=name,
client=client,
venue=venue,
published_by=published_by,
min_position=min_position,

    )).parsed
