"""Logged events and limit counters (the event path counts an occurrence in its one guarded write:
see ``storage/events/event_store.py``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.kernel import history as history_repo

# The hot path's statements run on the driver (see loyalty.storage.driver).
_LOGGED_COLUMNS = (
    "tenant_id, user_pk, user_id, event_id, ts, points, usergroup, condition_reached, limit_reached, "
    "period_key, metadata"
)
_LOGGED_VALUES = ", ".join(f":{column}" for column in _LOGGED_COLUMNS.split(", "))
_INSERT_LOGGED = Statement(
    f"INSERT INTO logged_events ({_LOGGED_COLUMNS}) VALUES ({_LOGGED_VALUES}) RETURNING id"  # noqa: S608
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
