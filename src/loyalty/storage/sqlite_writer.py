"""SQLite's write transactions in one process, committed in groups.

SQLite lets one writer at a time into the file, so :class:`SqliteWriter` queues the process's write
transactions (an ``asyncio.Lock``) and runs them all on one connection. A commit costs more than
most of a transaction's statements: it appends every page the transaction changed to the WAL, and
the pages at the end of the logged-events, history and ledger tables and their indexes are
changed by nearly every event. So when other write transactions are already queued, a finished
one is not committed on its own:

- each write transaction runs inside a ``SAVEPOINT`` of one open SQLite transaction (the
  *group*); one that fails is rolled back to its savepoint and changes nothing, as before;
- a finished one whose successors are queued leaves the group open, and its caller waits, without
  the lock, until the group is committed; then it returns, so nothing is reported done before it
  is durable;
- the group is committed by the last write transaction of the queue (nobody else waiting), or by
  a flush task that queues behind the writers that were waiting when the group started to be held
  open: writers that arrive later join the next group, so a group is never longer than the queue,
  and it holds at most three quarters of the queue (:data:`GROUP_SHARE`).
  The lock is never let go with a transaction open unless a caller waits for it, and then the
  flush task is on its way.

Counters that the transactions add to shared rows (the statistics rollups) are summed over the
group and written just before its COMMIT (:mod:`loyalty.storage.group_sums`).

Every caller of the group learns its outcome: if the COMMIT fails, all of them get its error, and
none of their writes is kept. A request that read the group's uncommitted rows (an earlier event
of the same group, a replay of the same Idempotency-Key) answers only after the commit, like the
writes it read. Readers use other connections and see the group once it is committed.

The SQL goes straight to ``sqlite3`` (BEGIN, SAVEPOINT, RELEASE, COMMIT: a few microseconds each);
a transaction's work may still use SQLAlchemy on the connection: its own transaction is then a
formality whose COMMIT the connection holds back and whose ROLLBACK goes to the savepoint
(:attr:`loyalty.storage.sqlite_inline.InlineConnection.savepoint`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.group_sums import GroupSums
from loyalty.storage.sqlite_inline import InlineConnection

SAVEPOINT = "loyalty_write"

GROUP_SHARE = 0.75
"""A group holds at most this share of the write transactions queued when it opens (at least two).

While a group's transactions run, the requests that will make the next group are read, validated
and answered; a group of the whole queue leaves nothing to overlap with, and every client waits for
all the others. ``bench/run sqlite``, alternated 10 s runs (events/s): at 64 connections, groups of
at most 16: ~900, 32: ~955, 48: ~1,015, 64: ~805; at 32 connections, at most 48 (the whole queue):
753–780. Three quarters of the queue: 972–976 at 64 connections, 949–973 at 32, 922 at 16."""


class SqliteWriter:
    """One event loop's write transactions on one SQLite connection."""

    def __init__(
        self, connect: Callable[[], Awaitable[AsyncConnection]], conn: AsyncConnection | None = None
    ) -> None:
        self.lock = asyncio.Lock()
        self._connect = connect
        self._conn = conn
        self._inline: InlineConnection | None = None
        self._queued = 0
        """Write transactions waiting for the lock."""
        self._group: list[asyncio.Future[None]] = []
        """The callers waiting for the open group's COMMIT."""
        self._limit = 2
        """How many write transactions the open group may hold (see :data:`GROUP_SHARE`)."""
        self._flush: asyncio.Task[None] | None = None
        self._sums = GroupSums()
        """What the group's transactions add to shared rows, written just before its COMMIT."""

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncConnection]:
        """One write transaction; it returns once its writes are committed."""
        self._queued += 1
        try:
            await self.lock.acquire()
        finally:
            self._queued -= 1
        committed: asyncio.Future[None] | None = None
        raw: sqlite3.Connection | None = None
        try:
            conn, inline = await self._connection()
            raw = inline.sqlite
            sums = self._sums
            if not raw.in_transaction:
                raw.execute("BEGIN IMMEDIATE")
            raw.execute(f"SAVEPOINT {SAVEPOINT}")
            inline.savepoint = SAVEPOINT
            sums.begin()
            try:
                yield conn
                if conn.in_transaction():  # SQLAlchemy's own, begun by a statement through it
                    await conn.commit()  # held back by the connection: the group commits
            except BaseException:
                await self._roll_back_one(conn, inline)
                raise
            finally:
                inline.savepoint = None
            raw.execute(f"RELEASE {SAVEPOINT}")
            sums.keep()
            if not self._group:
                self._limit = max(2, int(GROUP_SHARE * (self._queued + 1)))
            if self._queued and len(self._group) < self._limit - 1:
                committed = asyncio.get_running_loop().create_future()
                self._group.append(committed)
                if self._flush is None:
                    self._flush = asyncio.create_task(self._flush_when_queue_passed())
            else:
                self._commit(raw)
        finally:
            try:  # never leave the lock with a transaction open that no flush task will end
                if raw is not None and raw.in_transaction and not self._group:
                    self._sums.forget()
                    raw.execute("ROLLBACK")
            finally:
                self.lock.release()
        if committed is not None:
            try:
                await asyncio.shield(committed)  # the group commits even if this caller goes away
            except asyncio.CancelledError:
                committed.add_done_callback(_outcome_seen)
                raise

    @asynccontextmanager
    async def idle(self) -> AsyncIterator[None]:
        """The lock, with the open group committed: no write transaction is open meanwhile."""
        async with self.lock:
            if self._inline is not None and self._inline.sqlite.in_transaction:
                self._commit_quietly(self._inline.sqlite)
            yield

    async def settle(self) -> None:
        """Wait for the lock and commit the open group, if any."""
        async with self.idle():
            pass

    def detach(self) -> AsyncConnection | None:
        """Hand back the connection as it is."""
        if self._inline is not None:
            self._inline.sums = None
        conn, self._conn, self._inline = self._conn, None, None
        return conn

    def idle_connections(self) -> int:
        return 1 if self._conn is not None and not self.lock.locked() else 0

    async def _connection(self) -> tuple[AsyncConnection, InlineConnection]:
        if self._conn is None or self._inline is None:
            conn = self._conn if self._conn is not None else await self._connect()
            raw = await conn.get_raw_connection()
            inline = raw.driver_connection
            assert isinstance(inline, InlineConnection)
            if inline.sqlite.in_transaction:  # left open by an event loop that went away
                inline.sqlite.execute("ROLLBACK")
            self._sums.forget()
            inline.sums = self._sums
            self._conn, self._inline = conn, inline
        return self._conn, self._inline

    async def _roll_back_one(self, conn: AsyncConnection, inline: InlineConnection) -> None:
        """Undo the failed transaction's writes; the group's others stay, unless SQLite itself
        rolled the whole group back (it does on some I/O errors): then they fail too."""
        raw = inline.sqlite
        self._sums.drop()
        try:
            if conn.in_transaction():
                await conn.rollback()  # to the savepoint (the connection redirects it)
            if raw.in_transaction:
                raw.execute(f"ROLLBACK TO {SAVEPOINT}")
                raw.execute(f"RELEASE {SAVEPOINT}")
                return
        except BaseException:
            if raw.in_transaction:  # never commit a failed transaction's writes with the group
                raw.execute("ROLLBACK")
            self._fail_group(sqlite3.OperationalError("the write transaction could not be undone alone"))
            raise
        self._fail_group(sqlite3.OperationalError("the write transaction was rolled back"))

    async def _flush_when_queue_passed(self) -> None:
        async with self.lock:  # behind the writers queued when the group was held open
            self._flush = None
            if self._inline is not None and self._inline.sqlite.in_transaction:
                self._commit_quietly(self._inline.sqlite)

    def _commit(self, raw: sqlite3.Connection) -> None:
        """COMMIT the group, its sums written first; its waiting callers learn the outcome; an
        error is raised too."""
        group, self._group = self._group, []
        try:
            self._sums.write(raw)
            raw.execute("COMMIT")
        except BaseException as error:
            self._sums.forget()
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            _settle(group, error)
            raise
        _settle(group, None)

    def _commit_quietly(self, raw: sqlite3.Connection) -> None:
        with contextlib.suppress(Exception):  # handed to every caller of the group by _commit
            self._commit(raw)

    def _fail_group(self, error: BaseException) -> None:
        self._sums.forget()
        group, self._group = self._group, []
        _settle(group, error)


def _outcome_seen(committed: asyncio.Future[None]) -> None:
    """For a caller that stopped waiting: nobody else will ask for the group's outcome."""
    if not committed.cancelled():
        committed.exception()


def _settle(group: list[asyncio.Future[None]], error: BaseException | None) -> None:
    for committed in group:
        if committed.done():
            continue
        if error is None:
            committed.set_result(None)
        else:
            committed.set_exception(error)
