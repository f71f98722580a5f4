"""The log writer writes what was queued in one write, and everything at stop."""

from __future__ import annotations

import collections
import io
import logging
from typing import Any

from loyalty.logs import LogWriter


class CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def record(message: str) -> logging.LogRecord:
    return logging.LogRecord("loyalty.access", logging.INFO, __file__, 0, message, None, None)


def test_queued_records_are_written_together_in_one_write() -> None:
    stream = CountingStream()
    records: collections.deque[Any] = collections.deque()
    writer = LogWriter(records, logging.StreamHandler(stream))
    for n in range(3):
        records.append(record(f"line {n}"))
    assert stream.getvalue() == ""  # logging only queues
    writer.write_queued()
    assert stream.getvalue() == "line 0\nline 1\nline 2\n"
    assert stream.writes == 1


def test_stop_writes_what_is_still_queued() -> None:
    stream = CountingStream()
    records: collections.deque[Any] = collections.deque()
    writer = LogWriter(records, logging.StreamHandler(stream))
    writer.start()
    records.append(record("last words"))
    writer.stop()
    assert stream.getvalue().endswith("last words\n")
    assert not records
