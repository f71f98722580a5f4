"""Turn documents into typed structs, with errors that name the offending field.

How an HTTP request's body, query and path are held to limits is the API's: ``api/request_checks.py``."""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec

from loyalty.core.errors import invalid

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


MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer every JSON client represents exactly (and far below the database's 2^63)."""


_WHOLE = re.compile(r"[+-]?[0-9]{1,16}")
"""ASCII digits only ("²" passes ``str.isdigit`` but not ``int``), short enough never to overflow."""


def is_whole(text: str) -> bool:
    return _WHOLE.fullmatch(text) is not None
