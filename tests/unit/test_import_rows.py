"""Reading import files: rows with the line they start on, and the shared field parsers."""

from __future__ import annotations

import pytest

from loyalty.app.imports import rows as parsers
from loyalty.app.imports.rows import (
    FieldError,
    Row,
    RowError,
    format_of,
    read_rows,
    timestamp_ms,
    whole_number,
)


def test_csv_rows_keep_the_line_they_start_on_across_quoted_newlines_and_blank_lines() -> None:
    text = '\ufeffuserId,description\nann,"two\nlines"\n\nbob,plain\ncid\n'
    rows = list(read_rows(text.splitlines(keepends=True), "csv"))
    assert rows == [
        Row(2, {"userId": "ann", "description": "two\nlines"}, "ann,two\nlines"),
        Row(5, {"userId": "bob", "description": "plain"}, "bob,plain"),
        RowError(6, None, "1 values for 2 columns"),
    ]


def test_empty_csv_cells_are_absent_values() -> None:
    rows = list(read_rows(["userId,usergroup\n", "ann,\n"], "csv"))
    assert rows == [Row(2, {"userId": "ann"}, "ann,")]


def test_json_lines_skip_blank_lines_and_name_the_bad_ones() -> None:
    rows = list(read_rows(['{"userId": "a"}\n', "\n", "[1]\n", "{oops\n"], "jsonl"))
    assert rows[0] == Row(1, {"userId": "a"}, '{"userId": "a"}')
    assert rows[1] == RowError(3, None, "each line must be a JSON object")
    assert isinstance(rows[2], RowError)
    assert (rows[2].line, rows[2].message[:15]) == (4, "not valid JSON:")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.csv", "csv"), ("A.CSV", "csv"), ("b.jsonl", "jsonl"), ("c.ndjson", "jsonl"), ("d.json", None)],
)
def test_the_format_follows_the_file_name(name: str, expected: str | None) -> None:
    assert format_of(name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-05-01T10:00:00Z", 1588327200000),
        ("2020-05-01T12:00:00+02:00", 1588327200000),
        ("2020-05-01T10:00:00", 1588327200000),  # no offset: UTC
        ("1588327200000", 1588327200000),
        (1588327200000, 1588327200000),
    ],
)
def test_times_are_iso_8601_or_epoch_milliseconds(value: object, expected: int) -> None:
    assert timestamp_ms({"t": value}, "t") == expected


def test_bad_values_name_their_field() -> None:
    with pytest.raises(FieldError) as caught:
        timestamp_ms({"validUntil": "next tuesday"}, "validUntil")
    assert (caught.value.field, caught.value.message) == (
        "validUntil",
        "'validUntil' must be an ISO 8601 time or epoch milliseconds, not 'next tuesday'",
    )
    with pytest.raises(FieldError):
        whole_number({"points": 1.5}, "points")
    with pytest.raises(FieldError):
        whole_number({"points": True}, "points")
    assert whole_number({"points": " 42 "}, "points") == 42


def test_unreadable_csv_is_an_error_row_not_an_exception() -> None:
    rows = list(read_rows(["userId\n", "ok\n", '"' + "x" * 200_000 + '"\n'], "csv"))
    assert rows == [
        Row(2, {"userId": "ok"}, "ok"),
        RowError(3, None, "not valid CSV: field larger than field limit (131072)"),
    ]


def test_nul_characters_are_refused_by_name() -> None:
    with pytest.raises(FieldError) as caught:
        parsers.text({"userId": "a\x00b"}, "userId", required=True)
    assert caught.value.message == "'userId' must not contain NUL characters"


def test_times_outside_1970_to_9999_are_refused() -> None:
    for value in (-1, 10**15, "0001-01-01T00:00:00Z"):
        with pytest.raises(FieldError) as caught:
            timestamp_ms({"createdAt": value}, "createdAt")
        assert caught.value.message == "'createdAt' must be between 1970 and 9999"
