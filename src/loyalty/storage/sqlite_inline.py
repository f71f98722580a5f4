"""SQLite for the async engine without a thread per connection.

SQLAlchemy's ``sqlite+aiosqlite`` dialect hands every call (cursor, execute, fetch, close, commit)
to aiosqlite, which runs it on the connection's own thread and wakes the event loop when it is
done: four thread hand-offs for one statement, about 100 µs each on a 2-core machine, so an event's
eleven statements cost more in hand-offs than in SQLite. A statement on a local WAL database takes
tens of microseconds, so this module gives the dialect a connection with aiosqlite's interface that
runs ``sqlite3`` directly on the event loop's thread: the awaitables it returns are already done.

This is safe because the one thing that could make a call wait — another writer holding the write
lock — does not happen inside one process: :class:`loyalty.storage.sqlite_writer.SqliteWriter`
lets one write transaction at a time into SQLite per process (an ``asyncio.Lock``), and readers
never wait in WAL mode. Several server processes on one SQLite file still work; a process then
waits for the others' write locks in SQLite's busy handler (``timeout``), which is the documented
reason to run SQLite with one worker (docs/running.md).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from loyalty.storage.group_sums import GroupSums


class InlineCursor:
    """aiosqlite's cursor interface over a ``sqlite3.Cursor``; every method completes at once."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> InlineCursor:
        self._cursor.execute(sql, parameters)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        self._cursor.executemany(sql, parameters)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class _RunNow:
    """Stands in for aiosqlite's work queue, which the dialect uses to set ``isolation_level``."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:  # handed to the waiting future, as aiosqlite does
            if future is None:
                raise
            future.set_exception(error)
        else:
            if future is not None:
                future.set_result(result)


class InlineConnection:
    """aiosqlite's connection interface over a ``sqlite3.Connection`` on the loop's thread."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._connection: sqlite3.Connection | None = conn
        self._tx = _RunNow()
        self.savepoint: str | None = None
        """Set while a write transaction of a group runs (:mod:`loyalty.storage.sqlite_writer`):
        a COMMIT asked for through the dialect is then left to the group, and a ROLLBACK goes
        back to this savepoint."""
        self.sums: GroupSums | None = None
        """The writer's connection: counters its transactions add, written with the group's COMMIT
        (:mod:`loyalty.storage.group_sums`)."""

    @property
    def sqlite(self) -> sqlite3.Connection:
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> InlineCursor:
        # The dialect enters the result with ``await cursor.__aenter__()``.
        return InlineCursor(self._conn.cursor())

    async def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> InlineCursor:
        return InlineCursor(self._conn.execute(sql, parameters))

    async def commit(self) -> None:
        if self.savepoint is None:
            self._conn.commit()

    async def rollback(self) -> None:
        if self.savepoint is None:
            self._conn.rollback()
        else:
            self._conn.execute(f"ROLLBACK TO {self.savepoint}")

    async def create_function(self, *args: Any, **kw: Any) -> None:
        self._conn.create_function(*args, **kw)

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Forced close, as aiosqlite's ``stop``; nothing runs elsewhere, so it is a close."""
        if self._connection is not None:
            self._connection = None
            self._conn.close()


def inline_creator(path: str, *, timeout: float) -> Callable[[], Any]:
    """The ``async_creator`` for ``create_async_engine``: opens ``path`` on the loop's thread."""

    async def connect() -> InlineConnection:
        conn = sqlite3.connect(path, timeout=timeout, check_same_thread=False, isolation_level=None)
        return InlineConnection(conn)

    return connect
