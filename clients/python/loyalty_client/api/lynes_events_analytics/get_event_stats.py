from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_stats import EventStats
from ...models.get_event_stats_period import GetEventStatsPeriod
from ...models.get_event_stats_timeframe import GetEventStatsTimeframe
from ...models.global_stats import GlobalStats
from ...models.lynes_error import LynesError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: GetEventStatsPeriod | Unset = UNSET,
    event_id: str | Unset = UNSET,
    timeframe: GetEventStatsTimeframe | Unset = UNSET,
    month: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    params["eventId"] = event_id

    json_timeframe: str | Unset = UNSET
    if not isinstance(timeframe, Unset):
        json_timeframe = timeframe.value

    params["timeframe"] = json_timeframe

    params["month"] = month

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/stats/event",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EventStats | GlobalStats | LynesError | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> EventStats | GlobalStats:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = GlobalStats.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = EventStats.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = LynesError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = LynesError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = LynesError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = LynesError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = LynesError.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = LynesError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EventStats | GlobalStats | LynesError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: GetEventStatsPeriod | Unset = UNSET,
    event_id: str | Unset = UNSET,
    timeframe: GetEventStatsTimeframe | Unset = UNSET,
    month: str | Unset = UNSET,
) -> Response[EventStats | GlobalStats | LynesError]:
    """Event statistics, global or for one event, over a period

    Args:
        period (GetEventStatsPeriod | Unset):
        event_id (str | Unset):
        timeframe (GetEventStatsTimeframe | Unset):
        month (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventStats | GlobalStats | LynesError]
    """

    kwargs = _get_kwargs(
        period=period,
        event_id=event_id,
        timeframe=timeframe,
        month=month,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: GetEventStatsPeriod | Unset = UNSET,
    event_id: str | Unset = UNSET,
    timeframe: GetEventStatsTimeframe | Unset = UNSET,
    month: str | Unset = UNSET,
) -> EventStats | GlobalStats | LynesError | None:
    """Event statistics, global or for one event, over a period

    Args:
        period (GetEventStatsPeriod | Unset):
        event_id (str | Unset):
        timeframe (GetEventStatsTimeframe | Unset):
        month (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventStats | GlobalStats | LynesError
    """

    return sync_detailed(
        client=client,
        period=period,
        event_id=event_id,
        timeframe=timeframe,
        month=month,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: GetEventStatsPeriod | Unset = UNSET,
    event_id: str | Unset = UNSET,
    timeframe: GetEventStatsTimeframe | Unset = UNSET,
    month: str | Unset = UNSET,
) -> Response[EventStats | GlobalStats | LynesError]:
    """Event statistics, global or for one event, over a period

    Args:
        period (GetEventStatsPeriod | Unset):
        event_id (str | Unset):
        timeframe (GetEventStatsTimeframe | Unset):
        month (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventStats | GlobalStats | LynesError]
    """

    kwargs = _get_kwargs(
        period=period,
        event_id=event_id,
        timeframe=timeframe,
        month=month,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: GetEventStatsPeriod | Unset = UNSET,
    event_id: str | Unset = UNSET,
    timeframe: GetEventStatsTimeframe | Unset = UNSET,
    month: str | Unset = UNSET,
) -> EventStats | GlobalStats | LynesError | None:
    """Event statistics, global or for one event, over a period

    Args:
        period (GetEventStatsPeriod | Unset):
        event_id (str | Unset):
        timeframe (GetEventStatsTimeframe | Unset):
        month (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventStats | GlobalStats | LynesError
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            event_id=event_id,
            timeframe=timeframe,
            month=month,
        )
    ).parsed
