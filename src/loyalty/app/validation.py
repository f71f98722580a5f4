"""Turn wire documents into typed structs, with errors that name the offending field."""

from __future__ import annotations

import re
from dataclasses import dataclass
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
    wrong = re.match(r"Expected `(?P<want>[^`]+)`, got `(?P<got>[^`]+)`", base)
    if wrong and path:
        return path, f"'{path}' must be {type_phrase(wrong.group('want'))}"
    if path and (rule := constraint_phrase(base)):
        return path, f"'{path}' {rule}"
    return path, f"'{path}': {base}" if path else base


_TYPE_PHRASES = {
    "str": "a string",
    "int": "a whole number",
    "float": "a number",
    "bool": "a boolean",
    "object": "an object",
    "array": "an array",
    "null": "null",
}


def type_phrase(expected: str) -> str:
    """msgspec's expected type (``str``, ``int | null``, ``array``, ...) in words."""
    phrases = [_TYPE_PHRASES.get(part.strip(), part.strip()) for part in expected.split("|")]
    phrases = [p for p in phrases if p != "null"] or phrases
    return " or ".join(phrases)


def check_string(value: object, field: str) -> str:
    """A required string field: absent or empty is "is required", another type says so."""
    if value is None or value == "":
        raise invalid(field, f"'{field}' is required")
    if not isinstance(value, str):
        raise invalid(field, f"'{field}' must be a string")
    if not value.strip():
        raise invalid(field, f"'{field}' is required")
    return value


_BOUND = re.compile(r"Expected `[^`]+` (?P<op>>=|<=|>|<) (?P<n>-?[0-9.e+]+)$")
_PATTERN = re.compile(r"Expected `str` matching regex (?P<re>.+)$")
_ENUM = re.compile(r"Invalid enum value (?P<v>.+)$")
_BOUND_WORDS = {">=": "at least", "<=": "at most", ">": "greater than", "<": "less than"}


def constraint_phrase(base: str) -> str | None:
    """msgspec's constraint messages (``Meta`` bounds and patterns, ``Literal`` values) in words."""
    if bound := _BOUND.match(base):
        number = bound.group("n")
        number = number.removesuffix(".0") if number.endswith(".0") else number
        return f"must be {_BOUND_WORDS[bound.group('op')]} {number}"
    if pattern := _PATTERN.match(base):
        return f"must match {pattern.group('re')}"
    if enum := _ENUM.match(base):
        return f"must be one of the allowed values, not {enum.group('v')}"
    if base == "Number out of range":
        return "is out of range"
    return None


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


MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer every JSON client represents exactly (and far below the database's 2^63)."""


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


_WHOLE = re.compile(r"[+-]?[0-9]{1,16}")
"""ASCII digits only ("²" passes ``str.isdigit`` but not ``int``), short enough never to overflow."""


def is_whole(text: str) -> bool:
    return _WHOLE.fullmatch(text) is not None


def query_int(raw: str | None, name: str, default: int, *, low: int, high: int) -> int:
    """A whole-number query parameter within [low, high] (never past what the database holds)."""
    if raw is None or raw == "":
        return default
    text = raw.strip()
    if not _WHOLE.fullmatch(text) or not low <= int(text) <= high:
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
