from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audience_error import AudienceError
from ...models.list_audience_notifications_response_200 import ListAudienceNotificationsResponse200
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/loyalty/notifications",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AudienceError | ListAudienceNotificationsResponse200 | None:
    if response.status_code == 200:
        response_200 = ListAudienceNotificationsResponse200.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = AudienceError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = AudienceError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = AudienceError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = AudienceError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = AudienceError.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = AudienceError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AudienceError | ListAudienceNotificationsResponse200]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AudienceError | ListAudienceNotificationsResponse200]:
    """Get the user's unread notifications, oldest first (title and message by Accept-Language)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudienceError | ListAudienceNotificationsResponse200]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AudienceError | ListAudienceNotificationsResponse200 | None:
    """Get the user's unread notifications, oldest first (title and message by Accept-Language)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudienceError | ListAudienceNotificationsResponse200
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AudienceError | ListAudienceNotificationsResponse200]:
    """Get the user's unread notifications, oldest first (title and message by Accept-Language)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudienceError | ListAudienceNotificationsResponse200]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AudienceError | ListAudienceNotificationsResponse200 | None:
    """Get the user's unread notifications, oldest first (title and message by Accept-Language)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudienceError | ListAudienceNotificationsResponse200
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
