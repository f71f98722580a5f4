"""Reading request bodies within the configured size limit."""

from __future__ import annotations

from collections.abc import Sequence

from starlette.requests import Request

from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.settings import Settings


async def read_body(request: Request, settings: Settings, also: Sequence[str] = ()) -> bytes:
    """The body within the size limit; a non-empty body must be JSON or one of ``also``."""
    limit = settings.max_body_bytes
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            size = int(declared)
        except ValueError:
            raise LoyaltyError(
                ErrorCode.INVALID_INPUT, "invalid Content-Length", field="Content-Length"
            ) from None
        if size > limit:
            raise _too_large(limit)
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    raw = b"".join(chunks)
    ctype = request.headers.get("content-type", "")
    if raw.strip() and ctype and "json" not in ctype and not any(t in ctype for t in also):
        raise LoyaltyError(
            ErrorCode.UNSUPPORTED_MEDIA,
            f"Content-Type must be application/json, not '{ctype}'",
            field="Content-Type",
        )
    return raw


def _too_large(limit: int) -> LoyaltyError:
    return LoyaltyError(
        ErrorCode.PAYLOAD_TOO_LARGE, f"request body exceeds the limit of {limit} bytes", field="body"
    )
