"""SQLite write transactions that queue share a commit; each still returns only once durable, and a
failure is its own (or, for a failed COMMIT, its whole group's) — see storage/sqlite_writer.py."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage import sqlite_writer
from loyalty.storage.database import Database
from tests.integration.sqlite_writer_support import Refused, run_one_group, traced_database, write_orphan


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    async with traced_database(tmp_path / "group.db", "CREATE TABLE t (id INTEGER PRIMARY KEY)") as database:
        yield database


def committed_ids(db: Database) -> set[int]:
    """What another connection sees: only committed rows."""
    path = db.engine.url.database
    assert path is not None
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT id FROM t")}
    finally:
        conn.close()


async def insert(db: Database, row_id: int, *, refuse: bool = False) -> None:
    async with db.write() as conn:
        await conn.execute(text("INSERT INTO t (id) VALUES (:id)"), {"id": row_id})
        if refuse:
            raise Refused(row_id)


async def test_queued_writers_share_commits_and_each_returns_once_its_row_is_committed(db: Database) -> None:
    seen_on_return: dict[int, bool] = {}

    async def writer(row_id: int) -> None:
        await insert(db, row_id)
        seen_on_return[row_id] = row_id in committed_ids(db)

    async with db.write():  # holds the writers back until all 40 are queued
        tasks = [asyncio.create_task(writer(i)) for i in range(40)]
        await asyncio.sleep(0)  # each task runs up to the writer lock
    await asyncio.gather(*tasks)
    assert committed_ids(db) == set(range(40))
    assert seen_on_return == dict.fromkeys(range(40), True)
    # 41 transactions with the holder's, each group at most three quarters of the queue when it
    # opened: 30 of 41, 8 of the 11 left, 2 of 3, then the last alone. 4 commits, not 41.
    assert sqlite_writer.GROUP_SHARE == 0.75
    assert len(db.commits) == 4  # type: ignore[attr-defined]


async def test_a_refused_writer_in_a_group_changes_nothing_and_the_others_commit(db: Database) -> None:
    async with db.write():
        tasks = [asyncio.create_task(insert(db, i, refuse=i % 3 == 0)) for i in range(12)]
        await asyncio.sleep(0)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    refused = {i for i, result in enumerate(results) if isinstance(result, Refused)}
    assert refused == {0, 3, 6, 9}
    assert all(result is None for i, result in enumerate(results) if i not in refused)
    assert committed_ids(db) == set(range(12)) - refused
    assert len(db.commits) == 1  # type: ignore[attr-defined]  # the holder's group of 13


async def test_a_failed_commit_fails_every_writer_of_its_group_and_keeps_none_of_them(db: Database) -> None:
    async def first(conn: AsyncConnection) -> None:  # the group's first: it fails with the others
        await conn.execute(text("INSERT INTO t (id) VALUES (0)"))

    results = await run_one_group(
        db, first, lambda: insert(db, 1), lambda: write_orphan(db), lambda: insert(db, 2)
    )
    assert [type(result) for result in results] == [sqlite3.IntegrityError] * 4
    assert committed_ids(db) == set()
    await insert(db, 3)  # the writer goes on
    assert committed_ids(db) == {3}


async def test_a_refused_writer_alone_leaves_no_lock_behind(db: Database) -> None:
    with pytest.raises(Refused):
        await insert(db, 1, refuse=True)
    path = db.engine.url.database
    assert path is not None
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # "database is locked" if a transaction were left open
        other.execute("INSERT INTO t (id) VALUES (7)")
        other.execute("COMMIT")
    finally:
        other.close()
    assert committed_ids(db) == {7}


async def test_a_caller_that_stops_waiting_for_its_group_still_has_its_write_committed(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_writer, "GROUP_SHARE", 1.0)  # the whole queue in one group
    last_started, last_may_finish = asyncio.Event(), asyncio.Event()

    async def last() -> None:  # the group's last writer: it commits the group when it finishes
        async with db.write() as conn:
            last_started.set()
            await last_may_finish.wait()
            await conn.execute(text("INSERT INTO t (id) VALUES (3)"))

    first_may_finish = asyncio.Event()

    async def first() -> None:  # holds the others back until both are queued
        async with db.write():
            await first_may_finish.wait()

    holding = asyncio.create_task(first())
    await asyncio.sleep(0)
    waiting = asyncio.create_task(insert(db, 2))
    committing = asyncio.create_task(last())
    await asyncio.sleep(0)
    first_may_finish.set()
    await last_started.wait()  # insert(2) is done and waits for the group's commit
    assert committed_ids(db) == set()
    waiting.cancel()
    last_may_finish.set()
    await asyncio.gather(holding, committing)
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert committed_ids(db) == {2, 3}
    assert len(db.commits) == 1  # type: ignore[attr-defined]
