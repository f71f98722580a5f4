from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.list_webhook_deliveries_response_200_item import ListWebhookDeliveriesResponse200Item
from ...models.list_webhook_deliveries_status import ListWebhookDeliveriesStatus
from ...models.lynes_error import LynesError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/admin/webhooks/{id}/deliveries".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LynesError | list[ListWebhookDeliveriesResponse200Item] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = ListWebhookDeliveriesResponse200Item.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[LynesError | list[ListWebhookDeliveriesResponse200Item]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[LynesError | list[ListWebhookDeliveriesResponse200Item]]:
    """List a webhook's deliveries, newest first, with status and attempt count

    Args:
        id (str):
        status (ListWebhookDeliveriesStatus | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | list[ListWebhookDeliveriesResponse200Item]]
    """

    kwargs = _get_kwargs(
        id=id,
        status=status,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> LynesError | list[ListWebhookDeliveriesResponse200Item] | None:
    """List a webhook's deliveries, newest first, with status and attempt count

    Args:
        id (str):
        status (ListWebhookDeliveriesStatus | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | list[ListWebhookDeliveriesResponse200Item]
    """

    return sync_detailed(
        id=id,
        client=client,
        status=status,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> Response[LynesError | list[ListWebhookDeliveriesResponse200Item]]:
    """List a webhook's deliveries, newest first, with status and attempt count

    Args:
        id (str):
        status (ListWebhookDeliveriesStatus | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | list[ListWebhookDeliveriesResponse200Item]]
    """

    kwargs = _get_kwargs(
        id=id,
        status=status,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    status: ListWebhookDeliveriesStatus | Unset = UNSET,
    limit: int | Unset = UNSET,
) -> LynesError | list[ListWebhookDeliveriesResponse200Item] | None:
    """List a webhook's deliveries, newest first, with status and attempt count

    Args:
        id (str):
        status (ListWebhookDeliveriesStatus | Unset):
        limit (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | list[ListWebhookDeliveriesResponse200Item]
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            status=status,
            limit=limit,
        )
    ).parsed
