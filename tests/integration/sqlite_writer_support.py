"""A SQLite database whose COMMITs are recorded, for the tests of the group-commit writer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any
from unittest import mock

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage import sqlite_writer
from loyalty.storage.database import Database

PARENT_AND_CHILD = (
    "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
    # A row that is valid until COMMIT checks its deferred foreign key makes a group's COMMIT fail.
    "CREATE TABLE child (id INTEGER PRIMARY KEY,"
    " parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)",
)


class Refused(Exception):
    """Raised inside a write transaction to have it rolled back."""


@contextlib.asynccontextmanager
async def traced_database(path: Path, *tables: str) -> AsyncIterator[Database]:
    """``Database`` on ``path`` with ``tables`` created; ``db.commits`` lists the COMMITs since."""
    database = Database(f"sqlite:///{path}")
    commits: list[str] = []

    @event.listens_for(database.engine.sync_engine, "connect")
    def trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn._connection.sqlite.set_trace_callback(
            lambda sql: commits.append(sql) if sql == "COMMIT" else None
        )

    database.commits = commits  # type: ignore[attr-defined]
    async with database.write() as conn:
        for table in (*tables, *PARENT_AND_CHILD):
            await conn.execute(text(table))
    commits.clear()
    try:
        yield database
    finally:
        await database.dispose()


async def write_orphan(
    db: Database, before: Callable[[AsyncConnection], Awaitable[None]] | None = None
) -> None:
    """A write transaction (doing ``before`` first) whose row is valid until COMMIT checks its
    deferred foreign key: its group fails to commit."""
    async with db.write() as conn:
        if before is not None:
            await before(conn)
        await conn.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 404)"))


async def run_one_group(
    db: Database, first: Callable[[AsyncConnection], Awaitable[None]], *queued: Callable[[], Awaitable[None]]
) -> list[object]:
    """``first`` runs in the group's first transaction, which holds the writer until every one of
    ``queued`` waits behind it; the whole queue makes one group. Each outcome, first's first."""
    all_queued = asyncio.Event()

    async def holder() -> None:
        async with db.write() as conn:
            await first(conn)
            await all_queued.wait()

    with mock.patch.object(sqlite_writer, "GROUP_SHARE", 1.0):  # the whole queue in one group
        tasks = [asyncio.create_task(holder())]
        await asyncio.sleep(0)  # the holder takes the writer lock
        tasks += [asyncio.create_task(writer()) for writer in queued]
        await asyncio.sleep(0)  # each runs up to the writer lock
        all_queued.set()
        return await asyncio.gather(*tasks, return_exceptions=True)
