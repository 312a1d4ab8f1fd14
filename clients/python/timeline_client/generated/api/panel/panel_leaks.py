from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error_out import ErrorOut
from ...models.http_validation_error import HTTPValidationError
from ...models.panel_leaks import PanelLeaks
from ...models.panel_leaks_freq import PanelLeaksFreq
from ...models.sector import Sector
from ...models.stage import Stage
from ...models.venue import Venue
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    min_position: int | None | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    freq: PanelLeaksFreq | Unset = PanelLeaksFreq.MONTH,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    company: None | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_min_position: int | None | Unset
    if isinstance(min_position, Unset):
        json_min_position = UNSET
    else:
        json_min_position = min_position
    params["min_position"] = json_min_position

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

    json_freq: str | Unset = UNSET
    if not isinstance(freq, Unset):
        json_freq = freq.value

    params["freq"] = json_freq

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

    json_company: None | str | Unset
    if isinstance(company, Unset):
        json_company = UNSET
    else:
        json_company = company
    params["company"] = json_company

    json_sector: None | str | Unset
    if isinstance(sector, Unset):
        json_sector = UNSET
    elif isinstance(sector, Sector):
        json_sector = sector.value
    else:
        json_sector = sector
    params["sector"] = json_sector

    json_known_at: None | str | Unset
    if isinstance(known_at, Unset):
        json_known_at = UNSET
    else:
        json_known_at = known_at
    params["known_at"] = json_known_at


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/panel/leaks",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorOut | HTTPValidationError | PanelLeaks | None:
    if response.status_code == 200:
        response_200 = PanelLeaks.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorOut | HTTPValidationError | PanelLeaks]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    freq: PanelLeaksFreq | Unset = PanelLeaksFreq.MONTH,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    company: None | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | PanelLeaks]:
    """ Panel Leaks

     Per date of the panel: how many rows it has and how many of them a hindsight panel gets wrong.

    Args:
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        freq (PanelLeaksFreq | Unset): Every day, every 7th day from `from`, or month ends
            Default: PanelLeaksFreq.MONTH.
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only rows at this stage, then or now
        company (None | str | Unset): Only this company (any name or code)
        sector (None | Sector | str | Unset): Only this sector
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | PanelLeaks]
     """


    kwargs = _get_kwargs(
        min_position=min_position,
from_=from_,
to=to,
freq=freq,
venue=venue,
stage=stage,
company=company,
sector=sector,
known_at=known_at,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    freq: PanelLeaksFreq | Unset = PanelLeaksFreq.MONTH,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    company: None | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | PanelLeaks | None:
    """ Panel Leaks

     Per date of the panel: how many rows it has and how many of them a hindsight panel gets wrong.

    Args:
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        freq (PanelLeaksFreq | Unset): Every day, every 7th day from `from`, or month ends
            Default: PanelLeaksFreq.MONTH.
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only rows at this stage, then or now
        company (None | str | Unset): Only this company (any name or code)
        sector (None | Sector | str | Unset): Only this sector
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | PanelLeaks
     """


    return sync_detailed(
        client=client,
min_position=min_position,
from_=from_,
to=to,
freq=freq,
venue=venue,
stage=stage,
company=company,
sector=sector,
known_at=known_at,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    freq: PanelLeaksFreq | Unset = PanelLeaksFreq.MONTH,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    company: None | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> Response[ErrorOut | HTTPValidationError | PanelLeaks]:
    """ Panel Leaks

     Per date of the panel: how many rows it has and how many of them a hindsight panel gets wrong.

    Args:
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        freq (PanelLeaksFreq | Unset): Every day, every 7th day from `from`, or month ends
            Default: PanelLeaksFreq.MONTH.
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only rows at this stage, then or now
        company (None | str | Unset): Only this company (any name or code)
        sector (None | Sector | str | Unset): Only this sector
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorOut | HTTPValidationError | PanelLeaks]
     """


    kwargs = _get_kwargs(
        min_position=min_position,
from_=from_,
to=to,
freq=freq,
venue=venue,
stage=stage,
company=company,
sector=sector,
known_at=known_at,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    min_position: int | None | Unset = UNSET,
    from_: datetime.date,
    to: datetime.date | None | Unset = UNSET,
    freq: PanelLeaksFreq | Unset = PanelLeaksFreq.MONTH,
    venue: None | str | Unset | Venue = UNSET,
    stage: None | Stage | str | Unset = UNSET,
    company: None | str | Unset = UNSET,
    sector: None | Sector | str | Unset = UNSET,
    known_at: None | str | Unset = UNSET,

) -> ErrorOut | HTTPValidationError | PanelLeaks | None:
    """ Panel Leaks

     Per date of the panel: how many rows it has and how many of them a hindsight panel gets wrong.

    Args:
        min_position (int | None | Unset): Wait until the read models have applied this log
            position
        from_ (datetime.date): First day
        to (datetime.date | None | Unset): Last day (default: today in Asia/Shanghai)
        freq (PanelLeaksFreq | Unset): Every day, every 7th day from `from`, or month ends
            Default: PanelLeaksFreq.MONTH.
        venue (None | str | Unset | Venue): Only this venue
        stage (None | Stage | str | Unset): Only rows at this stage, then or now
        company (None | str | Unset): Only this company (any name or code)
        sector (None | Sector | str | Unset): Only this sector
        known_at (None | str | Unset): System time: only what the store had recorded by then (an
            RFC 3339 date-time; a plain integer is read as a log position)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorOut | HTTPValidationError | PanelLeaks
     """


    return (await asyncio_detailed(
        client=client,
min_position=min_position,
from_=from_,
to=to,
freq=freq,
venue=venue,
stage=stage,
company=company,
sector=sector,
known_at=known_at,

    )).parsed
