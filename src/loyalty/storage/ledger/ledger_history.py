"""Read-only: a user's ledger lines as the Audience history and the derived notifications see them.

Points earned by an event are a ledger credit (``source = 'event'``, ``reference`` = the logged
event's id) and nothing more: their notification and history line are read from here, so the
event path writes no extra row for them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import func, select

from loyalty.app.ledger.ports import HistoryLineRow
from loyalty.storage.events.event_tables import logged_events
from loyalty.storage.messaging.engagement_tables import notification_read_markers as markers
from loyalty.storage.repository import Repository
from loyalty.storage.tables import ledger_entries as lines

EVENT = "event"
POINTS = "points"
_COLUMNS = (
    lines.c.id,
    lines.c.metric,
    lines.c.kind,
    lines.c.amount,
    lines.c.source,
    lines.c.reference,
    lines.c.description,
    lines.c.balance_after,
    lines.c.created_at,
)


def _rows(result: Any) -> list[HistoryLineRow]:
    return [cast(HistoryLineRow, dict(r)) for r in result.mappings()]


def _event_credits(user_pk: int) -> Any:
    return select(*_COLUMNS).where(
        lines.c.user_pk == user_pk,
        lines.c.metric == POINTS,
        lines.c.source == EVENT,
        lines.c.kind == "credit",
        lines.c.amount > 0,
    )


class SqlLedgerHistory(Repository):
    async def lines_between(
        self,
        user_pk: int,
        *,
        from_ts: int | None,
        to_ts: int | None,
        leave_out: Sequence[str],
        limit: int,
    ) -> list[HistoryLineRow]:
        """The user's ledger lines in [from_ts, to_ts], oldest first, without the ``leave_out`` sources."""
        query = select(*_COLUMNS).where(lines.c.user_pk == user_pk, lines.c.source.not_in(list(leave_out)))
        if from_ts is not None:
            query = query.where(lines.c.created_at >= from_ts)
        if to_ts is not None:
            query = query.where(lines.c.created_at <= to_ts)
        query = query.order_by(lines.c.created_at, lines.c.id).limit(limit)
        return _rows(await self.conn.execute(query))

    async def event_credits_after(
        self, user_pk: int, marker: tuple[int, int] | None, *, limit: int
    ) -> list[HistoryLineRow]:
        """Points earned by events after the read marker (``(ledger_ts, ledger_id)``), oldest first."""
        query = _event_credits(user_pk)
        if marker is not None:  # created_at first: the (user, metric, created_at) index finds them
            query = query.where(lines.c.created_at >= marker[0], lines.c.id > marker[1])
        query = query.order_by(lines.c.created_at, lines.c.id).limit(limit)
        return _rows(await self.conn.execute(query))

    async def last_event_credit(self, user_pk: int, *, among: Sequence[int] | None) -> tuple[int, int] | None:
        """``(created_at, id)`` of the user's latest event credit (of the ``among`` ids when given)."""
        query = _event_credits(user_pk)
        if among is not None:
            query = query.where(lines.c.id.in_(list(among)))
        query = query.order_by(lines.c.created_at.desc(), lines.c.id.desc()).limit(1)
        row = (await self.conn.execute(query)).mappings().first()
        return None if row is None else (int(row["created_at"]), int(row["id"]))

    async def count_event_credits(self, user_pk: int, *, after_id: int, up_to_id: int) -> int:
        sub = _event_credits(user_pk).where(lines.c.id > after_id, lines.c.id <= up_to_id).subquery()
        query = select(func.count()).select_from(sub)
        return int((await self.conn.execute(query)).scalar_one())

    async def latest_gain_at(self, user_pk: int, *, leave_out: Sequence[str]) -> int | None:
        """When the user last gained points from any source (``leave_out``: not a gain, e.g. opening
        balances); walks the (user, metric, created_at) index backwards."""
        query = (
            select(lines.c.created_at)
            .where(
                lines.c.user_pk == user_pk,
                lines.c.metric == POINTS,
                lines.c.amount > 0,
                lines.c.source.not_in(list(leave_out)),
            )
            .order_by(lines.c.created_at.desc())
            .limit(1)
        )
        value = (await self.conn.execute(query)).scalar_one_or_none()
        return None if value is None else int(value)

    async def event_ids(self, logged_ids: Iterable[int]) -> dict[int, str]:
        """Logged event id -> the event definition's id."""
        wanted = sorted(set(logged_ids))
        if not wanted:
            return {}
        rows = await self.conn.execute(
            select(logged_events.c.id, logged_events.c.event_id).where(logged_events.c.id.in_(wanted))
        )
        return {int(r[0]): str(r[1]) for r in rows}

    async def read_marker(self, user_pk: int) -> tuple[int, int] | None:
        row = (
            await self.conn.execute(
                select(markers.c.ledger_ts, markers.c.ledger_id).where(markers.c.user_pk == user_pk)
            )
        ).first()
        return None if row is None else (int(row[0]), int(row[1]))

    async def advance_read_marker(
        self, *, tenant_id: int, user_pk: int, marker: tuple[int, int], now: int
    ) -> None:
        """Move the marker forward to ``marker`` (never back, also under concurrent marking)."""
        ts, ledger_id = marker
        stmt = self.db.insert(markers).values(
            user_pk=user_pk, tenant_id=tenant_id, ledger_id=ledger_id, ledger_ts=ts, updated_at=now
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["user_pk"],
            set_={"ledger_id": ledger_id, "ledger_ts": ts, "updated_at": now},
            where=markers.c.ledger_id < ledger_id,
        )
        await self.conn.execute(stmt)
