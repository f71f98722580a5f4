from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.emporix_error import EmporixError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/reward-points/customer/{customer_id}".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | EmporixError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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

    if response.status_code == 409:
        response_409 = EmporixError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = EmporixError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = EmporixError.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = EmporixError.from_dict(response.json())

        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | EmporixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | EmporixError]:
    """Delete a customer's points and data (manage scope)

    Args:
        customer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EmporixError]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Any | EmporixError | None:
    """Delete a customer's points and data (manage scope)

    Args:
        customer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EmporixError
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[Any | EmporixError]:
    """Delete a customer's points and data (manage scope)

    Args:
        customer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | EmporixError]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Any | EmporixError | None:
    """Delete a customer's points and data (manage scope)

    Args:
        customer_id (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | EmporixError
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
