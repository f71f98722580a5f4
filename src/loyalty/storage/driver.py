"""The hot path's statements, run on the database driver's own connection.

SQLAlchemy Core costs about 110 µs of Python per statement on top of the driver (compiling the
cache key, the execution context, the result, the greenlet hand-off); asyncpg alone takes about
90 µs and ``sqlite3`` about 4 µs (docs/performance.md). The statements an event runs are fixed, so
they are written once as SQL text (:class:`Statement`) and run here, on the connection — and in the
transaction — that SQLAlchemy opened: ``Database.write()`` and ``read()`` stay the one way into a
transaction, and everything else keeps using SQLAlchemy on the same connection.

Writes whose result nobody reads (a progress row's new state, leaderboard scores, statistics) can
be handed to :meth:`Driver.write_later`: PostgreSQL sends those of one event together as one
statement (each a data-modifying CTE of the next) when the event calls :func:`flush_writes`, and
``Database.write()`` flushes whatever is left before it commits; SQLite runs them at once.

Statements name their parameters as SQLAlchemy's ``text()`` does (``:user_pk``) and are compiled
once to numbered ones, ``$1`` for PostgreSQL and ``?1`` for SQLite; a name used twice is one
parameter. Rows come back as tuples (read them by position). JSON goes in as text (:meth:`Driver.json_in`) and
comes out decoded on both stores (:meth:`Driver.json_out`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.group_sums import RowAdder
from loyalty.storage.sqlite_inline import InlineConnection

Row = Sequence[Any]

_PARAMETER = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


class Statement:
    """One SQL text for both stores, with ``:name`` parameters."""

    __slots__ = ("names", "postgresql", "source", "sqlite")

    def __init__(self, sql: str) -> None:
        names: list[str] = []

        def number(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in names:
                names.append(name)
            return f"${names.index(name) + 1}"

        self.source = " ".join(sql.split())
        self.postgresql = _PARAMETER.sub(number, self.source)
        self.sqlite = re.sub(r"\$(\d+)", r"?\1", self.postgresql)
        self.names = tuple(names)

    def args(self, params: Mapping[str, Any]) -> list[Any]:
        return [params[name] for name in self.names]

    def __repr__(self) -> str:
        return f"Statement({self.postgresql!r})"


class Driver:
    """Runs :class:`Statement` s in the open transaction of one connection."""

    is_sqlite = False

    async def fetch(self, stmt: Statement, params: Mapping[str, Any]) -> list[Row]:
        raise NotImplementedError

    async def fetchrow(self, stmt: Statement, params: Mapping[str, Any]) -> Row | None:
        raise NotImplementedError

    async def execute(self, stmt: Statement, params: Mapping[str, Any]) -> None:
        raise NotImplementedError

    async def execute_args(self, stmt: Statement, args: Sequence[Any]) -> None:
        """``execute`` with the values already in the order of ``stmt.names`` (a statement of
        many parameters, such as a multi-row upsert, saves building their mapping)."""
        raise NotImplementedError

    async def write_later(self, stmt: Statement, params: Mapping[str, Any]) -> None:
        """Run ``stmt`` (a write whose result is not needed) now, or with the next flush."""
        await self.execute(stmt, params)

    async def flush(self) -> None:
        """Run the writes handed to :meth:`write_later` that have not run yet."""

    def discard(self) -> None:
        """Forget the writes not run yet (their transaction or savepoint is rolled back)."""

    async def fetchval(self, stmt: Statement, params: Mapping[str, Any]) -> Any:
        row = await self.fetchrow(stmt, params)
        return None if row is None else row[0]

    @staticmethod
    def json_in(value: Any) -> str | None:
        return None if value is None else orjson.dumps(value).decode()

    def json_out(self, value: Any) -> Any:
        return value


class PostgresDriver(Driver):
    """asyncpg; SQLAlchemy's adapter decodes ``json`` columns and takes their parameters as text."""

    __slots__ = ("_adapter", "_conn", "_later")

    def __init__(self, adapter: Any) -> None:
        self._adapter = adapter
        self._conn = adapter._connection
        self._later: list[tuple[Statement, Mapping[str, Any]]] = []

    async def begin(self) -> None:
        # SQLAlchemy's asyncpg adapter sends BEGIN with its first statement; a transaction whose
        # first statement runs here must be begun the same way, or it would run in autocommit.
        if self._adapter._transaction is None:
            self._later.clear()  # a new transaction never inherits writes of a failed one
            await self._adapter._start_transaction()

    async def write_later(self, stmt: Statement, params: Mapping[str, Any]) -> None:
        self._later.append((stmt, params))

    async def flush(self) -> None:
        while self._later:
            # A statement with its own WITH list closes a batch: the others become its first CTEs.
            end = next((i for i, (s, _) in enumerate(self._later) if s.source.startswith("WITH ")), None)
            count = len(self._later) if end is None else end + 1
            batch, self._later = self._later[:count], self._later[count:]
            if len(batch) == 1:
                await self.execute(*batch[0])
                continue
            stmts = tuple(s for s, _ in batch)
            # The combined statement's parameters are each statement's, in turn (see _combined).
            await self.execute_args(_combined(stmts), [value for s, p in batch for value in s.args(p)])

    def discard(self) -> None:
        self._later.clear()

    async def fetch(self, stmt: Statement, params: Mapping[str, Any]) -> list[Row]:
        return await self._conn.fetch(stmt.postgresql, *stmt.args(params))  # type: ignore[no-any-return]

    async def fetchrow(self, stmt: Statement, params: Mapping[str, Any]) -> Row | None:
        return await self._conn.fetchrow(stmt.postgresql, *stmt.args(params))  # type: ignore[no-any-return]

    async def execute(self, stmt: Statement, params: Mapping[str, Any]) -> None:
        await self._conn.execute(stmt.postgresql, *stmt.args(params))

    async def execute_args(self, stmt: Statement, args: Sequence[Any]) -> None:
        await self._conn.execute(stmt.postgresql, *args)


class SqliteDriver(Driver):
    """``sqlite3`` on the event loop's thread (see :mod:`loyalty.storage.sqlite_inline`)."""

    __slots__ = ("_conn", "_inline")
    is_sqlite = True

    def __init__(self, inline: InlineConnection) -> None:
        self._inline = inline
        self._conn = inline.sqlite

    def add_to_row(self, adder: RowAdder, key: Hashable, counts: Mapping[str, int]) -> None:
        """Add ``counts`` to the row of ``key``: with the group's commit when this connection is
        the writer's (see :mod:`loyalty.storage.group_sums`), else now."""
        sums = self._inline.sums
        if sums is None or not sums.add(adder, key, counts):
            adder.add_rows(self._conn, [(key, counts)])

    async def fetch(self, stmt: Statement, params: Mapping[str, Any]) -> list[Row]:
        return self._conn.execute(stmt.sqlite, stmt.args(params)).fetchall()

    async def fetchrow(self, stmt: Statement, params: Mapping[str, Any]) -> Row | None:
        cursor = self._conn.execute(stmt.sqlite, stmt.args(params))
        row: Row | None = cursor.fetchone()
        if row is not None:
            cursor.fetchall()  # finish the statement (an INSERT … RETURNING runs to its end)
        return row

    async def execute(self, stmt: Statement, params: Mapping[str, Any]) -> None:
        self._conn.execute(stmt.sqlite, stmt.args(params))

    async def execute_args(self, stmt: Statement, args: Sequence[Any]) -> None:
        self._conn.execute(stmt.sqlite, args)

    def json_out(self, value: Any) -> Any:
        return orjson.loads(value) if isinstance(value, str | bytes) else value


@lru_cache(maxsize=64)
def _combined(stmts: tuple[Statement, ...]) -> Statement:
    """``WITH w0 AS (first), w1 AS (second) … last``: one round trip for independent writes."""
    renamed = [_PARAMETER.sub(f":w{i}_\\1", s.source) for i, s in enumerate(stmts)]
    heads = ", ".join(f"w{i} AS ({source})" for i, source in enumerate(renamed[:-1]))
    last = renamed[-1]
    if last.startswith("WITH "):
        combined = Statement(f"WITH {heads}, {last[len('WITH ') :]}")
    else:
        combined = Statement(f"WITH {heads} {last}")
    # The statements appear in turn, so their parameters do: the values can be passed in turn.
    if combined.names != tuple(f"w{i}_{name}" for i, s in enumerate(stmts) for name in s.names):
        raise ValueError(f"parameters out of order in {combined!r}")
    return combined


async def flush_writes(conn: AsyncConnection) -> None:
    """Send the writes :meth:`Driver.write_later` holds for ``conn``'s transaction."""
    driver: Driver | None = conn.info.get(_KEY)
    if driver is not None:
        await driver.flush()


def discard_writes(conn: AsyncConnection) -> None:
    driver: Driver | None = conn.info.get(_KEY)
    if driver is not None:
        driver.discard()


_KEY = "loyalty.driver"
READING = "loyalty.reading"
"""``conn.info`` flag ``Database.read()`` sets while it lends the connection out."""


async def driver_of(conn: AsyncConnection) -> Driver:
    """The driver of ``conn``'s pooled connection, with its transaction begun.

    Inside ``Database.read()`` PostgreSQL runs the driver's statements without BEGIN/COMMIT: under
    READ COMMITTED every statement reads its own snapshot anyway, and a lone statement outside a
    transaction is one round trip instead of three."""
    info = conn.info
    driver: Driver | None = info.get(_KEY)
    if driver is None:
        raw = await conn.get_raw_connection()
        adapter = raw.dbapi_connection
        if conn.dialect.name == "sqlite":
            driver = SqliteDriver(raw.driver_connection)  # type: ignore[arg-type]
        else:
            driver = PostgresDriver(adapter)
        info[_KEY] = driver
    if isinstance(driver, PostgresDriver) and not info.get(READING):
        await driver.begin()
    return driver
