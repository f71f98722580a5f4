"""Logged events and limit counters. The limit is one conditional upsert, so it holds under any
number of concurrent requests on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.event_tables import event_limit_counters, logged_events
from loyalty.storage.tables import ledger_entries, users


async def user_with_group(
    conn: AsyncConnection, tenant_id: int, external_id: str
) -> tuple[int, str | None] | None:
    row = (
        await conn.execute(
            select(users.c.id, users.c.usergroup).where(
                users.c.tenant_id == tenant_id, users.c.external_id == external_id
            )
        )
    ).first()
    return None if row is None else (int(row[0]), row[1])


# Hot path: written once, the same text on SQLite and PostgreSQL (see repositories/stats.py).
_COUNT_IF_BELOW_SQL = text(
    "INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
    "VALUES (:tenant_id, :user_pk, :event_id, :period_key, 1) "
    "ON CONFLICT (user_pk, event_id, period_key) DO UPDATE SET n = event_limit_counters.n + 1 "
    "WHERE event_limit_counters.n < :limit RETURNING n"
)
_INSERT_LOGGED = logged_events.insert().returning(logged_events.c.id)


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
    value = (await conn.execute(_COUNT_IF_BELOW_SQL, params)).scalar_one_or_none()
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


async def insert_logged(conn: AsyncConnection, **values: Any) -> int:
    result = await conn.execute(_INSERT_LOGGED, values)
    return int(result.scalar_one())


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
