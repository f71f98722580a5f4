"""Counters added by SQLite write transactions are summed over their group and written once, just
before its commit; a refused transaction's additions and a failed group's are never written (see
storage/group_sums.py)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage import sqlite_writer
from loyalty.storage.database import Database
from loyalty.storage.driver import SqliteDriver, driver_of
from loyalty.storage.group_sums import GroupSums, Rows
from tests.integration.sqlite_writer_support import Refused, run_one_group, traced_database, write_orphan


class Counter:
    """Adds to ``counter (k, n)``; remembers the rows of each statement."""

    def __init__(self) -> None:
        self.statements: list[list[tuple[Any, int]]] = []

    def add_rows(self, conn: sqlite3.Connection, rows: Rows) -> None:
        values = [(key, counts.get("n", 0)) for key, counts in rows]
        self.statements.append(sorted(values))
        conn.executemany(
            "INSERT INTO counter (k, n) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET n = n + excluded.n",
            values,
        )


COUNTER = Counter()


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with traced_database(
        tmp_path / "sums.db", "CREATE TABLE counter (k TEXT PRIMARY KEY, n INTEGER NOT NULL)"
    ) as database:
        COUNTER.statements.clear()
        yield database


def committed(db: Database) -> dict[str, int]:
    """What another connection sees."""
    path = db.engine.url.database
    assert path is not None
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT k, n FROM counter"))
    finally:
        conn.close()


async def add(conn: AsyncConnection, key: str, n: int) -> None:
    driver = await driver_of(conn)
    assert isinstance(driver, SqliteDriver)
    driver.add_to_row(COUNTER, key, {"n": n})


async def adder(db: Database, i: int, *, refuse: bool = False) -> None:
    async with db.write() as conn:
        await add(conn, "every", 1)
        await add(conn, "by-i", i)
        await add(conn, "every", 1)  # a transaction's own additions are summed too
        if refuse:
            raise Refused(i)


async def test_a_groups_additions_are_summed_and_written_once_before_its_commit(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_writer, "GROUP_SHARE", 1.0)  # the whole queue in one group
    async with db.write() as conn:  # holds the others back until all 12 are queued
        await add(conn, "every", 100)
        tasks = [asyncio.create_task(adder(db, i, refuse=i % 4 == 0)) for i in range(12)]
        await asyncio.sleep(0)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    refused = {i for i, result in enumerate(results) if isinstance(result, Refused)}
    assert refused == {0, 4, 8}
    kept = [i for i in range(12) if i not in refused]
    assert committed(db) == {"every": 100 + 2 * len(kept), "by-i": sum(kept)}
    assert len(db.commits) == 1  # type: ignore[attr-defined]  # the holder's group of 13
    assert COUNTER.statements == [[("by-i", sum(kept)), ("every", 100 + 2 * len(kept))]]


async def test_a_failed_commit_writes_none_of_its_sums_and_the_next_group_starts_afresh(db: Database) -> None:
    async def first(conn: AsyncConnection) -> None:
        await add(conn, "every", 10)

    async def add_a_thousand(conn: AsyncConnection) -> None:
        await add(conn, "every", 1000)

    results = await run_one_group(db, first, lambda: adder(db, 1), lambda: write_orphan(db, add_a_thousand))
    assert [type(result) for result in results] == [sqlite3.IntegrityError] * 3
    assert committed(db) == {}
    await adder(db, 5)
    assert committed(db) == {"every": 2, "by-i": 5}


async def test_a_connection_other_than_the_writers_adds_at_once(db: Database) -> None:
    async with db.engine.begin() as conn:
        await add(conn, "every", 3)
        assert (await conn.execute(text("SELECT n FROM counter WHERE k = 'every'"))).scalar_one() == 3
    assert committed(db) == {"every": 3}


def test_the_sums_of_a_transaction_are_kept_or_dropped_with_it() -> None:
    sums, written = GroupSums(), Counter()
    assert not sums.add(written, "a", {"n": 1})  # no transaction open: the caller writes now
    sums.begin()
    assert sums.add(written, "a", {"n": 1})
    sums.keep()
    sums.begin()
    sums.add(written, "a", {"n": 50})
    sums.drop()  # rolled back to its savepoint
    sums.begin()
    sums.add(written, "a", {"n": 2})
    sums.add(written, "b", {"n": -1})
    sums.keep()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE counter (k TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    sums.write(conn)
    sums.write(conn)  # written once
    assert dict(conn.execute("SELECT k, n FROM counter")) == {"a": 3, "b": -1}
    assert written.statements == [[("a", 3), ("b", -1)]]
    sums.begin()
    sums.add(written, "a", {"n": 7})
    sums.keep()
    sums.forget()  # the group was rolled back
    sums.write(conn)
    assert dict(conn.execute("SELECT k, n FROM counter")) == {"a": 3, "b": -1}
