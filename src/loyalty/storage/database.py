"""Engine set-up for both stores and the two kinds of transaction the app layer asks for.

SQLite serialises writers; a write transaction there starts with ``BEGIN IMMEDIATE`` so that two
writers never both read and then fail to upgrade their lock, and inside one process writers queue
in :class:`loyalty.storage.sqlite_writer.SqliteWriter`, which runs them on one connection on the
event loop's thread (see :mod:`loyalty.storage.sqlite_inline`) and lets those that queue share a
commit. PostgreSQL runs READ COMMITTED and the repositories make every rule that must hold under
concurrency a single conditional statement (``UPDATE … WHERE balance >= :n``, ``INSERT … ON
CONFLICT``) or a row lock.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, make_url
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection as SyncConnection
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool
from sqlalchemy.sql.schema import Table

from loyalty.storage.driver import READING
from loyalty.storage.sqlite_checkpoint import Checkpointer
from loyalty.storage.sqlite_inline import inline_creator
from loyalty.storage.sqlite_writer import SqliteWriter

if TYPE_CHECKING:
    from loyalty.storage.store import SqlStores


def async_url(url: str) -> str:
    """Map the user-facing URL (``sqlite:///…``, ``postgresql://…``) to the async driver's."""
    if url.startswith("sqlite:"):
        return "sqlite+aiosqlite:" + url[len("sqlite:") :]
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        return "postgresql+asyncpg://" + url[len("postgresql://") :]
    return url


def sync_url(url: str) -> str:
    """URL for synchronous tools (Alembic offline checks); same database, blocking driver."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


class Database:
    """Owns the engine. ``write()`` and ``read()`` open one transaction each."""

    def __init__(self, url: str, *, pool_size: int = 4, echo: bool = False, timeout_s: float = 30.0) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["poolclass"] = AsyncAdaptedQueuePool
            places = max(pool_size, 4)
            # Beyond what the gate admits (the readers): one for the SqliteWriter's connection,
            # which writers share one at a time outside the gate, and one for the engine's direct
            # users (/readyz, migrations), which kept connections never starve.
            kwargs["pool_size"] = places + 2
            kwargs["max_overflow"] = 0
            path = make_url(url).database or ":memory:"
            kwargs["async_creator"] = inline_creator(path, timeout=30)
        else:
            # A fixed pool: an overflow connection is closed when it comes back to a full pool, so
            # under load every request past the pool size paid for a new connection (and asyncpg's
            # SSL probe). Requests past it wait for a connection instead.
            kwargs["pool_size"] = pool_size + 1  # the one more is for the engine's direct users
            kwargs["max_overflow"] = 0
            kwargs["pool_pre_ping"] = False
            kwargs["pool_recycle"] = 3600  # and Database._connect's own kept connections
            # Bounded waits so a database that is away answers 503 quickly instead of hanging:
            # connecting, waiting for a pooled connection, and one statement.
            kwargs["pool_timeout"] = timeout_s
            kwargs["connect_args"] = {
                "server_settings": {"jit": "off"},
                "command_timeout": max(30.0, timeout_s),
                "timeout": timeout_s,
            }
        self.engine: AsyncEngine = create_async_engine(async_url(url), **kwargs)
        self._timeout_s = timeout_s
        self._places = places if self.is_sqlite else pool_size
        self._recycle_s = 3600.0
        self._lanes: tuple[asyncio.AbstractEventLoop, _Lanes] | None = None
        """The gate, the SQLite writer and the kept connections of the current event loop."""
        self._checkpointer: Checkpointer | None = None
        self._checkpointing: asyncio.Task[None] | None = None
        if self.is_sqlite:
            if path != ":memory:":
                self._checkpointer = Checkpointer(path)
            _install_sqlite_hooks(self.engine, checkpoint_in_commits=self._checkpointer is None)

    @property
    def dialect(self) -> str:
        return "sqlite" if self.is_sqlite else "postgresql"

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncConnection]:
        if not self.is_sqlite:
            # The transaction begins with the first statement that needs one (through SQLAlchemy
            # or ``driver_of``); a command whose one statement commits by itself (an event, see
            # storage/events/event_store.py) never pays for BEGIN and COMMIT.
            async with self._connect(_READ_WRITE) as conn:
                try:
                    yield conn
                except BaseException:
                    if conn.in_transaction():
                        await conn.rollback()
                    raise
                if conn.in_transaction():
                    await conn.commit()
            return
        writer = self._loop_lanes().sqlite_writer(self.engine)
        async with writer.transaction() as conn:  # returns once committed, maybe with others
            yield conn
        if self._checkpointer is not None and self._checkpointer.committed():
            self._start_checkpoint(self._checkpointer, writer)

    def _start_checkpoint(self, checkpointer: Checkpointer, writer: SqliteWriter) -> None:
        """In the background; it waits for the writers to pause (see sqlite_checkpoint.py)."""
        if self._checkpointing is None or self._checkpointing.done():
            self._checkpointing = asyncio.create_task(checkpointer.run(writer.idle))

    @asynccontextmanager
    async def _connect(self, lane: str) -> AsyncIterator[AsyncConnection]:
        """A connection, taken in arrival order.

        The gate is an :class:`asyncio.Semaphore` with as many places as the pool has
        connections: it hands a released place to the longest waiter and lets no newcomer pass a
        waiter (``tests/unit/test_fair_gate.py`` pins that). SQLAlchemy's async pool alone lets a
        request that has only just arrived take a returned connection while the woken waiter
        goes back to the end of the line; under load that barging turned a 25 ms median into a
        200–700 ms p99 (bench/RESULTS.md), so the pool itself never has anyone waiting.

        A connection that ends its turn cleanly is kept, checked out, for the next request of its
        lane instead of going back to SQLAlchemy's pool: checking out and returning cost four
        greenlet switches and an event-loop task per request (~150 µs of Python on 2 cores). One
        that failed, outlived the recycle time or is still in a transaction goes back to the pool,
        which resets or replaces it."""
        lanes = self._loop_lanes()
        async with asyncio.timeout(self._timeout_s):  # past it, TimeoutError: the request is a 503
            await lanes.gate.acquire()
        try:
            conn = lanes.take(lane)
            if conn is None:
                conn = await self.engine.connect()
                conn.info[_KEPT_SINCE] = time.monotonic()
            clean = False
            try:
                yield conn
                clean = True
            finally:
                kept_since = conn.info.get(_KEPT_SINCE, 0.0) if clean else 0.0
                if clean and not conn.in_transaction() and time.monotonic() - kept_since < self._recycle_s:
                    lanes.keep(lane, conn)
                else:
                    await conn.close()
        finally:
            lanes.gate.release()

    def _loop_lanes(self) -> _Lanes:
        """This event loop's gate, SQLite writer and kept connections (futures and locks belong to
        one loop). A new loop (a test session's, a CLI's next ``asyncio.run``) takes over the kept
        connections, as the pool would have handed them out again."""
        loop = asyncio.get_running_loop()
        if self._lanes is None or self._lanes[0] is not loop:
            kept = self._lanes[1].drain_by_lane() if self._lanes is not None else {}
            self._lanes = (loop, _Lanes(asyncio.Semaphore(self._places), kept))
        return self._lanes[1]

    def connections(self) -> dict[str, int]:
        """``in_use``, ``idle`` and ``size`` of this process's connections, for the pool gauges;
        kept connections count as idle although SQLAlchemy's pool has them checked out."""
        pool: Any = self.engine.sync_engine.pool
        kept = 0 if self._lanes is None else self._lanes[1].idle()
        return {"in_use": pool.checkedout() - kept, "idle": pool.checkedin() + kept, "size": pool.size()}

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        if self.is_sqlite:  # BEGIN: one snapshot for all the reads of the request
            async with self._connect(_SQLITE_READ) as conn, conn.begin():
                yield conn
            return
        async with self._connect(_READ_WRITE) as conn:
            info = conn.info
            info[READING] = True  # see driver_of: the driver's statements need no BEGIN here
            try:
                yield conn
            finally:
                info.pop(READING, None)
            if conn.in_transaction():  # begun by a statement run through SQLAlchemy
                await conn.commit()

    def insert(self, table: Table) -> postgresql.Insert | sqlite.Insert:
        """An INSERT that supports ``on_conflict_do_nothing/do_update`` on the current engine."""
        if self.is_sqlite:
            return sqlite.insert(table)
        return postgresql.insert(table)

    @cached_property
    def stores(self) -> SqlStores:
        """This database's transactions as stores of repositories (what ``app`` takes, for callers
        that hold the database but no ``Services``)."""
        from loyalty.storage.store import SqlStores  # that module builds on this one

        return SqlStores(self)

    async def dispose(self) -> None:
        if self._lanes is not None:
            loop, lanes = self._lanes
            if loop is asyncio.get_running_loop():
                await lanes.settle_writer()
            for conn in lanes.drain():
                await conn.close()
            self._lanes = None
        if self._checkpointing is not None:
            await self._checkpointing
            self._checkpointing = None
        if self._checkpointer is not None:
            self._checkpointer.close()  # the engine's last connection then removes the WAL
        await self.engine.dispose()


_READ_WRITE = "read-write"
"""PostgreSQL: every request, read or write, starts on a connection in the same state."""
_SQLITE_READ = "sqlite-read"
_SQLITE_WRITER = "sqlite-writer"
"""The SqliteWriter's one connection, while it passes from one event loop to the next."""
_KEPT_SINCE = "loyalty.kept_since"


class _Lanes:
    """One event loop's gate, SQLite writer (one write transaction at a time in this process) and
    idle kept connections, by lane."""

    def __init__(self, gate: asyncio.Semaphore, idle: dict[str, list[AsyncConnection]]) -> None:
        self.gate = gate
        self._idle = idle
        self._writer: SqliteWriter | None = None

    def sqlite_writer(self, engine: AsyncEngine) -> SqliteWriter:
        if self._writer is None:
            self._writer = SqliteWriter(engine.connect, self.take(_SQLITE_WRITER))
        return self._writer

    async def settle_writer(self) -> None:
        """Commit the writer's open group (before its connection is drained and closed)."""
        if self._writer is not None:
            await self._writer.settle()

    def take(self, lane: str) -> AsyncConnection | None:
        idle = self._idle.get(lane)
        return idle.pop() if idle else None

    def keep(self, lane: str, conn: AsyncConnection) -> None:
        self._idle.setdefault(lane, []).append(conn)

    def idle(self) -> int:
        writer = 0 if self._writer is None else self._writer.idle_connections()
        return writer + sum(len(conns) for conns in self._idle.values())

    def drain(self) -> list[AsyncConnection]:
        return [conn for idle in self.drain_by_lane().values() for conn in idle]

    def drain_by_lane(self) -> dict[str, list[AsyncConnection]]:
        """The idle connections, and the writer's (whatever its group did not commit is lost when
        it is used or closed again: its callers have not been answered)."""
        if self._writer is not None:
            conn = self._writer.detach()
            self._writer = None
            if conn is not None:
                self.keep(_SQLITE_WRITER, conn)
        idle, self._idle = self._idle, {}
        return idle


SQLITE_PAGE_SIZE = 2048
"""The page size of a new SQLite database (SQLite's default: 4,096 bytes).

An event changes one page in each of a dozen b-trees keyed by the user, on pages no other event of
its group changes, and the commit writes each changed page whole to the WAL (which the checkpoints
copy again): half-size pages halve those bytes. Alternated 20 s runs of ``bench/run sqlite``:
+0.1 to +8.8 % events/s in five pairs (3.7 % on average), p99 better in all five by 10–25 ms;
8,192-byte pages were 8 % slower. A database keeps the page size it was created with
(docs/deployment.md)."""


def _install_sqlite_hooks(engine: AsyncEngine, *, checkpoint_in_commits: bool) -> None:
    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook below issue BEGIN itself (pysqlite's own is deferred).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")  # takes effect on a new file only
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not checkpoint_in_commits:  # the Checkpointer's thread does it (sqlite_checkpoint.py)
            cursor.execute("PRAGMA wal_autocheckpoint=0")
            # The WAL file is reused from its start after a checkpoint; past a burst, shrink it.
            cursor.execute("PRAGMA journal_size_limit=67108864")
        cursor.close()

    @event.listens_for(sync_engine, "begin")
    def _on_begin(conn: SyncConnection) -> None:
        # Straight to sqlite3 (see loyalty.storage.sqlite_inline): a statement through the engine
        # costs ~100 µs of Python, a BEGIN here a few. A writer's connection is already in the
        # transaction SqliteWriter began (see loyalty.storage.sqlite_writer). SQLAlchemy types the
        # adapted connection as Any | None; here it is always the InlineConnection.
        raw = conn.connection.driver_connection.sqlite  # type: ignore[union-attr]
        if not raw.in_transaction:
            raw.execute("BEGIN")


_UNAVAILABLE_SQLSTATES = ("57P01", "57P02", "57P03", "53300")
"""Admin/crash shutdown, "the database system is starting up / shutting down", too many clients;
plus every code of class 08 (connection exception)."""


def is_unavailable(error: BaseException) -> bool:
    """True for the errors of a database that cannot be reached or dropped the connection.

    These are answered 503 with ``Retry-After`` (never a 500): the request did not commit and the
    same request (with the same Idempotency-Key) can be sent again once the database is back.
    """
    if isinstance(error, OperationalError | PoolTimeout | OSError | TimeoutError):
        return True
    if not isinstance(error, DBAPIError):
        return False
    if error.connection_invalidated:
        return True
    cause: BaseException | None = error.orig
    for _ in range(5):  # the driver's exception and what it wraps
        if cause is None:
            return False
        if isinstance(cause, OSError | TimeoutError):
            return True
        code = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
        if isinstance(code, str) and (code.startswith("08") or code in _UNAVAILABLE_SQLSTATES):
            return True
        cause = cause.__cause__
    return False
