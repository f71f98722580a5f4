"""The event store's reversals: read a logged event with its credit, and write what reversing it
decided (:class:`loyalty.app.events.event_store.EventStore`'s ``read_logged`` and ``apply_reversal``).

A reversal is rare beside logging, so both engines run the same few statements in the command's
transaction; PostgreSQL locks the logged event's row for it (SQLite's write transaction holds the
whole database already)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.events.event_store import LoggedEventRead, ReversalWrites, credit_entry_key
from loyalty.core.events import LoggedEvent
from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.kernel import history as history_repo

_READ_LOGGED = (
    "SELECT l.user_pk, l.user_id, l.event_id, l.points, l.period_key, l.reversed_at IS NOT NULL, "
    "(SELECT e.id FROM ledger_entries e WHERE e.tenant_id = :tenant_id AND e.entry_key = :entry_key "
    "AND e.kind = 'credit') "
    "FROM logged_events l WHERE l.tenant_id = :tenant_id AND l.id = :logged_id"
)
_MARK_REVERSED = Statement(
    "UPDATE logged_events SET reversed_at = :now, reversed_points = :taken "
    "WHERE tenant_id = :tenant_id AND id = :logged_id AND user_pk = :user_pk"
)
_UNCOUNT = Statement(
    "UPDATE event_limit_counters SET n = n - 1 "
    "WHERE user_pk = :user_pk AND event_id = :event_id AND period_key = :period_key AND n > 0"
)
_NEXT_VERSION = Statement("UPDATE users SET version = version + 1 WHERE id = :user_pk")


class EventReversals:
    """Both stores' reversal statements; ``read_lock`` is the engine's row-lock clause. A store is
    bound to one transaction's connection."""

    __slots__ = ("conn",)
    read_lock = ""
    _read: Statement

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    def __init_subclass__(cls) -> None:
        cls._read = Statement(f"{_READ_LOGGED} {cls.read_lock}")

    async def read_logged(self, tenant_id: int, logged_id: int) -> LoggedEventRead | None:
        conn = self.conn
        params = {"tenant_id": tenant_id, "logged_id": logged_id, "entry_key": credit_entry_key(logged_id)}
        row = await (await driver_of(conn)).fetchrow(self._read, params)
        if row is None:
            return None
        event = LoggedEvent(
            event_id=str(row[2]),
            points=int(row[3]),
            period_key=None if row[4] is None else str(row[4]),
            reversed=bool(row[5]),
            credit_entry_id=None if row[6] is None else int(row[6]),
        )
        return LoggedEventRead(user_pk=int(row[0]), user_id=str(row[1]), event=event)

    async def apply_reversal(self, writes: ReversalWrites) -> None:
        conn = self.conn
        sql = await driver_of(conn)
        key = {"tenant_id": writes.tenant_id, "logged_id": writes.logged_id, "user_pk": writes.user_pk}
        await sql.execute(_MARK_REVERSED, {**key, "now": writes.now, "taken": writes.taken})
        if writes.uncount_period is not None:
            params = {
                "user_pk": writes.user_pk,
                "event_id": writes.event_id,
                "period_key": writes.uncount_period,
            }
            await sql.execute(_UNCOUNT, params)
        await sql.execute(_NEXT_VERSION, {"user_pk": writes.user_pk})
        if writes.history is not None:
            await history_repo.insert(
                conn, tenant_id=writes.tenant_id, user_pk=writes.user_pk, ts=writes.now, **writes.history
            )
