from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.subscription_written_out import SubscriptionWrittenOut
from ...types import UNSET, Unset
from typing import cast
from uuid import UUID



def _get_kwargs(
    subscription_id: UUID,
    *,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(authorization, Unset):
        headers["authorization"] = authorization

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/subscriptions/{subscription_id}".format(subscription_id=quote(str(subscription_id), safe=""),),
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut | None:
    if response.status_code == 200:
        response_200 = SubscriptionWrittenOut.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

    if response.status_code == 401:
        response_401 = ErrorOut.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = ErrorOut.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = ErrorOut.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ErrorOut.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = ErrorOut.from_dict(response.json())



        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut]:
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
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut]:
    """ End Subscription

     End a subscription: nothing more is delivered (a delivery being sent right now may still arrive).

    Args:
        subscription_id (UUID): The subscription's id
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
authorization=authorization,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut | None:
    """ End Subscription

     End a subscription: nothing more is delivered (a delivery being sent right now may still arrive).

    Args:
        subscription_id (UUID): The subscription's id
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut
     """


    return sync_detailed(
        subscription_id=subscription_id,
client=client,
authorization=authorization,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut]:
    """ End Subscription

     End a subscription: nothing more is delivered (a delivery being sent right now may still arrive).

    Args:
        subscription_id (UUID): The subscription's id
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut]
     """


    kwargs = _get_kwargs(
        subscription_id=subscription_id,
authorization=authorization,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    subscription_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut | None:
    """ End Subscription

     End a subscription: nothing more is delivered (a delivery being sent right now may still arrive).

    Args:
        subscription_id (UUID): The subscription's id
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorOut | HTTPValidationError | SubscriptionWrittenOut
     """


    return (await asyncio_detailed(
        subscription_id=subscription_id,
client=client,
authorization=authorization,
idempotency_key=idempotency_key,

    )).parsed
