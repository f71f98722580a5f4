"""Fake of the statistics feature's port (:mod:`loyalty.app.stats.ports`): rows a test seeds."""

from __future__ import annotations

from loyalty.app.stats.ports import ALL_EVENTS, DailyRow, EventTotalsRow

TOTALS = ("events", "points", "day_users", "month_users", "last_users")


class FakeStats:
    def __init__(self) -> None:
        self.days: dict[int, list[DailyRow]] = {}
        """tenant id -> its daily rows (of each event and of ``ALL_EVENTS``)."""

    async def daily_rows(
        self, tenant_id: int, *, start: str | None, end: str | None, event_id: str
    ) -> list[DailyRow]:
        rows = [
            r
            for r in self.days.get(tenant_id, [])
            if r.event_id == event_id
            and (start is None or r.day_key >= start)
            and (end is None or r.day_key <= end)
        ]
        return sorted(rows, key=lambda r: r.day_key)

    async def totals_by_event(self, tenant_id: int, *, start: str | None, end: str) -> list[EventTotalsRow]:
        sums: dict[str, dict[str, int]] = {}
        for row in self.days.get(tenant_id, []):
            if row.event_id == ALL_EVENTS or row.day_key > end or (start is not None and row.day_key < start):
                continue
            into = sums.setdefault(row.event_id, dict.fromkeys(TOTALS, 0))
            for name in TOTALS:
                into[name] += row.counts.get(name, 0)
        return [EventTotalsRow(event_id=e, counts=c) for e, c in sums.items()]
