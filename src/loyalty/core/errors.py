"""The one domain error type. Codes are stable; the API maps them to statuses in one table."""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    INVALID_INPUT = "invalid_input"
    NOT_FOUND = "not_found"
    ALREADY_EXISTS = "already_exists"
    CONFLICT = "conflict"
    UNAUTHENTICATED = "unauthenticated"
    FORBIDDEN = "forbidden"
    INSUFFICIENT_POINTS = "insufficient_points"
    LIMIT_REACHED = "limit_reached"
    NOT_REDEEMABLE = "not_redeemable"
    IDEMPOTENCY_MISMATCH = "idempotency_mismatch"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    UNSUPPORTED_MEDIA = "unsupported_media_type"
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"
    INACTIVE = "inactive"


class LoyaltyError(Exception):
    """A refusal the caller can act on. ``field`` names the offending input when there is one."""

    def __init__(self, code: ErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __repr__(self) -> str:
        return f"LoyaltyError({self.code.value!r}, {self.message!r}, field={self.field!r})"


def invalid(field: str, message: str) -> LoyaltyError:
    return LoyaltyError(ErrorCode.INVALID_INPUT, message, field=field)


def not_found(what: str, ident: str) -> LoyaltyError:
    return LoyaltyError(ErrorCode.NOT_FOUND, f"{what} '{ident}' does not exist")


def forbidden(message: str) -> LoyaltyError:
    return LoyaltyError(ErrorCode.FORBIDDEN, message)


def unauthenticated(message: str) -> LoyaltyError:
    return LoyaltyError(ErrorCode.UNAUTHENTICATED, message)
