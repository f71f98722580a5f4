"""What the statistics feature reads, as ``storage`` must provide it (the rollups themselves are
written by the event path's store)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

HOURS = tuple(f"h{hour:02d}" for hour in range(24))
"""The counters of a day's events by local hour: ``h00`` … ``h23``."""
ALL_EVENTS = ""
"""The event id of the figures of all events together (no event id is empty)."""


@dataclass(frozen=True)
class DailyRow:
    """One day's figures of one event (or of all events), summed over the shards."""

    day_key: str
    """The tenant's local day, ``YYYY-MM-DD``."""
    event_id: str
    counts: Mapping[str, int]
    """events, points, condition_met, condition_failed, limit_reached, day_users, month_users,
    last_users and the hours (:data:`HOURS`)."""


@dataclass(frozen=True)
class EventTotalsRow:
    """One event's figures summed over a range of days."""

    event_id: str
    counts: Mapping[str, int]
    """events, points, day_users, month_users and last_users."""


class Stats(Protocol):
    """The daily rollups of logged events."""

    async def daily_rows(
        self, tenant_id: int, *, start: str | None, end: str | None, event_id: str
    ) -> list[DailyRow]:
        """Per day figures of ``event_id`` (:data:`ALL_EVENTS`: all events) from ``start`` to
        ``end`` (each inclusive, None: unbounded), by day."""
        ...

    async def totals_by_event(self, tenant_id: int, *, start: str | None, end: str) -> list[EventTotalsRow]:
        """Per event figures (each event, not :data:`ALL_EVENTS`) from ``start`` to ``end``."""
        ...
