"""Audience envelope: ``{message, data}``; errors carry ``data: {code, field}``."""

from __future__ import annotations

import msgspec
from starlette.requests import Request
from starlette.responses import Response

from loyalty.core.errors import ErrorCode, LoyaltyError


class AudienceErrorData(msgspec.Struct):
    code: ErrorCode
    field: str | None


class AudienceError(msgspec.Struct):
    """The error envelope of the Audience-style API."""

    message: str
    data: AudienceErrorData


def render_error(request: Request, status: int, error: LoyaltyError) -> Response:
    body = {"message": error.message, "data": {"code": error.code.value, "field": error.field}}
    headers = {"Retry-After": "1"} if status in (429, 503) else None
    return Response(
        msgspec.json.encode(body), status_code=status, media_type="application/json", headers=headers
    )
