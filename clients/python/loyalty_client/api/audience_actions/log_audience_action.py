from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.action_result import ActionResult
from ...models.action_to_log import ActionToLog
from ...models.audience_error import AudienceError
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ActionToLog,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/loyalty/action",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActionResult | AudienceError | None:
    if response.status_code == 200:
        response_200 = ActionResult.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = AudienceError.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = AudienceError.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = AudienceError.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = AudienceError.from_dict(response.json())

        return response_422

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
) -> Response[ActionResult | AudienceError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ActionToLog,
    idempotency_key: str | Unset = UNSET,
) -> Response[ActionResult | AudienceError]:
    """Log an action of the authenticated user

    Args:
        idempotency_key (str | Unset):
        body (ActionToLog): An action of the user (the document's shape of ``ActionBody``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionResult | AudienceError]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ActionToLog,
    idempotency_key: str | Unset = UNSET,
) -> ActionResult | AudienceError | None:
    """Log an action of the authenticated user

    Args:
        idempotency_key (str | Unset):
        body (ActionToLog): An action of the user (the document's shape of ``ActionBody``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionResult | AudienceError
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ActionToLog,
    idempotency_key: str | Unset = UNSET,
) -> Response[ActionResult | AudienceError]:
    """Log an action of the authenticated user

    Args:
        idempotency_key (str | Unset):
        body (ActionToLog): An action of the user (the document's shape of ``ActionBody``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActionResult | AudienceError]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ActionToLog,
    idempotency_key: str | Unset = UNSET,
) -> ActionResult | AudienceError | None:
    """Log an action of the authenticated user

    Args:
        idempotency_key (str | Unset):
        body (ActionToLog): An action of the user (the document's shape of ``ActionBody``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActionResult | AudienceError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
