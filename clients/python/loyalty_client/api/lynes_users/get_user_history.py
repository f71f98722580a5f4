from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_user_history_sort import GetUserHistorySort
from ...models.history_entry import HistoryEntry
from ...models.lynes_error import LynesError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    sort: GetUserHistorySort | Unset = UNSET,
    show_all: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["showAll"] = show_all

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/user/{user_id}/history".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | LynesError | list[HistoryEntry] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = HistoryEntry.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | LynesError | list[HistoryEntry]]:
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
    sort: GetUserHistorySort | Unset = UNSET,
    show_all: bool | Unset = UNSET,
) -> Response[Any | LynesError | list[HistoryEntry]]:
    """Get a user's reward history

    Args:
        user_id (str):
        sort (GetUserHistorySort | Unset):
        show_all (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | LynesError | list[HistoryEntry]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        sort=sort,
        show_all=show_all,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    sort: GetUserHistorySort | Unset = UNSET,
    show_all: bool | Unset = UNSET,
) -> Any | LynesError | list[HistoryEntry] | None:
    """Get a user's reward history

    Args:
        user_id (str):
        sort (GetUserHistorySort | Unset):
        show_all (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | LynesError | list[HistoryEntry]
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        sort=sort,
        show_all=show_all,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    sort: GetUserHistorySort | Unset = UNSET,
    show_all: bool | Unset = UNSET,
) -> Response[Any | LynesError | list[HistoryEntry]]:
    """Get a user's reward history

    Args:
        user_id (str):
        sort (GetUserHistorySort | Unset):
        show_all (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | LynesError | list[HistoryEntry]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        sort=sort,
        show_all=show_all,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    sort: GetUserHistorySort | Unset = UNSET,
    show_all: bool | Unset = UNSET,
) -> Any | LynesError | list[HistoryEntry] | None:
    """Get a user's reward history

    Args:
        user_id (str):
        sort (GetUserHistorySort | Unset):
        show_all (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | LynesError | list[HistoryEntry]
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            sort=sort,
            show_all=show_all,
        )
    ).parsed
