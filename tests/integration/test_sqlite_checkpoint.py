"""SQLite's WAL is copied back into the database file by the checkpointer's thread, not in commits."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from sqlalchemy import text

from loyalty.storage.database import Database
from loyalty.storage.sqlite_checkpoint import COMMITS_PER_CHECKPOINT


def rows_in_the_database_file(path: Path) -> int:
    """What the main file holds by itself: ``immutable`` reads it without the WAL."""
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM t").fetchone()[0])
    finally:
        conn.close()


async def test_commits_leave_the_checkpoint_to_the_checkpointer(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    db = Database(f"sqlite:///{path}")
    try:
        async with db.write() as conn:
            await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)"))
            assert (await conn.execute(text("PRAGMA wal_autocheckpoint"))).scalar_one() == 0
        checkpointer = db._checkpointer
        assert checkpointer is not None
        for i in range(COMMITS_PER_CHECKPOINT):
            async with db.write() as conn:
                await conn.execute(text("INSERT INTO t (id, body) VALUES (:i, :b)"), {"i": i, "b": "x" * 500})
        # the hundredth commit woke the thread
        assert await asyncio.to_thread(checkpointer.checkpointed.wait, 10)
        assert rows_in_the_database_file(path) == COMMITS_PER_CHECKPOINT
        async with db.read() as conn:
            assert (await conn.execute(text("SELECT count(*) FROM t"))).scalar_one() == COMMITS_PER_CHECKPOINT
    finally:
        await db.dispose()
    assert checkpointer._thread is None


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
