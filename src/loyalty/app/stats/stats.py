"""Event statistics: the reads of the rollups every logged event writes with its outcome.

Unique users are exact and come from rollup counters, never from scanning users:
- one day: users whose first event of that day it was (``day_users``);
- a calendar month, or the current month so far: users whose first event of the month fell on
  each day (``month_users``), summed over the days;
- any other range that ends today (7d, 30d, 90d, ytd, all): users whose latest active day falls in
  the range (``last_users``), summed over the days.
Ranges that end today (all but ``timeframe=month``) are exact as long as nothing is recorded after
today; when something is (a server clock ahead of this one), the note in ``_metadata`` says so.
The cost of a query is the number of days times (event types + 1) times the shards, never the
number of events or users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import run_read
from loyalty.app.stats.ports import ALL_EVENTS, HOURS, DailyRow
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import periods, timeutil

TOP_EVENTS = 10
DAY_METHOD = "exact_first_seen_per_day"
MONTH_METHOD = "exact_first_seen_per_month"
LATEST_DAY_METHOD = "exact_latest_active_day"
LATE_DATA_NOTE = (
    "events are recorded after endDate (a clock ahead of this server's): users whose latest "
    "activity is after endDate are not counted in uniqueUsers until this server's day reaches it"
)


@dataclass(frozen=True)
class DayView:
    events: int
    users: int
    points: int
    hourly: list[int]


@dataclass(frozen=True)
class EventTotalsView:
    count: int
    users: int
    points: int


@dataclass(frozen=True)
class GlobalStatsView:
    period: str
    start: str | None
    end: str
    total_events: int
    unique_users: int
    total_points: int
    breakdown: dict[str, EventTotalsView]
    top_events: list[str]
    daily: dict[str, DayView]
    users_method: str
    users_note: str | None
    campaigns: dict[str, EventTotalsView] = field(default_factory=dict)
    """Campaign id -> the events it added to and the points it added (part of ``total_points``)."""


@dataclass(frozen=True)
class EventStatsView:
    period: str
    event_id: str
    start: str | None
    end: str
    total_count: int
    unique_users: int
    points: int
    condition_met: int
    condition_failed: int
    limit_reached: int
    daily: dict[str, DayView]
    users_method: str
    users_note: str | None


@dataclass
class _Sums:
    rows: list[DailyRow] = field(default_factory=list)

    def total(self, name: str) -> int:
        return sum(r.counts[name] for r in self.rows)


def _users_method(rng: periods.DateRange, start: str | None) -> tuple[str, str]:
    """Which counter gives exact unique users for the range, and its method name."""
    if start is not None and start == rng.end.isoformat():
        return "day_users", DAY_METHOD
    if rng.calendar_month:
        return "month_users", MONTH_METHOD
    return "last_users", LATEST_DAY_METHOD


def _day_view(row: DailyRow) -> DayView:
    return DayView(
        events=row.counts["events"],
        users=row.counts["day_users"],
        points=row.counts["points"],
        hourly=[row.counts[h] for h in HOURS],
    )


def _read_until(rng: periods.DateRange) -> str | None:
    """A range that ends today also reads later days (normally none) to notice a clock ahead."""
    return rng.end.isoformat() if rng.label == "month" else None


def _split_late(rows: list[DailyRow], rng: periods.DateRange, method: str) -> tuple[_Sums, str | None]:
    """The rows of the range, and the note when days after it hold data.

    A whole calendar month and a single day are exact in any case; the month and latest-day
    counters of a range that ends today assume nothing was recorded after today.
    """
    end = rng.end.isoformat()
    inside = _Sums([r for r in rows if r.day_key <= end])
    late = len(inside.rows) < len(rows) and method != DAY_METHOD and rng.label != "month"
    return inside, LATE_DATA_NOTE if late else None


async def global_stats(services: Services, principal: Principal, rng: periods.DateRange) -> GlobalStatsView:
    principal.require_view()

    async def work(store: Store, tenant: TenantConfig) -> GlobalStatsView:
        start = None if rng.start is None else rng.start.isoformat()
        end = rng.end.isoformat()
        rows = await store.stats.daily_rows(tenant.id, start=start, end=_read_until(rng), event_id=ALL_EVENTS)
        start = start or (rows[0].day_key if rows and rows[0].day_key <= end else None)
        users_column, method = _users_method(rng, start)
        everything, note = _split_late(rows, rng, method)
        totals = await store.stats.totals_by_event(tenant.id, start=start, end=end) if start else []
        breakdown = {
            row.event_id: EventTotalsView(
                count=row.counts["events"], users=row.counts[users_column], points=row.counts["points"]
            )
            for row in sorted(totals, key=lambda r: r.event_id)
        }
        top = sorted(breakdown, key=lambda e: (-breakdown[e].count, e))[:TOP_EVENTS]
        by_campaign = await store.campaigns.totals_by_campaign(tenant.id, start=start, end=end)
        return GlobalStatsView(
            period=rng.label,
            start=start,
            end=end,
            total_events=everything.total("events"),
            unique_users=everything.total(users_column),
            total_points=everything.total("points"),
            breakdown=breakdown,
            top_events=top,
            daily={r.day_key: _day_view(r) for r in everything.rows},
            users_method=method,
            users_note=note,
            campaigns={
                r["campaign_id"]: EventTotalsView(count=r["events"], users=0, points=r["points"])
                for r in by_campaign
            },
        )

    return await run_read(services, principal, work)


async def event_stats(
    services: Services, principal: Principal, rng: periods.DateRange, event_id: str
) -> EventStatsView:
    """Statistics of one event id; an unknown (or deleted) event has zeros, not a 404."""
    principal.require_view()

    async def work(store: Store, tenant: TenantConfig) -> EventStatsView:
        start = None if rng.start is None else rng.start.isoformat()
        end = rng.end.isoformat()
        rows = await store.stats.daily_rows(tenant.id, start=start, end=_read_until(rng), event_id=event_id)
        start = start or (rows[0].day_key if rows and rows[0].day_key <= end else None)
        users_column, method = _users_method(rng, start)
        sums, note = _split_late(rows, rng, method)
        return EventStatsView(
            period=rng.label,
            event_id=event_id,
            start=start,
            end=rng.end.isoformat(),
            total_count=sums.total("events"),
            unique_users=sums.total(users_column),
            points=sums.total("points"),
            condition_met=sums.total("condition_met"),
            condition_failed=sums.total("condition_failed"),
            limit_reached=sums.total("limit_reached"),
            daily={r.day_key: _day_view(r) for r in sums.rows},
            users_method=method,
            users_note=note,
        )

    return await run_read(services, principal, work)


async def resolve_range(
    services: Services, principal: Principal, period: str | None, timeframe: str | None, month: str | None
) -> periods.DateRange:
    """The period of a request in the tenant's zone (today is the tenant's local day)."""
    tenant = await services.tenants.by_id(principal.tenant_id)
    zone = tenant.settings.timeZone if tenant is not None else "UTC"
    today = datetime.fromtimestamp(services.now() / 1000, tz=timeutil.zone(zone)).date()
    return periods.resolve(period, timeframe, month, today)
