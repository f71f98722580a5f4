"""The hot path's statements, run on the database driver's own connection.

SQLAlchemy Core costs about 110 µs of Python per statement on top of the driver (compiling the
cache key, the execution context, the result, the greenlet hand-off); asyncpg alone takes about
90 µs and ``sqlite3`` about 4 µs (docs/performance.md). The statements an event runs are fixed, so
they are written once as SQL text (:class:`Statement`) and run here, on the connection — and in the
transaction — that SQLAlchemy opened: ``Database.write()`` and ``read()`` stay the one way into a
transaction, and everything else keeps using SQLAlchemy on the same connection.

Statements name their parameters as SQLAlchemy's ``text()`` does (``:user_pk``) and are compiled
once to numbered ones, ``$1`` for PostgreSQL and ``?1`` for SQLite; a name used twice is one
parameter. Rows come back as tuples (read them by position). JSON goes in as text (:meth:`Driver.json_in`) and
comes out decoded on both stores (:meth:`Driver.json_out`).
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
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

    async def fetchval(self, stmt: Statement, params: Mapping[str, Any]) -> Any:
        row = await self.fetchrow(stmt, params)
        return None if row is None else row[0]

    @staticmethod
    def json_in(value: Any) -> str | None:
        return None if value is None else orjson.dumps(value).decode()

    def json_out(self, value: Any) -> Any:
        return value


class PostgresDriver(Driver):
    """asyncpg; SQLAlchemy's adapter decodes ``json`` columns and takes their parameters as text.

    In a write, the transaction's first statement goes through SQLAlchemy's ``exec_driver_sql``:
    SQLAlchemy's adapter begins its transaction with its own first statement, and a statement
    sent to asyncpg before that would run (and commit) on its own. Once asyncpg reports a
    transaction open (its public ``is_in_transaction()``), statements go to asyncpg directly.
    Inside ``Database.read()`` no transaction is begun at all (see :func:`driver_of`)."""

    __slots__ = ("_conn", "sa", "writing")

    def __init__(self, sa: AsyncConnection, conn: Any) -> None:
        self.sa = sa
        self._conn = conn
        self.writing = False

    def _via_sqlalchemy(self) -> bool:
        return self.writing and not self._conn.is_in_transaction()

    async def fetch(self, stmt: Statement, params: Mapping[str, Any]) -> list[Row]:
        if self._via_sqlalchemy():
            return list((await self.sa.exec_driver_sql(stmt.postgresql, tuple(stmt.args(params)))).all())
        # asyncpg ships no type hints: its records are Any to mypy (they are sequences).
        return await self._conn.fetch(stmt.postgresql, *stmt.args(params))  # type: ignore[no-any-return]

    async def fetchrow(self, stmt: Statement, params: Mapping[str, Any]) -> Row | None:
        if self._via_sqlalchemy():
            return (await self.sa.exec_driver_sql(stmt.postgresql, tuple(stmt.args(params)))).first()
        # asyncpg ships no type hints (see fetch).
        return await self._conn.fetchrow(stmt.postgresql, *stmt.args(params))  # type: ignore[no-any-return]

    async def execute(self, stmt: Statement, params: Mapping[str, Any]) -> None:
        if self._via_sqlalchemy():
            await self.sa.exec_driver_sql(stmt.postgresql, tuple(stmt.args(params)))
            return
        await self._conn.execute(stmt.postgresql, *stmt.args(params))


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

    def json_out(self, value: Any) -> Any:
        return orjson.loads(value) if isinstance(value, str | bytes) else value


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
        if conn.dialect.name == "sqlite":
            # SQLAlchemy types the adapted connection as Any | None; on SQLite it is the
            # InlineConnection that storage.database's creator makes.
            driver = SqliteDriver(raw.driver_connection)  # type: ignore[arg-type]
        else:
            driver = PostgresDriver(conn, raw.driver_connection)
        info[_KEY] = driver
    if isinstance(driver, PostgresDriver):
        driver.sa = conn  # ``info`` belongs to the pooled connection, which outlives this checkout
        driver.writing = not info.get(READING)
        if driver.writing and not conn.in_transaction():  # Database.write() leaves it to the first statement
            await conn.begin()
    return driver
