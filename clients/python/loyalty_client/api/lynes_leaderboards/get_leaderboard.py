from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_leaderboard_period import GetLeaderboardPeriod
from ...models.leaderboard import Leaderboard
from ...models.lynes_error import LynesError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    leaderboard_id: str,
    *,
    period: GetLeaderboardPeriod | Unset = UNSET,
    limit: int | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_period: str | Unset = UNSET
    if not isinstance(period, Unset):
        json_period = period.value

    params["period"] = json_period

    params["limit"] = limit

    params["userId"] = user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/leaderboard/{leaderboard_id}".format(
            leaderboard_id=quote(str(leaderboard_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Leaderboard | LynesError | None:
    if response.status_code == 200:
        response_200 = Leaderboard.from_dict(response.json())

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
) -> Response[Leaderboard | LynesError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    leaderboard_id: str,
    *,
    client: AuthenticatedClient,
    period: GetLeaderboardPeriod | Unset = UNSET,
    limit: int | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Response[Leaderboard | LynesError]:
    """Top N of a leaderboard with ranks, and the asking user's rank and neighbours

    Args:
        leaderboard_id (str):
        period (GetLeaderboardPeriod | Unset):
        limit (int | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Leaderboard | LynesError]
    """

    kwargs = _get_kwargs(
        leaderboard_id=leaderboard_id,
        period=period,
        limit=limit,
        user_id=user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    leaderboard_id: str,
    *,
    client: AuthenticatedClient,
    period: GetLeaderboardPeriod | Unset = UNSET,
    limit: int | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Leaderboard | LynesError | None:
    """Top N of a leaderboard with ranks, and the asking user's rank and neighbours

    Args:
        leaderboard_id (str):
        period (GetLeaderboardPeriod | Unset):
        limit (int | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Leaderboard | LynesError
    """

    return sync_detailed(
        leaderboard_id=leaderboard_id,
        client=client,
        period=period,
        limit=limit,
        user_id=user_id,
    ).parsed


async def asyncio_detailed(
    leaderboard_id: str,
    *,
    client: AuthenticatedClient,
    period: GetLeaderboardPeriod | Unset = UNSET,
    limit: int | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Response[Leaderboard | LynesError]:
    """Top N of a leaderboard with ranks, and the asking user's rank and neighbours

    Args:
        leaderboard_id (str):
        period (GetLeaderboardPeriod | Unset):
        limit (int | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Leaderboard | LynesError]
    """

    kwargs = _get_kwargs(
        leaderboard_id=leaderboard_id,
        period=period,
        limit=limit,
        user_id=user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    leaderboard_id: str,
    *,
    client: AuthenticatedClient,
    period: GetLeaderboardPeriod | Unset = UNSET,
    limit: int | Unset = UNSET,
    user_id: str | Unset = UNSET,
) -> Leaderboard | LynesError | None:
    """Top N of a leaderboard with ranks, and the asking user's rank and neighbours

    Args:
        leaderboard_id (str):
        period (GetLeaderboardPeriod | Unset):
        limit (int | Unset):
        user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Leaderboard | LynesError
    """

    return (
        await asyncio_detailed(
            leaderboard_id=leaderboard_id,
            client=client,
            period=period,
            limit=limit,
            user_id=user_id,
        )
    ).parsed
