"""Seed 000 streak endpoints and seed 002 streak analytics against real responses.

Activity is logged through the same reactors ``POST /v1/event`` calls (``log_activity``); the
tests at the end go through ``POST /v1/event`` itself and run once the events feature is merged.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from tests.activity_support import log_activity
from tests.support import Clock, TenantHandle

DAILY_LOGIN = {
    "streakId": "daily_login",
    "eventIds": ["login"],
    "timeFrame": "daily",
    "milestones": {"7": 50},
}


def utc(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


async def login_on(app: Any, tenant: TenantHandle, clock: Clock, user_id: str, *instants: str) -> None:
    for instant in instants:
        clock.set(utc(instant))
        await log_activity(app, tenant, user_id, "login")


async def configure(tenant: TenantHandle, body: dict[str, Any] = DAILY_LOGIN) -> None:
    r = await tenant.put("streaks", body["streakId"], body)
    assert r.status_code == 200, r.text


async def test_user_streaks_answer_the_seed_shape(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    days = [f"2025-11-0{d} 09:00" for d in "1234567"]
    await login_on(app, tenant, clock, "user_123", *days)
    r = await tenant.client.get("/v1/user/user_123/streak", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == {
        "streaks": [
            {
                "userId": "user_123",
                "streakId": "daily_login",
                "currentStartDate": utc("2025-11-01 00:00"),
                "timeFrame": "daily",
                "currentCount": 7,
                "longestStreak": 7,
                "lastCompletedAt": "2025-11-07T09:00:00.000Z",
                "missedCount": 0,
                "completedDates": [f"2025-11-0{d}" for d in "1234567"],
                "milestonesClaimed": [7],
            }
        ],
        "count": 1,
    }


async def test_one_streak_by_id_is_the_same_entry(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await login_on(app, tenant, clock, "user_123", "2025-11-05 00:00")
    r = await tenant.client.get("/v1/user/user_123/streak/daily_login", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == {
        "userId": "user_123",
        "streakId": "daily_login",
        "currentStartDate": utc("2025-11-05 00:00"),
        "timeFrame": "daily",
        "currentCount": 1,
        "longestStreak": 1,
        "lastCompletedAt": "2025-11-05T00:00:00.000Z",
        "missedCount": 0,
        "completedDates": ["2025-11-05"],
        "milestonesClaimed": [],
    }


async def test_a_streak_not_started_reads_as_zero(tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await tenant.create_user("user_123")
    clock.set(utc("2025-11-05 15:00"))
    r = await tenant.client.get("/v1/user/user_123/streak/daily_login", headers=tenant.user("user_123"))
    assert r.json() == {
        "userId": "user_123",
        "streakId": "daily_login",
        "currentStartDate": utc("2025-11-05 00:00"),
        "timeFrame": "daily",
        "currentCount": 0,
        "longestStreak": 0,
        "lastCompletedAt": None,
        "missedCount": 0,
        "completedDates": [],
        "milestonesClaimed": [],
    }
    listed = await tenant.client.get("/v1/user/user_123/streak", headers=tenant.user("user_123"))
    assert listed.json() == {"streaks": [], "count": 0}


async def test_an_unknown_streak_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/user_123/streak/nope", headers=tenant.user("user_123"))
    assert r.status_code == 404
    assert r.json()["statusCode"] == 404


async def test_another_users_streaks_are_403_for_a_plain_token(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/someone_else/streak", headers=tenant.user("user_123"))
    assert r.status_code == 403


async def test_a_lapsed_streak_reads_as_reset_without_a_write(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    await login_on(app, tenant, clock, "u", "2025-11-01 09:00", "2025-11-02 09:00", "2025-11-03 09:00")
    clock.set(utc("2025-11-06 10:00"))
    view = (await tenant.client.get("/v1/user/u/streak/daily_login", headers=tenant.user("u"))).json()
    assert (view["currentCount"], view["missedCount"], view["longestStreak"]) == (0, 1, 3)
    assert view["currentStartDate"] == utc("2025-11-06 00:00")
    assert view["lastCompletedAt"] == "2025-11-03T09:00:00.000Z"


async def test_coming_back_after_a_gap_starts_a_new_run(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await login_on(app, tenant, clock, "u", "2025-11-01 09:00", "2025-11-02 09:00", "2025-11-05 09:00")
    view = (await tenant.client.get("/v1/user/u/streak/daily_login", headers=tenant.user("u"))).json()
    assert (view["currentCount"], view["missedCount"], view["longestStreak"]) == (1, 1, 2)
    assert view["currentStartDate"] == utc("2025-11-05 00:00")


async def test_milestone_points_are_paid_once(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant, {**DAILY_LOGIN, "milestones": {"2": 50}})
    # A run of 3 (reaches 2), a gap, then another run of 2: the milestone pays only the first time.
    await login_on(
        app,
        tenant,
        clock,
        "u",
        "2025-11-01 09:00",
        "2025-11-02 09:00",
        "2025-11-03 09:00",
        "2025-11-06 09:00",
        "2025-11-07 09:00",
    )
    points = await tenant.client.get("/v1/user/u/points", headers=tenant.user("u"))
    assert points.json()["points"] == 50
    export = (await tenant.client.get("/v1/user/u/export", headers=tenant.admin)).json()
    notes = [n for n in export["notifications"] if n["type"] == "streakMilestoneReached"]
    assert [n["payload"] for n in notes] == [
        {
            "streakId": "daily_login",
            "milestone": 2,
            "metricChanges": {"points": {"oldValue": 0, "newValue": 50}},
        }
    ]
    assert [(e["source"], e["reference"], e["amount"]) for e in export["ledger_entries"]] == [
        ("streak", "daily_login#2", 50)
    ]
    history = await tenant.client.get("/v1/user/u/history", headers=tenant.user("u"))
    assert [(h["type"], h["points"], h["globalEventDateKey"]) for h in history.json()] == [
        ("STREAK", 50, "2025-11-02")
    ]


async def test_freezes_bridge_a_missed_day(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant, {**DAILY_LOGIN, "freezes": 1})
    await login_on(app, tenant, clock, "u", "2025-11-01 09:00", "2025-11-03 09:00")
    view = (await tenant.client.get("/v1/user/u/streak/daily_login", headers=tenant.user("u"))).json()
    assert (view["currentCount"], view["missedCount"], view["completedDates"]) == (
        2,
        0,
        ["2025-11-01", "2025-11-03"],
    )


async def test_other_events_and_failed_conditions_do_not_count(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    clock.set(utc("2025-11-01 09:00"))
    await log_activity(app, tenant, "u", "purchase")
    await log_activity(app, tenant, "u", "login", condition_reached=False)
    r = await tenant.client.get("/v1/user/u/streak", headers=tenant.user("u"))
    assert r.json() == {"streaks": [], "count": 0}


async def test_periods_follow_the_tenant_time_zone(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    r = await tenant.put("settings", "tenant", {"timeZone": "Europe/Berlin"})
    assert r.status_code == 200, r.text
    # 22:30Z and 23:30Z on Nov 4 are two Berlin days (Nov 4 23:30, Nov 5 00:30).
    await login_on(app, tenant, clock, "u", "2025-11-04 22:30", "2025-11-04 23:30")
    view = (await tenant.client.get("/v1/user/u/streak/daily_login", headers=tenant.user("u"))).json()
    assert (view["currentCount"], view["completedDates"]) == (2, ["2025-11-04", "2025-11-05"])
    assert view["currentStartDate"] == utc("2025-11-03 23:00")


async def test_a_users_own_time_zone_overrides_the_tenants(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    await tenant.create_user("u")
    r = await tenant.client.put(
        "/v1/user/u/timezone", json={"timeZone": "America/Los_Angeles"}, headers=tenant.user("u")
    )
    assert r.status_code == 200
    assert r.json() == {"userId": "u", "timeZone": "America/Los_Angeles"}
    # 06:00Z Nov 5 is 22:00 Nov 4 in Los Angeles; 20:00Z Nov 5 is Nov 5 there: two days, not one.
    await login_on(app, tenant, clock, "u", "2025-11-05 06:00", "2025-11-05 20:00")
    view = (await tenant.client.get("/v1/user/u/streak/daily_login", headers=tenant.user("u"))).json()
    assert (view["currentCount"], view["completedDates"]) == (2, ["2025-11-04", "2025-11-05"])


async def test_an_unknown_time_zone_is_400_naming_the_field(tenant: TenantHandle) -> None:
    await tenant.create_user("u")
    r = await tenant.client.put(
        "/v1/user/u/timezone", json={"timeZone": "Mars/Olympus"}, headers=tenant.user("u")
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "timeZone"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"streakId": "s", "eventIds": []}, "eventIds"),
        ({"streakId": "s"}, "eventIds"),
        ({"streakId": "s", "eventIds": ["login"], "timeFrame": "yearly"}, "timeFrame"),
        ({"streakId": "s", "eventIds": ["login"], "milestones": {"seven": 5}}, "milestones"),
        ({"streakId": "s", "eventIds": ["login"], "milestones": {"7": 0}}, "milestones"),
        ({"streakId": "s", "eventIds": ["login"], "freezes": -1}, "freezes"),
        ({"streakId": "s", "eventIds": ["login"], "colour": "red"}, "colour"),
    ],
)
async def test_invalid_streak_definitions_are_400_naming_the_field(
    tenant: TenantHandle, body: dict[str, Any], field: str
) -> None:
    r = await tenant.put("streaks", "s", body)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == field


async def test_a_streak_definition_round_trips_through_the_admin_api(tenant: TenantHandle) -> None:
    await configure(tenant, {**DAILY_LOGIN, "freezes": 2, "title": {"en": "Daily login"}})
    r = await tenant.client.get("/v1/admin/streaks/daily_login", headers=tenant.admin)
    assert r.json() == {
        "streakId": "daily_login",
        "eventIds": ["login"],
        "timeFrame": "daily",
        "milestones": {"7": 50},
        "title": {"en": "Daily login"},
        "description": None,
        "image": None,
        "status": "ACTIVE",
        "freezes": 2,
        "version": 1,
    }


# --- GET /v1/analytics/streak (seed 002) ---------------------------------------------------------


async def test_streak_analytics_without_participants_is_a_null_body(tenant: TenantHandle) -> None:
    await configure(tenant)
    r = await tenant.client.get("/v1/analytics/streak?streakId=daily_login", headers=tenant.admin)
    assert r.status_code == 200
    assert r.content == b"null"
    unknown = await tenant.client.get("/v1/analytics/streak?streakId=nope", headers=tenant.admin)
    assert (unknown.status_code, unknown.content) == (200, b"null")


async def test_streak_analytics_answer_the_seed_fields(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await login_on(app, tenant, clock, "alive_3", "2025-11-03 09:00", "2025-11-04 09:00", "2025-11-05 09:00")
    await login_on(app, tenant, clock, "alive_1", "2025-11-04 09:00")
    await login_on(app, tenant, clock, "lapsed", *[f"2025-10-0{d} 09:00" for d in "12345"])
    clock.set(utc("2025-11-05 18:00"))
    r = await tenant.client.get("/v1/analytics/streak?streakId=daily_login", headers=tenant.manager())
    assert r.status_code == 200
    assert r.json() == {
        "streakId": "daily_login",
        "totalParticipants": 3,
        "activeParticipants": 2,
        "averageStreakLength": 2.0,
        "longestUserStreak": 5,
        "completionRate": 0.67,
    }


async def test_streak_analytics_need_the_view_scope(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/analytics/streak?streakId=daily_login", headers=tenant.user("u"))
    assert r.status_code == 403


async def test_streak_analytics_without_streak_id_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/analytics/streak", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "streakId"


# --- through POST /v1/event (seed 002), once the events feature is merged ------------------------

LOGIN_EVENT = {
    "eventId": "login",
    "title": "Login",
    "status": "ACTIVE",
    "type": "FIXED",
    "reward": {"default": 5},
}


async def test_logging_events_advances_the_streak(tenant: TenantHandle, clock: Clock) -> None:
    assert (await tenant.put("events", "login", LOGIN_EVENT)).status_code == 200
    await configure(tenant, {**DAILY_LOGIN, "milestones": {"2": 50}})
    await tenant.create_user("user_123")
    for day in ("2025-11-04 08:00", "2025-11-04 20:00", "2025-11-05 08:00"):
        clock.set(utc(day))
        r = await tenant.client.post(
            "/v1/event", json={"eventId": "login", "userId": "user_123"}, headers=tenant.user("user_123")
        )
        assert r.status_code == 200, r.text
    view = (await tenant.client.get("/v1/user/user_123/streak", headers=tenant.user("user_123"))).json()
    assert view["count"] == 1
    streak = view["streaks"][0]
    assert (streak["currentCount"], streak["completedDates"], streak["milestonesClaimed"]) == (
        2,
        ["2025-11-04", "2025-11-05"],
        [2],
    )
    points = await tenant.client.get("/v1/user/user_123/points", headers=tenant.user("user_123"))
    assert points.json()["points"] == 3 * 5 + 50


async def test_concurrent_events_on_one_day_count_the_day_once(
    tenant: TenantHandle, live_server: str
) -> None:
    assert (await tenant.put("events", "login", LOGIN_EVENT)).status_code == 200
    await configure(tenant, {**DAILY_LOGIN, "milestones": {"1": 100}})
    await tenant.create_user("racer")
    headers = tenant.user("racer")
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as client:
        answers = await asyncio.gather(
            *[
                client.post("/v1/event", json={"eventId": "login", "userId": "racer"}, headers=headers)
                for _ in range(20)
            ]
        )
        assert [a.status_code for a in answers] == [200] * 20
        view = (await client.get("/v1/user/racer/streak/daily_login", headers=headers)).json()
        points = (await client.get("/v1/user/racer/points", headers=headers)).json()["points"]
    assert (view["currentCount"], len(view["completedDates"]), view["milestonesClaimed"]) == (1, 1, [1])
    assert points == 20 * 5 + 100


async def test_simultaneous_activities_on_one_day_count_it_once(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant, {**DAILY_LOGIN, "milestones": {"1": 100}})
    await tenant.create_user("racer")
    clock.set(utc("2025-11-05 09:00"))
    await asyncio.gather(*[log_activity(app, tenant, "racer", "login") for _ in range(12)])
    view = (await tenant.client.get("/v1/user/racer/streak/daily_login", headers=tenant.admin)).json()
    assert (view["currentCount"], view["completedDates"], view["milestonesClaimed"]) == (
        1,
        ["2025-11-05"],
        [1],
    )
    points = await tenant.client.get("/v1/user/racer/points", headers=tenant.admin)
    assert points.json()["points"] == 100
