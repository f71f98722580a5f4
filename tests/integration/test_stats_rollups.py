"""The statistics rollups against a direct count over the raw event log, on randomised data.

Activities are recorded through the rollup write of the event path inside real write transactions, in shuffled
order (so days also arrive out of order), in zones with a daylight-saving change inside the range;
every figure of ``GET /v1/stats/event`` is then compared with a count over the raw list.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.uow import Tx
from loyalty.app.stats import stats
from loyalty.core import periods, timeutil
from tests.stats_support import record_hit
from tests.support import TenantHandle

NOW = int(datetime(2025, 11, 20, 15, 30, tzinfo=UTC).timestamp() * 1000)
DAY_MS = 86_400_000
EVENTS = ["login", "purchase_completed", "review", "share", "visit"]


@dataclass(frozen=True)
class Raw:
    user: str
    event: str
    ts: int
    points: int
    met: bool
    limited: bool


def random_log(seed: int, dst_day_utc: datetime) -> list[Raw]:
    rng = random.Random(seed)
    users = [f"u{i}" for i in range(25)]
    dst_ms = int(dst_day_utc.timestamp() * 1000)
    log = []
    for _ in range(700):
        if rng.random() < 0.2:  # around the daylight-saving change, hour by hour
            ts = dst_ms + rng.randrange(-DAY_MS, 2 * DAY_MS)
        elif rng.random() < 0.5:  # the last days, where 1d/7d live
            ts = NOW - rng.randrange(0, 9 * DAY_MS)
        else:
            ts = NOW - rng.randrange(0, 400 * DAY_MS)
        met = rng.random() < 0.8
        limited = met and rng.random() < 0.15
        points = rng.randrange(1, 60) if met and not limited else 0
        log.append(Raw(rng.choice(users), rng.choice(EVENTS), ts, points, met, limited))
    return log


async def record(app: Any, tenant: TenantHandle, log: list[Raw], seed: int) -> None:
    services = app.state.services
    config = await services.tenants.by_id(tenant.tenant_id)
    admin = Principal(tenant.tenant_id, tenant.name, None, frozenset(), api_key_role="admin")
    shuffled = log[:]
    random.Random(seed).shuffle(shuffled)
    for start in range(0, len(shuffled), 100):
        async with services.stores.write() as store:
            tx = Tx(
                services=services,
                store=store,
                tenant=config,
                principal=admin,
                now=NOW,
            )
            for raw in shuffled[start : start + 100]:
                await record_hit(tx, raw.user, raw.event, raw.ts, raw.points, raw.met, raw.limited)


def expected(
    log: list[Raw], zone: str, rng: periods.DateRange, event: str | None
) -> tuple[str | None, dict[str, Any]]:
    def day(r: Raw) -> str:
        return timeutil.day_key(r.ts, zone)

    scope = [r for r in log if event is None or r.event == event]
    start = rng.start.isoformat() if rng.start else min((day(r) for r in scope), default=None)
    end = rng.end.isoformat()
    rows = [r for r in scope if start is not None and start <= day(r) <= end]
    daily: dict[str, list[Raw]] = defaultdict(list)
    for r in rows:
        daily[day(r)].append(r)

    def day_figures(items: list[Raw], count_name: str) -> dict[str, Any]:
        hours = [0] * 24
        for r in items:
            hours[timeutil.local_hour(r.ts, zone)] += 1
        return {
            count_name: len(items),
            "users": len({r.user for r in items}),
            "points": sum(r.points for r in items),
            "hourlyDistribution": hours,
        }

    if event is not None:
        return start, {
            "totalCount": len(rows),
            "uniqueUsers": len({r.user for r in rows}),
            "pointsAwarded": sum(r.points for r in rows),
            "conditionMet": sum(r.met for r in rows),
            "conditionFailed": sum(not r.met for r in rows),
            "limitReached": sum(r.limited for r in rows),
            "dailyData": {d: day_figures(items, "count") for d, items in sorted(daily.items())},
        }
    breakdown = {
        e: {
            "count": sum(r.event == e for r in rows),
            "users": len({r.user for r in rows if r.event == e}),
            "points": sum(r.points for r in rows if r.event == e),
        }
        for e in sorted({r.event for r in rows})
    }
    return start, {
        "totalEvents": len(rows),
        "uniqueUsers": len({r.user for r in rows}),
        "totalPoints": sum(r.points for r in rows),
        "eventBreakdown": breakdown,
        "topEvents": sorted(breakdown, key=lambda e: (-breakdown[e]["count"], e))[:10],
        "dailyData": {d: day_figures(items, "events") for d, items in sorted(daily.items())},
    }


def expected_method(rng: periods.DateRange, start: str | None) -> str:
    if start is not None and start == rng.end.isoformat():
        return "exact_first_seen_per_day"
    if rng.calendar_month:
        return "exact_first_seen_per_month"
    return "exact_latest_active_day"


QUERIES: list[dict[str, str]] = [
    *({"period": p} for p in periods.PERIODS),
    {},
    {"timeframe": "month", "month": "2025-10"},
    {"timeframe": "month", "month": "2025-11"},
    {"timeframe": "month", "month": "2025-03"},
    {"timeframe": "month", "month": "2024-12"},
]


@pytest.mark.parametrize(
    ("zone", "dst_change", "seed"),
    [
        ("Europe/Berlin", datetime(2025, 10, 26, 1, 0, tzinfo=UTC), 1),
        ("America/New_York", datetime(2025, 11, 2, 6, 0, tzinfo=UTC), 2),
        ("Asia/Kolkata", datetime(2025, 11, 1, 0, 0, tzinfo=UTC), 3),
    ],
)
async def test_every_figure_equals_a_direct_count_over_the_raw_log(
    app: Any, tenant: TenantHandle, clock: Any, zone: str, dst_change: datetime, seed: int
) -> None:
    r = await tenant.put("settings", "tenant", {"timeZone": zone})
    assert r.status_code == 200, r.text
    clock.set(NOW)
    log = random_log(seed, dst_change)
    await record(app, tenant, log, seed)
    today = timeutil.local_datetime(NOW, zone).date()
    for query in QUERIES:
        rng = periods.resolve(query.get("period"), query.get("timeframe"), query.get("month"), today)
        for event in [None, *EVENTS, "never_logged"]:
            params = dict(query) if event is None else {**query, "eventId": event}
            response = await tenant.client.get("/v1/stats/event", params=params, headers=tenant.admin)
            assert response.status_code == 200, response.text
            body = response.json()
            start, data = expected(log, zone, rng, event)
            assert body["period"] == rng.label
            assert body["eventId"] == event
            assert body["startDate"] == start, params
            assert body["endDate"] == rng.end.isoformat()
            if event is None:
                metadata = body["data"].pop("_metadata")
                assert metadata == {
                    "uniqueUsersCalculationMethod": expected_method(rng, start),
                    "uniqueUsersNote": None,
                }
            assert body["data"] == data, params


async def test_events_recorded_after_today_are_named_in_the_note(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    clock.set(NOW)
    tomorrow = NOW + DAY_MS
    await record(app, tenant, [Raw("early", "login", NOW, 5, True, False)], 0)
    await record(app, tenant, [Raw("early", "login", tomorrow, 5, True, False)], 0)
    body = (await tenant.client.get("/v1/stats/event?period=7d", headers=tenant.admin)).json()
    assert body["data"]["totalEvents"] == 1
    assert body["data"]["_metadata"]["uniqueUsersCalculationMethod"] == "exact_latest_active_day"
    assert body["data"]["_metadata"]["uniqueUsersNote"] == stats.LATE_DATA_NOTE
    month = (await tenant.client.get("/v1/stats/event?period=current_month", headers=tenant.admin)).json()
    assert month["data"]["_metadata"]["uniqueUsersNote"] == stats.LATE_DATA_NOTE
    whole = (
        await tenant.client.get("/v1/stats/event?timeframe=month&month=2025-11", headers=tenant.admin)
    ).json()
    assert (whole["data"]["totalEvents"], whole["data"]["uniqueUsers"]) == (2, 1)
    assert whole["data"]["_metadata"]["uniqueUsersNote"] is None


async def test_hours_of_a_daylight_saving_day_fall_into_local_hour_buckets(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin"})
    clock.set(int(datetime(2025, 10, 27, 12, tzinfo=UTC).timestamp() * 1000))
    # 00:30 and 01:30 UTC on 26 October 2025 are both 02:30 in Berlin (clocks went back at 03:00).
    first = int(datetime(2025, 10, 26, 0, 30, tzinfo=UTC).timestamp() * 1000)
    await record(
        app,
        tenant,
        [Raw("a", "login", first, 1, True, False), Raw("b", "login", first + 3_600_000, 2, True, False)],
        0,
    )
    body = (await tenant.client.get("/v1/stats/event?period=7d", headers=tenant.admin)).json()
    day = body["data"]["dailyData"]["2025-10-26"]
    assert day["hourlyDistribution"] == [0, 0, 2] + [0] * 21
    assert (day["events"], day["users"], day["points"]) == (2, 2, 3)
