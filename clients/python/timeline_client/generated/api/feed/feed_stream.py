from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.http_validation_error import HTTPValidationError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["last-event-id"] = last_event_id



    

    params: dict[str, Any] = {}

    json_after: int | None | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/feed/stream",
        "params": params,
    }


    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | HTTPValidationError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | HTTPValidationError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Response[Any | HTTPValidationError]:
    """ Feed Stream

     A live tail of the log as Server-Sent Events, from the newest event unless told where to resume.

    Args:
        after (int | None | Unset): Replay events after this position; without it (and without
            Last-Event-ID) the stream starts at the newest event
        last_event_id (None | str | Unset): Resume after this position (sent by EventSource on
            reconnect)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        after=after,
last_event_id=last_event_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Any | HTTPValidationError | None:
    """ Feed Stream

     A live tail of the log as Server-Sent Events, from the newest event unless told where to resume.

    Args:
        after (int | None | Unset): Replay events after this position; without it (and without
            Last-Event-ID) the stream starts at the newest event
        last_event_id (None | str | Unset): Resume after this position (sent by EventSource on
            reconnect)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError
     """


    return sync_detailed(
        client=client,
after=after,
last_event_id=last_event_id,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Response[Any | HTTPValidationError]:
    """ Feed Stream

     A live tail of the log as Server-Sent Events, from the newest event unless told where to resume.

    Args:
        after (int | None | Unset): Replay events after this position; without it (and without
            Last-Event-ID) the stream starts at the newest event
        last_event_id (None | str | Unset): Resume after this position (sent by EventSource on
            reconnect)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | HTTPValidationError]
     """


    kwargs = _get_kwargs(
        after=after,
last_event_id=last_event_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    after: int | None | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,

) -> Any | HTTPValidationError | None:
    """ Feed Stream

     A live tail of the log as Server-Sent Events, from the newest event unless told where to resume.

    Args:
        after (int | None | Unset): Replay events after this position; without it (and without
            Last-Event-ID) the stream starts at the newest event
        last_event_id (None | str | Unset): Resume after this position (sent by EventSource on
            reconnect)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | HTTPValidationError
     """


    return (await asyncio_detailed(
        client=client,
after=after,
last_event_id=last_event_id,

    )).parsed
