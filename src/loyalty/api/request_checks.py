"""Checks every HTTP request passes before a route sees it: the JSON body's limits (depth, string
length, integer range, keys per object), NUL characters in path, query and ``Idempotency-Key``, and
whole-number query parameters. Each refusal is a 400 naming the field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

import msgspec

from loyalty.app.kernel.validation import MAX_SAFE_INTEGER, field_of, is_whole
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid

T = TypeVar("T")


def decode_json(raw: bytes, kind: type[T]) -> T:
    if not raw.strip():
        raise LoyaltyError(ErrorCode.INVALID_INPUT, "a JSON body is required", field="body")
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.ValidationError as exc:
        field, message = field_of(exc)
        raise invalid(field or "body", message) from None
    except msgspec.DecodeError as exc:
        raise invalid("body", f"invalid JSON: {exc}") from None


@dataclass(frozen=True)
class JsonLimits:
    """Bounds every request body is held to, whatever the endpoint (settings ``max_json_*``)."""

    depth: int = 32
    string_chars: int = 10_000
    object_keys: int = 100


def decode_body(raw: bytes, kind: type[T], limits: JsonLimits) -> T:
    """``decode_json`` after the shared limits: nesting depth, string lengths, integer range and
    keys per object, each refused with a 400 naming the offending field."""
    if not raw.strip():
        raise LoyaltyError(ErrorCode.INVALID_INPUT, "a JSON body is required", field="body")
    try:
        document = msgspec.json.decode(raw)
    except RecursionError:
        raise _too_deep(limits.depth) from None
    except UnicodeDecodeError:
        raise invalid("body", "invalid JSON: the body is not valid UTF-8") from None
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise invalid("body", f"invalid JSON: {exc}") from None
    check_limits(document, limits)
    return decode_json(raw, kind)


def _too_deep(limit: int) -> LoyaltyError:
    return LoyaltyError(ErrorCode.INVALID_INPUT, f"JSON nested deeper than {limit} levels", field="body")


def check_limits(document: Any, limits: JsonLimits) -> None:
    """One iterative walk (no recursion); a field's path is built only when it is refused."""
    stack: list[tuple[Any, Any, int]] = [(document, None, 1)]
    while stack:
        item, where, depth = stack.pop()
        if depth > limits.depth:
            raise _too_deep(limits.depth)
        if isinstance(item, bool):
            continue
        if isinstance(item, dict):
            if len(item) > limits.object_keys:
                name = _path(where) or "body"
                raise invalid(
                    name, f"'{name}' has {len(item)} keys; at most {limits.object_keys} are allowed"
                )
            for key, value in item.items():
                if len(key) > limits.string_chars or "\x00" in key:
                    name = _path(where) or "body"
                    raise invalid(
                        name, f"'{name}' has a key longer than {limits.string_chars} characters or with NUL"
                    )
                stack.append((value, (where, key), depth + 1))
        elif isinstance(item, list):
            stack.extend((value, (where, index), depth + 1) for index, value in enumerate(item))
        elif isinstance(item, str):
            if len(item) > limits.string_chars:
                name = _path(where) or "body"
                raise invalid(name, f"'{name}' is longer than {limits.string_chars} characters")
            if "\x00" in item:
                name = _path(where) or "body"
                raise invalid(name, f"'{name}' must not contain NUL (U+0000) characters")
        elif isinstance(item, int) and not -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
            name = _path(where) or "body"
            raise invalid(name, f"'{name}' must be an integer between -(2^53-1) and 2^53-1")


def _path(where: Any) -> str:
    parts: list[str] = []
    while where is not None:
        where, step = where
        parts.append(f"[{step}]" if isinstance(step, int) else f".{step}")
    return "".join(reversed(parts)).lstrip(".")


def query_int(raw: str | None, name: str, default: int, *, low: int, high: int) -> int:
    """A whole-number query parameter within [low, high] (never past what the database holds)."""
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if not is_whole(text) or not low <= int(text) <= high:
        bounds = "" if (low, high) == (-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER) else f" from {low} to {high}"
        raise invalid(name, f"'{name}' must be a whole number{bounds}")
    return int(text)


def check_request_text(path_params: dict[str, Any], query: Any, idempotency_key: str | None) -> None:
    """Path segments, query parameters and ``Idempotency-Key`` end up in SQL parameters: no NUL
    (U+0000), which PostgreSQL text cannot hold."""
    for name, value in path_params.items():
        if isinstance(value, str) and "\x00" in value:
            raise invalid(name, f"'{name}' must not contain NUL (U+0000) characters")
    for name, value in query.multi_items():
        if "\x00" in value or "\x00" in name:
            raise invalid(name, f"'{name}' must not contain NUL (U+0000) characters")
    if idempotency_key is not None and "\x00" in idempotency_key:
        raise invalid("Idempotency-Key", "'Idempotency-Key' must not contain NUL (U+0000) characters")
