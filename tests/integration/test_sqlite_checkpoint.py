"""SQLite's WAL is copied back into the database file by the checkpointer's thread, not in commits."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text

from loyalty.storage.database import Database
from loyalty.storage.sqlite_checkpoint import COMMITS_PER_CHECKPOINT, Checkpointer


def rows_in_the_database_file(path: Path) -> int:
    """What the main file holds by itself: ``immutable`` reads it without the WAL."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM t").fetchone()[0])
    except sqlite3.OperationalError:  # not even the table's creation has been copied yet
        return 0
    finally:
        conn.close()


async def database_with_a_table(path: Path) -> Database:
    """A SQLite ``Database`` at ``path`` whose first commit created the table ``t``."""
    db = Database(f"sqlite:///{path}")
    async with db.write() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
    return db


async def test_commits_leave_the_checkpoint_to_the_checkpointer(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    db = await database_with_a_table(path)
    assert db._checkpointer is not None
    db._checkpointer.restart_frames = 1  # start the WAL over after every checkpoint
    try:
        async with db.read() as conn:
            assert (await conn.execute(text("PRAGMA wal_autocheckpoint"))).scalar_one() == 0
        inserts = COMMITS_PER_CHECKPOINT - 1  # the table's creation was the first commit
        for i in range(inserts):
            async with db.write() as conn:
                await conn.execute(text("INSERT INTO t (id, body) VALUES (:i, :b)"), {"i": i, "b": "x" * 500})
        checkpointing = db._checkpointing
        assert checkpointing is not None  # started by the hundredth commit
        await checkpointing
        assert rows_in_the_database_file(path) == inserts
        # Everything was copied, so the next writer starts the WAL over instead of appending.
        async with db.write() as conn:
            await conn.execute(text("INSERT INTO t (id, body) VALUES (-1, 'after')"))
        assert wal_frames(path) <= 10  # that insert's pages, not the 100 commits' hundreds
        async with db.read() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == inserts + 1
    finally:
        await db.dispose()


async def test_a_busy_writer_does_not_make_the_wal_grow(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    db = await database_with_a_table(path)
    assert db._checkpointer is not None
    db._checkpointer.restart_frames = COMMITS_PER_CHECKPOINT  # the default is 64 MiB of WAL
    try:

        async def writer(first: int) -> None:
            for i in range(first, first + 250):
                async with db.write() as conn:
                    await conn.execute(
                        text("INSERT INTO t (id, body) VALUES (:i, :b)"), {"i": i, "b": "x" * 2000}
                    )
                await asyncio.sleep(0)  # between requests the loop runs its other tasks

        await asyncio.gather(*(writer(n * 1000) for n in range(4)))  # 1,000 commits, never idle
        if db._checkpointing is not None:
            await db._checkpointing  # a checkpoint still running reports no frames
        frames = wal_frames(path)
        # A WAL started over is written again from its start: the file only grows past its length.
        longest = (path.parent / "busy.db-wal").stat().st_size // (4096 + 24)
    finally:
        await db.dispose()
    # Each insert adds a few pages: 1,000 of them without a restart leave ~4,200 frames (the file
    # is that long when restart_frames is set out of reach); with restarts it stays near 600.
    assert 0 <= frames < 1_500
    assert longest < 1_500


async def test_a_short_wal_is_copied_without_holding_the_writers_back(tmp_path: Path) -> None:
    path = tmp_path / "short.db"
    db = await database_with_a_table(path)
    checkpointer = Checkpointer(str(path))
    held: list[bool] = []

    @asynccontextmanager
    async def writers_idle() -> AsyncIterator[None]:
        held.append(True)
        yield

    try:
        for i in range(10):
            async with db.write() as conn:
                await conn.execute(text("INSERT INTO t (id, body) VALUES (:i, 'x')"), {"i": i})
        await checkpointer.run(writers_idle)
        assert held == []  # far below RESTART_WAL_FRAMES: the writers were never stopped
        assert rows_in_the_database_file(path) == 10  # and the WAL was copied all the same
        checkpointer.restart_frames = 1
        async with db.write() as conn:
            await conn.execute(text("INSERT INTO t (id, body) VALUES (10, 'x')"))
        await checkpointer.run(writers_idle)
        assert held == [True]  # long enough now: the second step ran with the writers held
        assert rows_in_the_database_file(path) == 11
    finally:
        checkpointer.close()
        await db.dispose()


def wal_frames(path: Path) -> int:
    """Frames in the WAL now (a PASSIVE checkpoint reports it; everything is copied already)."""
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1])
    finally:
        conn.close()


async def test_without_the_checkpointer_the_rows_stay_in_the_wal(tmp_path: Path) -> None:
    """The control: with automatic checkpoints off, nothing else copies the WAL back."""
    path = tmp_path / "control.db"
    db = Database(f"sqlite:///{path}")
    db._checkpointer = None  # commits no longer wake a checkpointer
    try:
        async with db.write() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
        async with db.write() as conn:
            await conn.execute(text("INSERT INTO t (id, body) VALUES (1, 'x')"))
        assert (path.parent / "control.db-wal").stat().st_size > 0
        conn_file = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
        try:
            tables = conn_file.execute("SELECT count(*) FROM sqlite_master WHERE name = 't'").fetchone()[0]
        finally:
            conn_file.close()
        assert tables == 0
    finally:
        await db.dispose()
