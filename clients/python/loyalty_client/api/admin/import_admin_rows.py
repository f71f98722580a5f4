from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.lynes_error import LynesError
from ...models.rows_import_reply import RowsImportReply
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: str,
    *,
    dry_run: str | Unset = UNSET,
    source: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["dryRun"] = dry_run

    params["source"] = source

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/admin/import/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LynesError | RowsImportReply | None:
    if response.status_code == 200:
        response_200 = RowsImportReply.from_dict(response.json())

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
) -> Response[LynesError | RowsImportReply]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    dry_run: str | Unset = UNSET,
    source: str | Unset = UNSET,
) -> Response[LynesError | RowsImportReply]:
    """Import users, balances or events (admin): a CSV (text/csv, header line first) or JSON Lines
    (application/x-ndjson) body, streamed. Every row is checked first: 400 lists each bad row's line and
    field and nothing is written. Rows already imported (same reference, or same source, line and
    content) are skipped, so the request may be sent again. Query: dryRun=true checks and counts only;
    source=NAME names the file for the rows' keys.

    Args:
        kind (str):
        dry_run (str | Unset):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | RowsImportReply]
    """

    kwargs = _get_kwargs(
        kind=kind,
        dry_run=dry_run,
        source=source,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: str,
    *,
    client: AuthenticatedClient,
    dry_run: str | Unset = UNSET,
    source: str | Unset = UNSET,
) -> LynesError | RowsImportReply | None:
    """Import users, balances or events (admin): a CSV (text/csv, header line first) or JSON Lines
    (application/x-ndjson) body, streamed. Every row is checked first: 400 lists each bad row's line and
    field and nothing is written. Rows already imported (same reference, or same source, line and
    content) are skipped, so the request may be sent again. Query: dryRun=true checks and counts only;
    source=NAME names the file for the rows' keys.

    Args:
        kind (str):
        dry_run (str | Unset):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | RowsImportReply
    """

    return sync_detailed(
        kind=kind,
        client=client,
        dry_run=dry_run,
        source=source,
    ).parsed


async def asyncio_detailed(
    kind: str,
    *,
    client: AuthenticatedClient,
    dry_run: str | Unset = UNSET,
    source: str | Unset = UNSET,
) -> Response[LynesError | RowsImportReply]:
    """Import users, balances or events (admin): a CSV (text/csv, header line first) or JSON Lines
    (application/x-ndjson) body, streamed. Every row is checked first: 400 lists each bad row's line and
    field and nothing is written. Rows already imported (same reference, or same source, line and
    content) are skipped, so the request may be sent again. Query: dryRun=true checks and counts only;
    source=NAME names the file for the rows' keys.

    Args:
        kind (str):
        dry_run (str | Unset):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LynesError | RowsImportReply]
    """

    kwargs = _get_kwargs(
        kind=kind,
        dry_run=dry_run,
        source=source,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: str,
    *,
    client: AuthenticatedClient,
    dry_run: str | Unset = UNSET,
    source: str | Unset = UNSET,
) -> LynesError | RowsImportReply | None:
    """Import users, balances or events (admin): a CSV (text/csv, header line first) or JSON Lines
    (application/x-ndjson) body, streamed. Every row is checked first: 400 lists each bad row's line and
    field and nothing is written. Rows already imported (same reference, or same source, line and
    content) are skipped, so the request may be sent again. Query: dryRun=true checks and counts only;
    source=NAME names the file for the rows' keys.

    Args:
        kind (str):
        dry_run (str | Unset):
        source (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LynesError | RowsImportReply
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            dry_run=dry_run,
            source=source,
        )
    ).parsed
