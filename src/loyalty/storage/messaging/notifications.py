"""A user's notifications and viewed screens (:class:`loyalty.app.messaging.ports.Notifications`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import delete, func, select, update

from loyalty.app.messaging.ports import NotificationRow
from loyalty.storage.messaging.engagement_tables import notifications
from loyalty.storage.repository import Repository
from loyalty.storage.surveys.survey_tables import notification_screens

# Built once: events with points notify on the hot path.
_INSERT = notifications.insert().returning(notifications.c.id)


class SqlNotifications(Repository):
    async def insert(self, **values: Any) -> int:
        result = await self.conn.execute(_INSERT, values)
        return int(result.scalar_one())

    async def unread(self, user_pk: int, *, limit: int) -> list[NotificationRow]:
        rows = await self.conn.execute(
            select(notifications)
            .where(notifications.c.user_pk == user_pk, notifications.c.read_at.is_(None))
            .order_by(notifications.c.ts, notifications.c.id)
            .limit(limit)
        )
        return [cast(NotificationRow, dict(r)) for r in rows.mappings()]

    async def mark_read(self, user_pk: int, ids: Sequence[int] | None, *, now: int) -> int:
        """Mark the user's unread notifications read (only ``ids`` when given); returns how many."""
        stmt = update(notifications).where(
            notifications.c.user_pk == user_pk, notifications.c.read_at.is_(None)
        )
        if ids is not None:
            stmt = stmt.where(notifications.c.id.in_(list(ids)))
        result = await self.conn.execute(stmt.values(read_at=now))
        return int(result.rowcount or 0)

    async def latest_per_section(self, user_pk: int) -> dict[str, int]:
        rows = await self.conn.execute(
            select(notifications.c.section, func.max(notifications.c.ts))
            .where(notifications.c.user_pk == user_pk, notifications.c.section.is_not(None))
            .group_by(notifications.c.section)
        )
        return {r[0]: int(r[1]) for r in rows}

    async def screens_viewed(self, user_pk: int) -> dict[str, int]:
        rows = await self.conn.execute(
            select(notification_screens.c.screen, notification_screens.c.viewed_at).where(
                notification_screens.c.user_pk == user_pk
            )
        )
        return {r[0]: int(r[1]) for r in rows}

    async def view_screen(self, *, tenant_id: int, user_pk: int, screen: str, now: int) -> None:
        stmt = self.db.insert(notification_screens).values(
            tenant_id=tenant_id, user_pk=user_pk, screen=screen, viewed_at=now
        )
        stmt = stmt.on_conflict_do_update(index_elements=["user_pk", "screen"], set_={"viewed_at": now})
        await self.conn.execute(stmt)

    async def reset_screens(self, user_pk: int, screens: Sequence[str]) -> None:
        if screens:
            await self.conn.execute(
                delete(notification_screens).where(
                    notification_screens.c.user_pk == user_pk,
                    notification_screens.c.screen.in_(list(screens)),
                )
            )
