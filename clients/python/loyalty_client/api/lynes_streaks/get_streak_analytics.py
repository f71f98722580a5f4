from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lynes_error import LynesError
from ...models.streak_analytics import StreakAnalytics
from ...types import UNSET, Response


def _get_kwargs(
    *,
    streak_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["streakId"] = streak_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/analytics/streak",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LynesError | None | StreakAnalytics | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> None | StreakAnalytics:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = StreakAnalytics.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreakAnalytics, data)

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
) -> Response[LynesError | None | StreakAnalytics]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    streak_id: str,
) -> Response[LynesError | None | StreakAnalytics]:
    """Streak analytics (null while nobody has progress); needs the view scope

    Args:
        streak_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | None | StreakAnalytics]
    """

    kwargs = _get_kwargs(
        streak_id=streak_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    streak_id: str,
) -> LynesError | None | StreakAnalytics | None:
    """Streak analytics (null while nobody has progress); needs the view scope

    Args:
        streak_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | None | StreakAnalytics
    """

    return sync_detailed(
        client=client,
        streak_id=streak_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    streak_id: str,
) -> Response[LynesError | None | StreakAnalytics]:
    """Streak analytics (null while nobody has progress); needs the view scope

    Args:
        streak_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | None | StreakAnalytics]
    """

    kwargs = _get_kwargs(
        streak_id=streak_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    streak_id: str,
) -> LynesError | None | StreakAnalytics | None:
    """Streak analytics (null while nobody has progress); needs the view scope

    Args:
        streak_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | None | StreakAnalytics
    """

    return (
        await asyncio_detailed(
            client=client,
            streak_id=streak_id,
        )
    ).parsed
