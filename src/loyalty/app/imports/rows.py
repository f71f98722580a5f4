"""Reading an import file row by row (CSV or JSON Lines), and the field parsers rows share.

Files are read as a stream of lines, never whole, so memory stays flat for any size. Each row comes
with the line it starts on, which every error names.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

Format = Literal["csv", "jsonl"]
FORMATS: dict[str, Format] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
MEDIA_TYPES: dict[str, Format] = {
    "text/csv": "csv",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str | None
    message: str

    def text(self) -> str:
        where = f"line {self.line}" + (f", field '{self.field}'" if self.field else "")
        return f"{where}: {self.message}"


class FieldError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Row:
    line: int
    fields: dict[str, Any]
    raw: str
    """The row as written (for the stable key of rows without a reference)."""


def format_of(name: str) -> Format | None:
    lowered = name.lower()
    return next((fmt for ext, fmt in FORMATS.items() if lowered.endswith(ext)), None)


def read_rows(lines: Iterable[str], fmt: Format) -> Iterator[Row | RowError]:
    """Rows of a CSV (first line: the column names) or JSON Lines text; blank lines are skipped."""
    if fmt == "jsonl":
        yield from _jsonl(lines)
    else:
        yield from _csv(lines)


def _jsonl(lines: Iterable[str]) -> Iterator[Row | RowError]:
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield RowError(number, None, f"not valid JSON: {exc.msg}")
            continue
        if not isinstance(value, dict):
            yield RowError(number, None, "each line must be a JSON object")
            continue
        yield Row(number, value, text)


def _csv(lines: Iterable[str]) -> Iterator[Row | RowError]:
    numbered = _LineCounter(lines)
    reader = csv.reader(numbered)
    try:
        header = next(reader, None)
        if header is None:
            return
        columns = [c.strip().lstrip("\ufeff") for c in header]
        for values in reader:
            line = numbered.started
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(columns):
                yield RowError(line, None, f"{len(values)} values for {len(columns)} columns")
                continue
            # Empty cells are absent values: a CSV cannot say null otherwise.
            fields = {c: v for c, v in zip(columns, values, strict=True) if v != ""}
            yield Row(line, fields, ",".join(values))
    except csv.Error as exc:  # a NUL byte, an endless quoted field: the rest cannot be read
        yield RowError(numbered.started, None, f"not valid CSV: {exc}")


class _LineCounter:
    """Feeds ``csv.reader`` and remembers the line on which the current record started."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self.read = 0
        self.started = 0
        self._in_record = False

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.read += 1
        if not self._in_record:
            self.started = self.read
        # A record continues while a quoted field is open (an odd number of quotes so far).
        self._in_record = (line.count('"') % 2 == 1) != self._in_record
        return line


# Field parsers: CSV gives strings, JSON gives typed values; both are accepted where they mean the same.


def text(fields: dict[str, Any], name: str, *, required: bool = False, max_chars: int = 200) -> str | None:
    value = fields.get(name)
    if value is None:
        if required:
            raise FieldError(name, f"'{name}' is required")
        return None
    if not isinstance(value, str) or not value.strip():
        raise FieldError(name, f"'{name}' must be a non-empty string")
    if "\x00" in value:  # PostgreSQL cannot store it in text; refused on both stores alike
        raise FieldError(name, f"'{name}' must not contain NUL characters")
    if len(value) > max_chars:
        raise FieldError(name, f"'{name}' must be at most {max_chars} characters")
    return value


def whole_number(fields: dict[str, Any], name: str, *, required: bool = False) -> int | None:
    value = fields.get(name)
    if value is None:
        if required:
            raise FieldError(name, f"'{name}' is required")
        return None
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise FieldError(name, f"'{name}' must be a whole number, not {value!r}")


LAST_MS = 253_402_300_799_999
"""9999-12-31T23:59:59.999Z: later times are typing errors, and would overflow a column."""


def timestamp_ms(fields: dict[str, Any], name: str) -> int | None:
    """ISO 8601 (UTC unless it carries an offset) or epoch milliseconds, from 1970 to 9999."""
    value = fields.get(name)
    if value is None:
        return None
    found: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        found = value
    elif isinstance(value, str):
        stripped = value.strip()
        if stripped.isdigit():
            found = int(stripped)
        else:
            try:
                parsed = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
            except ValueError:
                pass
            else:
                if parsed.tzinfo is None:
                    parsed = parsed.replace(tzinfo=UTC)
                found = int(parsed.timestamp() * 1000)
    if found is None:
        raise FieldError(name, f"'{name}' must be an ISO 8601 time or epoch milliseconds, not {value!r}")
    if not 0 <= found <= LAST_MS:
        raise FieldError(name, f"'{name}' must be between 1970 and 9999")
    return found
