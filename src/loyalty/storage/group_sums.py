"""Counters that write transactions add to shared rows, summed in process and written once per
SQLite group commit.

An event's statistics add to the rollup rows of (tenant, day, event) and (tenant, day, all
events): every event of a day adds to the same rows. On SQLite, write transactions that queue share
one commit (:mod:`loyalty.storage.sqlite_writer`), so the additions of a transaction are kept beside
it instead of being written at once; when its savepoint is released they join the open group's,
and just before the group's COMMIT each row gets one upsert with the sums. A transaction rolled
back to its savepoint takes its additions with it, and a group that fails to commit loses them
with the rest of its writes: what is committed is what the events added, once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Hashable, Mapping, Sequence
from typing import Protocol

Rows = Sequence[tuple[Hashable, Mapping[str, int]]]
"""(key, counts by column) of the rows to add to; a column not named adds 0."""


class RowAdder(Protocol):
    """Writes summed counters: an upsert that adds each row's counts to the stored row."""

    def add_rows(self, conn: sqlite3.Connection, rows: Rows) -> None: ...


class GroupSums:
    """The sums of one SQLite connection: the open write transaction's, and its group's."""

    __slots__ = ("_group", "_open")

    def __init__(self) -> None:
        self._open: dict[tuple[RowAdder, Hashable], dict[str, int]] | None = None
        self._group: dict[tuple[RowAdder, Hashable], dict[str, int]] = {}

    def begin(self) -> None:
        """A write transaction of the group starts (its savepoint is open)."""
        self._open = {}

    def add(self, adder: RowAdder, key: Hashable, counts: Mapping[str, int]) -> bool:
        """Add to the open transaction's sums; False when none is open (the caller writes now)."""
        if self._open is None:
            return False
        _add_into(self._open, (adder, key), counts)
        return True

    def keep(self) -> None:
        """The open transaction's savepoint was released: its sums join the group's."""
        opened, self._open = self._open, None
        for at, counts in (opened or {}).items():
            _add_into(self._group, at, counts)

    def drop(self) -> None:
        """The open transaction was rolled back to its savepoint: its sums are gone."""
        self._open = None

    def forget(self) -> None:
        """The whole group was rolled back."""
        self._open = None
        self._group.clear()

    def write(self, conn: sqlite3.Connection) -> None:
        """Write the group's sums in its transaction, before its COMMIT (one statement per adder)."""
        if not self._group:
            return
        by_adder: dict[RowAdder, list[tuple[Hashable, dict[str, int]]]] = {}
        for (adder, key), counts in self._group.items():
            by_adder.setdefault(adder, []).append((key, counts))
        self._group.clear()
        for adder, rows in by_adder.items():
            adder.add_rows(conn, rows)


def _add_into(
    sums: dict[tuple[RowAdder, Hashable], dict[str, int]],
    at: tuple[RowAdder, Hashable],
    counts: Mapping[str, int],
) -> None:
    row = sums.get(at)
    if row is None:
        sums[at] = dict(counts)
        return
    for name, count in counts.items():
        row[name] = row.get(name, 0) + count
