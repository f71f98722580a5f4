"""Seed 002 ``GET /stats/event``, quoted from the seed and checked against real responses.

Global example of the seed::

    {"period": "7d", "eventId": null, "startDate": "2025-08-01", "endDate": "2025-08-07",
     "data": {"totalEvents": 6120, "uniqueUsers": 1420, "totalPoints": 81230,
              "eventBreakdown": {"purchase_completed": {"count": 4210, "users": 980, "points": 71230},
                                 "login": {"count": 1910, "users": 1240, "points": 10000}},
              "topEvents": ["purchase_completed", "login"],
              "dailyData": {"2025-08-01": {"events": 900, "users": 320, "points": 11000,
                                           "hourlyDistribution": []}},
              "_metadata": {"uniqueUsersCalculationMethod": "daily_exact", "uniqueUsersNote": null}}}

Event example of the seed::

    {"period": "30d", "eventId": "purchase_completed", "startDate": "2025-08-01",
     "endDate": "2025-08-30",
     "data": {"totalCount": 4100, "uniqueUsers": 950, "pointsAwarded": 71000, "conditionMet": 4050,
              "conditionFailed": 50, "limitReached": 20,
              "dailyData": {"2025-08-01": {"count": 200, "users": 120, "points": 3400,
                                           "hourlyDistribution": []}}}}
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.uow import Tx
from tests.stats_support import record_hit
from tests.support import TenantHandle

NOW = int(datetime(2025, 8, 7, 18, 0, tzinfo=UTC).timestamp() * 1000)
HOUR = 3_600_000
DAY = 24 * HOUR


def hours(**counts: int) -> list[int]:
    out = [0] * 24
    for name, count in counts.items():
        out[int(name[1:])] = count
    return out


async def log_events(
    app: Any, tenant: TenantHandle, events: list[tuple[str, str, int, int, bool, bool]]
) -> None:
    """(user, event, ts, points, condition met, limit reached), recorded as the event handler does."""
    services = app.state.services
    config = await services.tenants.by_id(tenant.tenant_id)
    admin = Principal(tenant.tenant_id, tenant.name, None, frozenset(), api_key_role="admin")
    async with services.stores.write() as store:
        tx = Tx(
            services=services,
            store=store,
            tenant=config,
            principal=admin,
            now=NOW,
        )
        for user, event, ts, points, met, limited in events:
            await record_hit(tx, user, event, ts, points, met, limited)


@pytest.fixture
async def august(app: Any, tenant: TenantHandle, clock: Any) -> TenantHandle:
    """A week of August 2025 in UTC: two purchases and a login on the 1st, more on the 7th."""
    clock.set(NOW)
    first = int(datetime(2025, 8, 1, tzinfo=UTC).timestamp() * 1000)
    seventh = first + 6 * DAY
    await log_events(
        app,
        tenant,
        [
            ("anna", "purchase_completed", first + 9 * HOUR, 50, True, False),
            ("ben", "purchase_completed", first + 9 * HOUR + 5, 30, True, False),
            ("anna", "login", first + 20 * HOUR, 5, True, False),
            ("anna", "purchase_completed", seventh + 10 * HOUR, 0, False, False),
            ("carl", "purchase_completed", seventh + 11 * HOUR, 0, True, True),
            ("carl", "login", seventh + 11 * HOUR, 5, True, False),
            ("anna", "login", first - 40 * DAY, 5, True, False),
        ],
    )
    return tenant


async def test_global_stats_have_the_seed_shape_with_exact_figures(august: TenantHandle) -> None:
    r = await august.client.get("/v1/stats/event?period=7d", headers=august.admin)
    assert r.status_code == 200
    assert r.json() == {
        "period": "7d",
        "eventId": None,
        "startDate": "2025-08-01",
        "endDate": "2025-08-07",
        "data": {
            "totalEvents": 6,
            "uniqueUsers": 3,
            "totalPoints": 90,
            "eventBreakdown": {
                "login": {"count": 2, "users": 2, "points": 10},
                "purchase_completed": {"count": 4, "users": 3, "points": 80},
            },
            "topEvents": ["purchase_completed", "login"],
            "dailyData": {
                "2025-08-01": {
                    "events": 3,
                    "users": 2,
                    "points": 85,
                    "hourlyDistribution": hours(h09=2, h20=1),
                },
                "2025-08-07": {
                    "events": 3,
                    "users": 2,
                    "points": 5,
                    "hourlyDistribution": hours(h10=1, h11=2),
                },
            },
            "_metadata": {"uniqueUsersCalculationMethod": "exact_latest_active_day", "uniqueUsersNote": None},
        },
    }


async def test_event_stats_have_the_seed_shape_with_condition_and_limit_counts(august: TenantHandle) -> None:
    r = await august.client.get("/v1/stats/event?period=30d&eventId=purchase_completed", headers=august.admin)
    assert r.status_code == 200
    assert r.json() == {
        "period": "30d",
        "eventId": "purchase_completed",
        "startDate": "2025-07-09",
        "endDate": "2025-08-07",
        "data": {
            "totalCount": 4,
            "uniqueUsers": 3,
            "pointsAwarded": 80,
            "conditionMet": 3,
            "conditionFailed": 1,
            "limitReached": 1,
            "dailyData": {
                "2025-08-01": {"count": 2, "users": 2, "points": 80, "hourlyDistribution": hours(h09=2)},
                "2025-08-07": {
                    "count": 2,
                    "users": 2,
                    "points": 0,
                    "hourlyDistribution": hours(h10=1, h11=1),
                },
            },
        },
    }


async def test_the_default_period_is_7d(august: TenantHandle) -> None:
    r = await august.client.get("/v1/stats/event", headers=august.admin)
    assert r.json()["period"] == "7d"
    assert (r.json()["startDate"], r.json()["endDate"]) == ("2025-08-01", "2025-08-07")


@pytest.mark.parametrize(
    ("period", "start", "events", "users", "method"),
    [
        ("1d", "2025-08-07", 3, 2, "exact_first_seen_per_day"),
        ("90d", "2025-05-10", 7, 3, "exact_latest_active_day"),
        ("current_month", "2025-08-01", 6, 3, "exact_first_seen_per_month"),
        ("ytd", "2025-01-01", 7, 3, "exact_latest_active_day"),
        ("all", "2025-06-22", 7, 3, "exact_latest_active_day"),
    ],
)
async def test_every_period_of_the_seed_ends_today(
    august: TenantHandle, period: str, start: str, events: int, users: int, method: str
) -> None:
    r = await august.client.get(f"/v2/stats/event?period={period}", headers=august.admin)
    assert r.status_code == 200
    body = r.json()
    assert (body["period"], body["startDate"], body["endDate"]) == (period, start, "2025-08-07")
    assert (body["data"]["totalEvents"], body["data"]["uniqueUsers"]) == (events, users)
    assert body["data"]["_metadata"]["uniqueUsersCalculationMethod"] == method


async def test_timeframe_month_is_that_calendar_month(august: TenantHandle) -> None:
    r = await august.client.get("/v1/stats/event?timeframe=month&month=2025-06", headers=august.admin)
    assert r.status_code == 200
    body = r.json()
    assert (body["period"], body["startDate"], body["endDate"]) == ("month", "2025-06-01", "2025-06-30")
    assert body["data"]["totalEvents"] == 1
    assert body["data"]["dailyData"]["2025-06-22"]["events"] == 1
    assert body["data"]["_metadata"]["uniqueUsersCalculationMethod"] == "exact_first_seen_per_month"


async def test_all_without_any_data_has_a_null_start_and_zeros(tenant: TenantHandle, clock: Any) -> None:
    clock.set(NOW)
    r = await tenant.client.get("/v1/stats/event?period=all", headers=tenant.admin)
    assert r.status_code == 200
    assert r.json()["startDate"] is None
    assert r.json()["data"]["totalEvents"] == 0
    assert r.json()["data"]["dailyData"] == {}


async def test_an_event_without_data_has_zeros_not_404(august: TenantHandle) -> None:
    r = await august.client.get("/v1/stats/event?eventId=deleted_event", headers=august.admin)
    assert r.status_code == 200
    assert r.json()["data"] == {
        "totalCount": 0,
        "uniqueUsers": 0,
        "pointsAwarded": 0,
        "conditionMet": 0,
        "conditionFailed": 0,
        "limitReached": 0,
        "dailyData": {},
    }


@pytest.mark.parametrize("month", ["2025-8", "2025-13", "08-2025", "", "2025-08-01"])
async def test_timeframe_month_with_a_bad_month_is_400_naming_month(tenant: TenantHandle, month: str) -> None:
    r = await tenant.client.get(f"/v1/stats/event?timeframe=month&month={month}", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["statusCode"] == 400
    assert r.json()["data"]["field"] == "month"


async def test_timeframe_month_without_month_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/stats/event?timeframe=month", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "month"


async def test_an_unknown_period_is_400_naming_period(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/stats/event?period=2w", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "period"


async def test_an_unknown_timeframe_is_400_naming_timeframe(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/stats/event?timeframe=week", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "timeframe"


async def test_a_plain_user_token_is_403(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/stats/event", headers=tenant.user("anna"))
    assert r.status_code == 403
    assert r.json()["statusCode"] == 403


@pytest.mark.parametrize("scope", ["loyalty:view", "loyalty:admin", "loyalty:manage"])
async def test_view_manage_and_admin_scopes_may_read_stats(tenant: TenantHandle, scope: str) -> None:
    r = await tenant.client.get("/v1/stats/event", headers=tenant.user("analyst", scope))
    assert r.status_code == 200


async def test_stats_of_one_tenant_are_not_visible_to_another(
    august: TenantHandle, other_tenant: TenantHandle
) -> None:
    r = await other_tenant.client.get("/v1/stats/event?period=all", headers=other_tenant.admin)
    assert r.json()["data"]["totalEvents"] == 0


async def test_an_event_logged_over_http_appears_in_the_stats(tenant: TenantHandle, clock: Any) -> None:
    clock.set(NOW)
    r = await tenant.put(
        "events",
        "login",
        {"eventId": "login", "title": "Login", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 5}},
    )
    assert r.status_code == 200, r.text
    await tenant.create_user("anna")
    r = await tenant.client.post(
        "/v1/event", json={"eventId": "login", "userId": "anna"}, headers=tenant.user("anna")
    )
    assert r.status_code == 200, r.text
    body = (await tenant.client.get("/v1/stats/event?period=1d", headers=tenant.admin)).json()
    assert body["data"]["totalEvents"] == 1
    assert body["data"]["uniqueUsers"] == 1
    assert body["data"]["totalPoints"] == 5
    assert body["data"]["eventBreakdown"] == {"login": {"count": 1, "users": 1, "points": 5}}
    assert body["data"]["dailyData"]["2025-08-07"]["hourlyDistribution"] == hours(h18=1)
