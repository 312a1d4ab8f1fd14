from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.subscription_state import SubscriptionState
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    *,
    min_position: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/subscriptions/{subscription_id}".format(subscription_id=quote(str(subscription_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | SubscriptionState | None:
    if response.status_code == 200:
        response_200 = SubscriptionState.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | SubscriptionState]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | SubscriptionState]:
    """ Subscription

     How a subscription's deliveries go: how far delivered, what is pending, attempts, parked, the last
    error.

    Args:
        subscription_id (UUID): The subscription's id
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | SubscriptionState]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
min_position=min_position,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | SubscriptionState | None:
    """ Subscription

     How a subscription's deliveries go: how far delivered, what is pending, attempts, parked, the last
    error.

    Args:
        subscription_id (UUID): The subscription's id
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | SubscriptionState
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
min_position=min_position,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | SubscriptionState]:
    """ Subscription

     How a subscription's deliveries go: how far delivered, what is pending, attempts, parked, the last
    error.

    Args:
        subscription_id (UUID): The subscription's id
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | SubscriptionState]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
min_position=min_position,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | SubscriptionState | None:
    """ Subscription

     How a subscription's deliveries go: how far delivered, what is pending, attempts, parked, the last
    error.

    Args:
        subscription_id (UUID): The subscription's id
        min_position (int | None | Unset): Wait until the read models have applied this log
            position

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | SubscriptionState
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
min_position=min_position,

    )).parsed
