"""Turn wire documents into typed structs, with errors that name the offending field."""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec

from loyalty.core.errors import ErrorCode, LoyaltyError, invalid

T = TypeVar("T")

_PATH = re.compile(r" - at `\$\.?(?P<path>[^`]*)`$")


def field_of(error: msgspec.ValidationError | msgspec.DecodeError) -> tuple[str | None, str]:
    """Split msgspec's message into (field path, message naming it)."""
    text = str(error)
    match = _PATH.search(text)
    # msgspec names no path for the top-level object ("Object missing required field `url`").
    path = (match.group("path") or None) if match else None
    base = text[: match.start()] if match else text
    missing = re.match(r"Object missing required field `(?P<f>[^`]+)`", base)
    if missing:
        name = f"{path}.{missing.group('f')}" if path else missing.group("f")
        return name, f"'{name}' is required"
    unknown = re.match(r"Object contains unknown field `(?P<f>[^`]+)`", base)
    if unknown:
        name = f"{path}.{unknown.group('f')}" if path else unknown.group("f")
        return name, f"'{name}' is not a known field"
    return path, f"'{path}': {base}" if path else base


def convert(data: Any, kind: type[T], *, what: str = "body") -> T:
    try:
        return msgspec.convert(data, kind, strict=False)
    except msgspec.ValidationError as exc:
        field, message = field_of(exc)
        raise invalid(field or what, message) from None


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


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """Iterative depth check (no recursion), run only on bodies with many brackets."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False
