"""The worker's lifecycle jobs (:class:`loyalty.app.promotions.ports.Lifecycle`): who has a
birthday or a join anniversary today, which credits expire soon, and the once-only claims (one row
each, keyed) that make every job run once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import and_, exists, func, or_, select

from loyalty.app.promotions.ports import ReminderLine
from loyalty.storage.promotions.lifecycle_tables import expiry_reminders, lifecycle_rewards
from loyalty.storage.repository import Repository
from loyalty.storage.tables import ledger_entries, users


def _not_rewarded(kind: str, year: int) -> Any:
    return ~exists().where(
        lifecycle_rewards.c.user_pk == users.c.id,
        lifecycle_rewards.c.kind == kind,
        lifecycle_rewards.c.year == year,
    )


class SqlLifecycle(Repository):
    async def birthdays(
        self, *, tenant_id: int, days: Sequence[str], year: int, after_pk: int, limit: int
    ) -> list[int]:
        """Users (keys, ascending after ``after_pk``) whose birthday is one of ``days`` and who have
        not had this year's birthday reward."""
        rows = await self.conn.execute(
            select(users.c.id)
            .where(
                users.c.tenant_id == tenant_id,
                users.c.birthday.in_(list(days)),
                users.c.id > after_pk,
                _not_rewarded("birthday", year),
            )
            .order_by(users.c.id)
            .limit(limit)
        )
        return [int(r[0]) for r in rows]

    async def first_join(self, tenant_id: int) -> int | None:
        found = await self.conn.execute(
            select(func.min(users.c.created_at)).where(users.c.tenant_id == tenant_id)
        )
        value = found.scalar_one_or_none()
        return None if value is None else int(value)

    async def joined_in(
        self,
        *,
        tenant_id: int,
        ranges: Sequence[tuple[int, int]],
        year: int,
        after_pk: int,
        limit: int,
    ) -> list[tuple[int, int]]:
        """(key, createdAt) of users who joined in one of ``ranges`` ([start, end) epoch ms) and have
        not had this year's anniversary reward."""
        if not ranges:
            return []
        joined = or_(*(and_(users.c.created_at >= start, users.c.created_at < end) for start, end in ranges))
        rows = await self.conn.execute(
            select(users.c.id, users.c.created_at)
            .where(
                users.c.tenant_id == tenant_id,
                joined,
                users.c.id > after_pk,
                _not_rewarded("anniversary", year),
            )
            .order_by(users.c.id)
            .limit(limit)
        )
        return [(int(r[0]), int(r[1])) for r in rows]

    async def claim_reward(self, *, tenant_id: int, user_pk: int, kind: str, year: int, now: int) -> bool:
        """True for the one transaction that records the user's ``kind`` reward of ``year``."""
        stmt = (
            self.db.insert(lifecycle_rewards)
            .values(user_pk=user_pk, kind=kind, year=year, tenant_id=tenant_id, paid_at=now)
            .on_conflict_do_nothing(index_elements=["user_pk", "kind", "year"])
            .returning(lifecycle_rewards.c.user_pk)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def expiring_credits(
        self, *, tenant_id: int, now: int, until: int, after_id: int, limit: int
    ) -> list[int]:
        """Ids of points credits with points left that expire in (now, until] and were not announced."""
        rows = await self.conn.execute(
            select(ledger_entries.c.id)
            .where(
                ledger_entries.c.tenant_id == tenant_id,
                ledger_entries.c.valid_until > now,
                ledger_entries.c.valid_until <= until,
                ledger_entries.c.metric == "points",
                ledger_entries.c.remaining > 0,
                ledger_entries.c.id > after_id,
                ~exists().where(expiry_reminders.c.entry_id == ledger_entries.c.id),
            )
            .order_by(ledger_entries.c.id)
            .limit(limit)
        )
        return [int(r[0]) for r in rows]

    async def claim_reminder(self, *, tenant_id: int, entry_id: int, now: int) -> ReminderLine | None:
        """Record the credit's reminder; its user, points left and end for the one transaction that
        recorded it (None for any other, or when the credit has no points left by now)."""
        line = (
            (
                await self.conn.execute(
                    select(
                        ledger_entries.c.user_pk, ledger_entries.c.remaining, ledger_entries.c.valid_until
                    ).where(ledger_entries.c.id == entry_id)
                )
            )
            .mappings()
            .first()
        )
        if line is None:
            return None
        stmt = (
            self.db.insert(expiry_reminders)
            .values(entry_id=entry_id, user_pk=line["user_pk"], tenant_id=tenant_id, sent_at=now)
            .on_conflict_do_nothing(index_elements=["entry_id"])
            .returning(expiry_reminders.c.entry_id)
        )
        if (await self.conn.execute(stmt)).scalar_one_or_none() is None or int(line["remaining"]) <= 0:
            return None
        return cast(ReminderLine, dict(line))
