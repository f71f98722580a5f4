from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coupon_change_reply import CouponChangeReply
from ...models.coupon_grant_body import CouponGrantBody
from ...models.lynes_error import LynesError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    user_id: str,
    *,
    body: CouponGrantBody,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/users/{user_id}/coupons".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CouponChangeReply | LynesError | None:
    if response.status_code == 201:
        response_201 = CouponChangeReply.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = LynesError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = LynesError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = LynesError.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = LynesError.from_dict(response.json())

        return response_422

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
) -> Response[CouponChangeReply | LynesError]:
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
    body: CouponGrantBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[CouponChangeReply | LynesError]:
    """Grant a user an offer's coupon without charging points (manage or admin): takes the offer's stock
    and pool code, not the user's per-user limit; the reason goes to the audit trail

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (CouponGrantBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponChangeReply | LynesError]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: CouponGrantBody,
    idempotency_key: str | Unset = UNSET,
) -> CouponChangeReply | LynesError | None:
    """Grant a user an offer's coupon without charging points (manage or admin): takes the offer's stock
    and pool code, not the user's per-user limit; the reason goes to the audit trail

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (CouponGrantBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponChangeReply | LynesError
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: CouponGrantBody,
    idempotency_key: str | Unset = UNSET,
) -> Response[CouponChangeReply | LynesError]:
    """Grant a user an offer's coupon without charging points (manage or admin): takes the offer's stock
    and pool code, not the user's per-user limit; the reason goes to the audit trail

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (CouponGrantBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CouponChangeReply | LynesError]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: CouponGrantBody,
    idempotency_key: str | Unset = UNSET,
) -> CouponChangeReply | LynesError | None:
    """Grant a user an offer's coupon without charging points (manage or admin): takes the offer's stock
    and pool code, not the user's per-user limit; the reason goes to the audit trail

    Args:
        user_id (str):
        idempotency_key (str | Unset):
        body (CouponGrantBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CouponChangeReply | LynesError
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
