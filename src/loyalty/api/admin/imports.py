"""``POST /v1/admin/import/{users|balances|events}``: the CLI's import for programmatic migrations.

The body (CSV or JSON Lines, by ``Content-Type``) is streamed to a temporary file, never held in
memory, then checked and applied exactly as ``loyalty import`` does: all rows checked first (400
with every error, nothing written), batches of rows each committed with their stable keys, so the
same request sent again (or after an interruption) imports only what is missing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

import msgspec

from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.imports.catalog import IMPORT_KINDS
from loyalty.app.imports.rows import MEDIA_TYPES, Format, Row, RowError, read_rows
from loyalty.app.imports.runner import ImportInvalid, run_import
from loyalty.core.errors import ErrorCode, LoyaltyError, not_found

TAGS = ("Admin",)
SPOOL_BYTES = 1024 * 1024
"""Bodies up to this size stay in memory; larger ones go to a temporary file."""


class RowsImportReply(msgspec.Struct):
    kind: str
    rows: int
    imported: int
    skipped: int
    """Rows an earlier import (or an earlier row with the same key) already brought in."""
    dryRun: bool


class RowProblem(msgspec.Struct):
    line: int
    field: str | None
    message: str


def _format(content_type: str) -> Format:
    media = content_type.split(";", 1)[0].strip().lower()
    fmt = MEDIA_TYPES.get(media)
    if fmt is None:
        accepted = ", ".join(MEDIA_TYPES)
        raise LoyaltyError(
            ErrorCode.UNSUPPORTED_MEDIA, f"Content-Type must be one of {accepted}", field="Content-Type"
        )
    return fmt


async def import_rows(call: Call) -> Reply:
    call.principal.require_admin()
    kind = IMPORT_KINDS.get(call.params["kind"])
    if kind is None:
        raise not_found("import kind", call.params["kind"])
    fmt = _format(call.request.headers.get("content-type", ""))
    limit = call.services.settings.max_import_bytes
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        size = 0
        async for chunk in call.request.stream():
            size += len(chunk)
            if size > limit:
                raise LoyaltyError(
                    ErrorCode.PAYLOAD_TOO_LARGE, f"the import exceeds {limit} bytes", field="body"
                )
            spool.write(chunk)

        @contextmanager
        def open_rows() -> Iterator[Iterator[Row | RowError]]:
            spool.seek(0)
            yield read_rows(_lines(spool), fmt)

        try:
            summary = await run_import(
                call.services,
                call.principal,
                kind,
                open_rows,
                source=call.query.get("source") or "api",
                dry_run=call.query.get("dryRun") == "true",
            )
        except ImportInvalid as invalid:
            problems = [RowProblem(e.line, e.field, e.message) for e in invalid.errors]
            first = invalid.errors[0]
            body = {
                "statusCode": 400,
                "message": invalid.message,
                "data": {
                    "code": invalid.code.value,
                    "field": first.field,
                    "errors": problems,
                    "total": invalid.total,
                },
            }
            return Reply(body, status=400)
    return Reply(
        RowsImportReply(
            kind=kind.name,
            rows=summary.rows,
            imported=summary.imported,
            skipped=summary.skipped,
            dryRun=summary.dry_run,
        )
    )


def _lines(binary: IO[bytes]) -> Iterator[str]:
    for number, line in enumerate(binary, start=1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise LoyaltyError(
                ErrorCode.INVALID_INPUT, f"line {number} is not UTF-8; nothing was imported", field="body"
            ) from None
        yield text.removeprefix("\ufeff") if number == 1 else text


ENDPOINTS = [
    Endpoint(
        "POST",
        "/v1/admin/import/{kind}",
        import_rows,
        "Import users, balances or events (admin): a CSV (text/csv, header line first) or JSON Lines "
        "(application/x-ndjson) body, streamed. Every row is checked first: 400 lists each bad row's "
        "line and field and nothing is written. Rows already imported (same reference, or same "
        "source, line and content) are skipped, so the request may be sent again. Query: "
        "dryRun=true checks and counts only; source=NAME names the file for the rows' keys.",
        responses={200: RowsImportReply},
        operation_id="importAdminRows",
        query={"dryRun": "true: check and count, write nothing", "source": "the file's name (default 'api')"},
        tags=TAGS,
    ),
]
