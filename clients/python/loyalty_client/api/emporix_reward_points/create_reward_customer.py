from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_summary import CustomerSummary
from ...models.emporix_error import EmporixError
from ...models.new_customer import NewCustomer
from ...types import UNSET, Response, Unset


def _get_kwargs(
    customer_id: str,
    *,
    body: NewCustomer | Unset = UNSET,
    site_code: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["siteCode"] = site_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/reward-points/customer/{customer_id}".format(
            customer_id=quote(str(customer_id), safe=""),
        ),
        "params": params,
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerSummary | EmporixError | None:
    if response.status_code == 200:
        response_200 = CustomerSummary.from_dict(response.json())

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
) -> Response[CustomerSummary | EmporixError]:
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
    body: NewCustomer | Unset = UNSET,
    site_code: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[CustomerSummary | EmporixError]:
    """Open a customer's points account with optional startPoints (manage scope); 409 if it exists

    Args:
        customer_id (str):
        site_code (str | Unset):
        idempotency_key (str | Unset):
        body (NewCustomer | Unset): ``newCustomerIn``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerSummary | EmporixError]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        site_code=site_code,
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
    body: NewCustomer | Unset = UNSET,
    site_code: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> CustomerSummary | EmporixError | None:
    """Open a customer's points account with optional startPoints (manage scope); 409 if it exists

    Args:
        customer_id (str):
        site_code (str | Unset):
        idempotency_key (str | Unset):
        body (NewCustomer | Unset): ``newCustomerIn``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerSummary | EmporixError
    """

    return sync_detailed(
        customer_id=customer_id,
        client=client,
        body=body,
        site_code=site_code,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: NewCustomer | Unset = UNSET,
    site_code: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[CustomerSummary | EmporixError]:
    """Open a customer's points account with optional startPoints (manage scope); 409 if it exists

    Args:
        customer_id (str):
        site_code (str | Unset):
        idempotency_key (str | Unset):
        body (NewCustomer | Unset): ``newCustomerIn``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerSummary | EmporixError]
    """

    kwargs = _get_kwargs(
        customer_id=customer_id,
        body=body,
        site_code=site_code,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    customer_id: str,
    *,
    client: AuthenticatedClient,
    body: NewCustomer | Unset = UNSET,
    site_code: str | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> CustomerSummary | EmporixError | None:
    """Open a customer's points account with optional startPoints (manage scope); 409 if it exists

    Args:
        customer_id (str):
        site_code (str | Unset):
        idempotency_key (str | Unset):
        body (NewCustomer | Unset): ``newCustomerIn``.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerSummary | EmporixError
    """

    return (
        await asyncio_detailed(
            customer_id=customer_id,
            client=client,
            body=body,
            site_code=site_code,
            idempotency_key=idempotency_key,
        )
    ).parsed
