"""Logged events and limit counters. The limit is one conditional upsert, so it holds under any
number of concurrent requests on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.event_tables import event_limit_counters, logged_events
from loyalty.storage.repositories import history as history_repo
from loyalty.storage.tables import ledger_entries

# The hot path's statements run on the driver (see loyalty.storage.driver).
_USER_WITH_GROUP = Statement(
    "SELECT id, usergroup FROM users WHERE tenant_id = :tenant_id AND external_id = :external_id"
)
_COUNT_IF_BELOW = Statement(
    "INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
    "VALUES (:tenant_id, :user_pk, :event_id, :period_key, 1) "
    "ON CONFLICT (user_pk, event_id, period_key) DO UPDATE SET n = event_limit_counters.n + 1 "
    "WHERE event_limit_counters.n < :limit RETURNING n"
)
_LOGGED_COLUMNS = (
    "tenant_id, user_pk, user_id, event_id, ts, points, usergroup, condition_reached, limit_reached, "
    "period_key, metadata"
)
_LOGGED_VALUES = ", ".join(f":{column}" for column in _LOGGED_COLUMNS.split(", "))
_INSERT_LOGGED = Statement(
    f"INSERT INTO logged_events ({_LOGGED_COLUMNS}) VALUES ({_LOGGED_VALUES}) RETURNING id"  # noqa: S608
)


async def user_with_group(
    conn: AsyncConnection, tenant_id: int, external_id: str
) -> tuple[int, str | None] | None:
    sql = await driver_of(conn)
    row = await sql.fetchrow(_USER_WITH_GROUP, {"tenant_id": tenant_id, "external_id": external_id})
    return None if row is None else (int(row[0]), row[1])


async def count_if_below(
    conn: AsyncConnection,
    *,
    tenant_id: int,
    user_pk: int,
    event_id: str,
    period_key: str,
    limit: int,
) -> int | None:
    """Count one more occurrence unless ``limit`` is reached; the new count, or None when refused."""
    params = {
        "tenant_id": tenant_id,
        "user_pk": user_pk,
        "event_id": event_id,
        "period_key": period_key,
        "limit": limit,
    }
    value = await (await driver_of(conn)).fetchval(_COUNT_IF_BELOW, params)
    return None if value is None else int(value)


async def count(conn: AsyncConnection, *, user_pk: int, event_id: str, period_key: str) -> int:
    value = (
        await conn.execute(
            select(event_limit_counters.c.n).where(
                event_limit_counters.c.user_pk == user_pk,
                event_limit_counters.c.event_id == event_id,
                event_limit_counters.c.period_key == period_key,
            )
        )
    ).scalar_one_or_none()
    return int(value or 0)


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


_HISTORY_COLUMNS = (
    "tenant_id, user_pk, entry_id, type, ref_id, points, ts, date_key, title, description, image, details"
)


def _history_values(logged_id: str) -> str:
    """The ``EVENT`` history entry's values; its details name the logged event (``logged_id``)."""
    return (
        ":tenant_id, :user_pk, :entry_id, 'EVENT', :event_id, :points, :ts, :date_key, :title, "
        f":description, :image, json_build_object('loggedEventId', {logged_id}, 'conditionReached', "
        "CAST(:condition_reached AS INTEGER) = 1, 'limitReached', CAST(:limit_reached AS INTEGER) = 1)"
    )


# Only this module's column lists, placeholders and expressions are interpolated.
_LOGGED_WITH_HISTORY = Statement(
    f"WITH logged AS ({_INSERT_LOGGED.source}), history AS (INSERT INTO history_entries "  # noqa: S608
    f"({_HISTORY_COLUMNS}) SELECT {_history_values('logged.id')} FROM logged) SELECT id FROM logged"
)
# With the id taken beforehand (``user_snapshot``'s ``nextval``), nothing of these is read back in
# the event: they go with the event's last statement (Driver.write_later), as plain INSERTs so that
# they join its batch.
_LOGGED_WITH_ID = Statement(
    f"INSERT INTO logged_events (id, {_LOGGED_COLUMNS}) VALUES (:logged_id, {_LOGGED_VALUES})"  # noqa: S608
)
_HISTORY_OF_LOGGED = Statement(
    f"INSERT INTO history_entries ({_HISTORY_COLUMNS}) "  # noqa: S608
    f"VALUES ({_history_values('CAST(:logged_id AS BIGINT)')})"
)


async def insert_logged(conn: AsyncConnection, **values: Any) -> int:
    sql = await driver_of(conn)
    return int(await sql.fetchval(_INSERT_LOGGED, {**values, "metadata": sql.json_in(values["metadata"])}))


async def insert_logged_with_history(
    conn: AsyncConnection, history: dict[str, Any], *, logged_id: int | None = None, **values: Any
) -> int:
    """The logged event and its ``EVENT`` history entry (``entry_id``, ``date_key``, ``title``,
    ``description``, ``image`` in ``history``; its details name the logged event): one round trip
    on PostgreSQL, or none when ``logged_id`` was allocated already (PostgreSQL only: they are
    written with the event's last statement); two statements on SQLite. Returns the logged event's
    id."""
    sql = await driver_of(conn)
    if sql.is_sqlite:
        logged_id = await insert_logged(conn, **values)
        details = {
            "loggedEventId": logged_id,
            "conditionReached": bool(values["condition_reached"]),
            "limitReached": bool(values["limit_reached"]),
        }
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
    params = {
        **values,
        **history,
        "metadata": sql.json_in(values["metadata"]),
        "title": sql.json_in(history["title"]),
        "description": sql.json_in(history["description"]),
    }
    if logged_id is not None:
        params["logged_id"] = logged_id
        await sql.write_later(_LOGGED_WITH_ID, params)
        await sql.write_later(_HISTORY_OF_LOGGED, params)
        return logged_id
    return int(await sql.fetchval(_LOGGED_WITH_HISTORY, params))


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
