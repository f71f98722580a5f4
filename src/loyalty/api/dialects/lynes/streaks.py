"""Seed 000 streak endpoints, seed 002 streak analytics, and a user's own time zone."""

from __future__ import annotations

import msgspec

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.gamification import streaks
from loyalty.app.users.users import check_user_id
from loyalty.core.errors import invalid

TAGS = ("Lynes: streaks",)


class Streak(msgspec.Struct):
    userId: str
    streakId: str
    currentStartDate: int
    timeFrame: str
    currentCount: int
    longestStreak: int
    lastCompletedAt: str | None
    missedCount: int
    completedDates: list[str]
    milestonesClaimed: list[int]


class StreakList(msgspec.Struct):
    streaks: list[Streak]
    count: int


class StreakAnalytics(msgspec.Struct):
    streakId: str
    totalParticipants: int
    activeParticipants: int
    averageStreakLength: float
    longestUserStreak: int
    completionRate: float


class TimeZoneBody(msgspec.Struct, forbid_unknown_fields=True):
    timeZone: str | None


class UserTimeZone(msgspec.Struct):
    userId: str
    timeZone: str | None


async def list_streaks(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    return Reply(await streaks.user_streaks(call.services, call.principal, user_id))


async def get_streak(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    view = await streaks.user_streak(call.services, call.principal, user_id, call.params["streakId"])
    return Reply(view)


async def streak_analytics(call: Call) -> Reply:
    streak_id = call.query.get("streakId")
    if not streak_id:
        raise invalid("streakId", "'streakId' is required")
    return Reply(await streaks.streak_analytics(call.services, call.principal, streak_id))


async def set_time_zone(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    body: TimeZoneBody = call.body
    return Reply(await streaks.set_time_zone(call.tx, user_id, body.timeZone))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/user/{userId}/streak",
        list_streaks,
        "Get a user's streaks",
        responses={200: StreakList},
        tags=TAGS,
        operation_id="listUserStreaks",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/streak/{streakId}",
        get_streak,
        "Get one streak of a user",
        responses={200: Streak},
        tags=TAGS,
        operation_id="getUserStreak",
    ),
    Endpoint(
        "GET",
        "/v1/analytics/streak",
        streak_analytics,
        "Streak analytics (null while nobody has progress); needs the view scope",
        responses={200: StreakAnalytics | None},
        query={"streakId": Query("the configured streak", required=True)},
        tags=TAGS,
        operation_id="getStreakAnalytics",
    ),
    Endpoint(
        "PUT",
        "/v1/user/{userId}/timezone",
        set_time_zone,
        "Set the user's own IANA time zone for streak periods (null: the tenant's)",
        body=TimeZoneBody,
        write=True,
        responses={200: UserTimeZone},
        tags=TAGS,
        operation_id="setUserTimeZone",
    ),
]
