"""Fixed-window request counters kept in the database (the default rate-limit store).

All counters a request touches move in ONE statement: a multi-row ``INSERT … ON CONFLICT DO UPDATE
… RETURNING``, which restarts a counter in place when its window has moved on (no cleanup job).
"""

from __future__ import annotations

from sqlalchemy import case

from loyalty.storage.messaging.ops_tables import rate_limit_counters
from loyalty.storage.repository import Repository


class SqlRateLimits(Repository):
    async def hit(self, keys: list[str], window_start: int) -> dict[str, int]:
        """Count one request against every key in the window; returns each key's count so far."""
        stmt = self.db.insert(rate_limit_counters).values(
            [{"key": key, "window_start": window_start, "count": 1} for key in keys]
        )
        same_window = rate_limit_counters.c.window_start == stmt.excluded.window_start
        counting = stmt.on_conflict_do_update(
            index_elements=["key"],
            set_={
                "count": case((same_window, rate_limit_counters.c.count + 1), else_=1),
                "window_start": stmt.excluded.window_start,
            },
        ).returning(rate_limit_counters.c.key, rate_limit_counters.c.count)
        result = await self.conn.execute(counting)
        return {str(key): int(count) for key, count in result}
