"""Lynes envelope: ``{statusCode, message, data}``; ``data`` carries the stable code and field."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from loyalty.core.errors import ErrorCode, LoyaltyError


class LynesErrorData(msgspec.Struct):
    code: ErrorCode
    """The stable error code."""
    field: str | None
    """The request field at fault, when one is."""


class LynesError(msgspec.Struct):
    """The error envelope of the Lynes-style API and the admin API."""

    statusCode: int
    message: str
    data: LynesErrorData


def render_error(request: Request, status: int, error: LoyaltyError) -> Response:
    body = {
        "statusCode": status,
        "message": error.message,
        "data": {"code": error.code.value, "field": error.field},
    }
    headers = {"Retry-After": "1"} if status in (429, 503) else None
    return Response(
        msgspec.json.encode(body), status_code=status, media_type="application/json", headers=headers
    )
