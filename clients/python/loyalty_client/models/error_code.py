from enum import StrEnum


class ErrorCode(StrEnum):
    ALREADY_EXISTS = "already_exists"
    CONFLICT = "conflict"
    FORBIDDEN = "forbidden"
    IDEMPOTENCY_MISMATCH = "idempotency_mismatch"
    INACTIVE = "inactive"
    INSUFFICIENT_POINTS = "insufficient_points"
    INVALID_INPUT = "invalid_input"
    LIMIT_REACHED = "limit_reached"
    NOT_FOUND = "not_found"
    NOT_REDEEMABLE = "not_redeemable"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    RATE_LIMITED = "rate_limited"
    UNAUTHENTICATED = "unauthenticated"
    UNAVAILABLE = "unavailable"
    UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type"

    def __str__(self) -> str:
        return str(self.value)
