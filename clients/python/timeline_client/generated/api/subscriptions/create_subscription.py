from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.subscription_in import SubscriptionIn
from ...models.subscription_written_out import SubscriptionWrittenOut
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: SubscriptionIn,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(authorization, Unset):
        headers["authorization"] = authorization

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/subscriptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | SubscriptionWrittenOut | None:
    if response.status_code == 201:
        response_201 = SubscriptionWrittenOut.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | SubscriptionWrittenOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionIn,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | SubscriptionWrittenOut]:
    """ Create Subscription

     Follow a read's answer: every change to it is POSTed to url, signed with secret (never shown again).

    Args:
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409
        body (SubscriptionIn): A standing query: tell ``url``, by a webhook signed with
            ``secret``, whenever ``query``'s answer changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | SubscriptionWrittenOut]
     """


    kwargs = _get_kwargs(
        body=body,
authorization=authorization,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionIn,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | SubscriptionWrittenOut | None:
    """ Create Subscription

     Follow a read's answer: every change to it is POSTed to url, signed with secret (never shown again).

    Args:
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409
        body (SubscriptionIn): A standing query: tell ``url``, by a webhook signed with
            ``secret``, whenever ``query``'s answer changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | SubscriptionWrittenOut
     """


    return sync_detailed(
        client=client,
body=body,
authorization=authorization,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionIn,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | SubscriptionWrittenOut]:
    """ Create Subscription

     Follow a read's answer: every change to it is POSTed to url, signed with secret (never shown again).

    Args:
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409
        body (SubscriptionIn): A standing query: tell ``url``, by a webhook signed with
            ``secret``, whenever ``query``'s answer changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | SubscriptionWrittenOut]
     """


    kwargs = _get_kwargs(
        body=body,
authorization=authorization,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SubscriptionIn,
    authorization: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | SubscriptionWrittenOut | None:
    """ Create Subscription

     Follow a read's answer: every change to it is POSTed to url, signed with secret (never shown again).

    Args:
        authorization (None | str | Unset):
        idempotency_key (None | str | Unset): Retry safely: the same key and body replay the first
            answer; another body is a 409
        body (SubscriptionIn): A standing query: tell ``url``, by a webhook signed with
            ``secret``, whenever ``query``'s answer changes.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | SubscriptionWrittenOut
     """


    return (await asyncio_detailed(
        client=client,
body=body,
authorization=authorization,
idempotency_key=idempotency_key,

    )).parsed
