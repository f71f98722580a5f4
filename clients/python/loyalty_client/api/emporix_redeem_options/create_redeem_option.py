from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.emporix_error import EmporixError
from ...models.redeem_option import RedeemOption
from ...models.redeem_option_body import RedeemOptionBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    tenant: str,
    *,
    body: RedeemOptionBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/reward-points/{tenant}/redeemOptions".format(
            tenant=quote(str(tenant), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmporixError | list[RedeemOption] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = RedeemOption.from_dict(response_200_item_data)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmporixError | list[RedeemOption]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant: str,
    *,
    client: AuthenticatedClient,
    body: RedeemOptionBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[EmporixError | list[RedeemOption]]:
    """Create a redeem option (manage scope); answers it in a list

    Args:
        tenant (str):
        idempotency_key (str | Unset):
        body (RedeemOptionBody): ``redeemOption`` as a request body (create and update).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmporixError | list[RedeemOption]]
    """

    kwargs = _get_kwargs(
        tenant=tenant,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant: str,
    *,
    client: AuthenticatedClient,
    body: RedeemOptionBody,
    idempotency_key: str | Unset = UNSET,
) -> EmporixError | list[RedeemOption] | None:
    """Create a redeem option (manage scope); answers it in a list

    Args:
        tenant (str):
        idempotency_key (str | Unset):
        body (RedeemOptionBody): ``redeemOption`` as a request body (create and update).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmporixError | list[RedeemOption]
    """

    return sync_detailed(
        tenant=tenant,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    tenant: str,
    *,
    client: AuthenticatedClient,
    body: RedeemOptionBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[EmporixError | list[RedeemOption]]:
    """Create a redeem option (manage scope); answers it in a list

    Args:
        tenant (str):
        idempotency_key (str | Unset):
        body (RedeemOptionBody): ``redeemOption`` as a request body (create and update).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmporixError | list[RedeemOption]]
    """

    kwargs = _get_kwargs(
        tenant=tenant,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant: str,
    *,
    client: AuthenticatedClient,
    body: RedeemOptionBody,
    idempotency_key: str | Unset = UNSET,
) -> EmporixError | list[RedeemOption] | None:
    """Create a redeem option (manage scope); answers it in a list

    Args:
        tenant (str):
        idempotency_key (str | Unset):
        body (RedeemOptionBody): ``redeemOption`` as a request body (create and update).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmporixError | list[RedeemOption]
    """

    return (
        await asyncio_detailed(
            tenant=tenant,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
