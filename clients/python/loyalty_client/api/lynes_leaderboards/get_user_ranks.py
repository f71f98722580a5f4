from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lynes_error import LynesError
from ...models.user_ranks import UserRanks
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    leaderboard_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["leaderboardId"] = leaderboard_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/user/{user_id}/rank".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> LynesError | UserRanks | None:
    if response.status_code == 200:
        response_200 = UserRanks.from_dict(response.json())

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
) -> Response[LynesError | UserRanks]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    leaderboard_id: str | Unset = UNSET,
) -> Response[LynesError | UserRanks]:
    """A user's rank and score in every period of every active leaderboard

    Args:
        user_id (str):
        leaderboard_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | UserRanks]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        leaderboard_id=leaderboard_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    leaderboard_id: str | Unset = UNSET,
) -> LynesError | UserRanks | None:
    """A user's rank and score in every period of every active leaderboard

    Args:
        user_id (str):
        leaderboard_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | UserRanks
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        leaderboard_id=leaderboard_id,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    leaderboard_id: str | Unset = UNSET,
) -> Response[LynesError | UserRanks]:
    """A user's rank and score in every period of every active leaderboard

    Args:
        user_id (str):
        leaderboard_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | UserRanks]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        leaderboard_id=leaderboard_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    leaderboard_id: str | Unset = UNSET,
) -> LynesError | UserRanks | None:
    """A user's rank and score in every period of every active leaderboard

    Args:
        user_id (str):
        leaderboard_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | UserRanks
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            leaderboard_id=leaderboard_id,
        )
    ).parsed
