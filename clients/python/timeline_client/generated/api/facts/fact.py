from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.fact_with_history import FactWithHistory
from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    fact_id: UUID,
    *,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

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
        "url": "/facts/{fact_id}".format(fact_id=quote(str(fact_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | FactWithHistory | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = FactWithHistory.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | FactWithHistory | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    fact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | FactWithHistory | HTTPValidationError]:
    """ Fact

     A fact as believed at known_at, with its history: recorded, corroborated, corrected, retracted.

    Args:
        fact_id (UUID): The fact's id
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | FactWithHistory | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        fact_id=fact_id,
known_at=known_at,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    fact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | FactWithHistory | HTTPValidationError | None:
    """ Fact

     A fact as believed at known_at, with its history: recorded, corroborated, corrected, retracted.

    Args:
        fact_id (UUID): The fact's id
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | FactWithHistory | HTTPValidationError
     """


    return sync_detailed(
        fact_id=fact_id,
client=client,
known_at=known_at,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    fact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | FactWithHistory | HTTPValidationError]:
    """ Fact

     A fact as believed at known_at, with its history: recorded, corroborated, corrected, retracted.

    Args:
        fact_id (UUID): The fact's id
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | FactWithHistory | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        fact_id=fact_id,
known_at=known_at,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    fact_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    known_at: None | str | Unset = UNSET,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | FactWithHistory | HTTPValidationError | None:
    """ Fact

     A fact as believed at known_at, with its history: recorded, corroborated, corrected, retracted.

    Args:
        fact_id (UUID): The fact's id
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | FactWithHistory | HTTPValidationError
     """


    return (await asyncio_detailed(
        fact_id=fact_id,
client=client,
known_at=known_at,
min_position=min_position,

    )).parsed
