from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_summary import CustomerSummary
from ...models.emporix_error import EmporixError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["pageNumber"] = page_number

    params["pageSize"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/reward-points/summaryBatch",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmporixError | list[CustomerSummary] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = CustomerSummary.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = EmporixError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = EmporixError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = EmporixError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = EmporixError.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = EmporixError.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = EmporixError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmporixError | list[CustomerSummary]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[EmporixError | list[CustomerSummary]]:
    """Summaries of all customers (view scope), pageNumber/pageSize pages

    Args:
        page_number (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmporixError | list[CustomerSummary]]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> EmporixError | list[CustomerSummary] | None:
    """Summaries of all customers (view scope), pageNumber/pageSize pages

    Args:
        page_number (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmporixError | list[CustomerSummary]
    """

    return sync_detailed(
        client=client,
        page_number=page_number,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> Response[EmporixError | list[CustomerSummary]]:
    """Summaries of all customers (view scope), pageNumber/pageSize pages

    Args:
        page_number (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmporixError | list[CustomerSummary]]
    """

    kwargs = _get_kwargs(
        page_number=page_number,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page_number: int | Unset = UNSET,
    page_size: int | Unset = UNSET,
) -> EmporixError | list[CustomerSummary] | None:
    """Summaries of all customers (view scope), pageNumber/pageSize pages

    Args:
        page_number (int | Unset):
        page_size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmporixError | list[CustomerSummary]
    """

    return (
        await asyncio_detailed(
            client=client,
            page_number=page_number,
            page_size=page_size,
        )
    ).parsed
