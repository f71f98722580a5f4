"""Logged events and limit counters (the event path counts an occurrence in its one guarded write:
see ``storage/event_store.py``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.event_tables import event_limit_counters, logged_events
from loyalty.storage.repositories import history as history_repo
from loyalty.storage.tables import ledger_entries

# The hot path's statements run on the driver (see loyalty.storage.driver).
_LOGGED_COLUMNS = (
    "tenant_id, user_pk, user_id, event_id, ts, points, usergroup, condition_reached, limit_reached, "
    "period_key, metadata"
)
_LOGGED_VALUES = ", ".join(f":{column}" for column in _LOGGED_COLUMNS.split(", "))
_INSERT_LOGGED = Statement(
    f"INSERT INTO logged_events ({_LOGGED_COLUMNS}) VALUES ({_LOGGED_VALUES}) RETURNING id"  # noqa: S608
)


async def uncount(conn: AsyncConnection, *, user_pk: int, event_id: str, period_key: str) -> None:
    await conn.execute(
        update(event_limit_counters)
        .where(
            event_limit_counters.c.user_pk == user_pk,
            event_limit_counters.c.event_id == event_id,
            event_limit_counters.c.period_key == period_key,
            event_limit_counters.c.n > 0,
        )
        .values(n=event_limit_counters.c.n - 1)
    )


async def insert_logged(conn: AsyncConnection, **values: Any) -> int:
    sql = await driver_of(conn)
    return int(await sql.fetchval(_INSERT_LOGGED, {**values, "metadata": sql.json_in(values["metadata"])}))


async def insert_logged_with_history(
    conn: AsyncConnection,
    history: dict[str, Any],
    *,
    extra_details: dict[str, Any] | None = None,
    **values: Any,
) -> int:
    """The logged event and its ``EVENT`` history entry (``entry_id``, ``date_key``, ``title``,
    ``description``, ``image`` in ``history``; its details name the logged event); returns the
    logged event's id. (PostgreSQL's event path writes both in its one statement.)"""
    logged_id = await insert_logged(conn, **values)
    details = {
        "loggedEventId": logged_id,
        "conditionReached": bool(values["condition_reached"]),
        "limitReached": bool(values["limit_reached"]),
    }
    details.update(extra_details or {})
    await history_repo.insert(
        conn,
        tenant_id=values["tenant_id"],
        user_pk=values["user_pk"],
        type="EVENT",
        ref_id=values["event_id"],
        points=values["points"],
        ts=values["ts"],
        details=details,
        **history,
    )
    return logged_id


async def mark_reversed(
    conn: AsyncConnection, *, tenant_id: int, logged_id: int, now: int
) -> dict[str, Any] | None:
    """Flag the logged event reversed, once: None when it does not exist or was already reversed."""
    row = (
        (
            await conn.execute(
                update(logged_events)
                .where(
                    logged_events.c.tenant_id == tenant_id,
                    logged_events.c.id == logged_id,
                    logged_events.c.reversed_at.is_(None),
                )
                .values(reversed_at=now)
                .returning(*logged_events.c)
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


async def set_reversed_points(conn: AsyncConnection, logged_id: int, points: int) -> None:
    await conn.execute(
        update(logged_events).where(logged_events.c.id == logged_id).values(reversed_points=points)
    )


async def get_logged(conn: AsyncConnection, tenant_id: int, logged_id: int) -> dict[str, Any] | None:
    row = (
        (
            await conn.execute(
                select(logged_events).where(
                    logged_events.c.tenant_id == tenant_id, logged_events.c.id == logged_id
                )
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


async def credit_entry(conn: AsyncConnection, tenant_id: int, entry_key: str) -> dict[str, Any] | None:
    """The ledger credit a logged event made (found by its ``entry_key``)."""
    row = (
        (
            await conn.execute(
                select(ledger_entries).where(
                    ledger_entries.c.tenant_id == tenant_id,
                    ledger_entries.c.entry_key == entry_key,
                    ledger_entries.c.kind == "credit",
                )
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None
