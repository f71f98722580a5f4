"""Seed 000 streak endpoints, seed 002 streak analytics, and a user's own time zone."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.gamification import streaks
from loyalty.app.users.users import check_user_id
from loyalty.core.errors import invalid
from loyalty.core.timeutil import iso_utc

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


def streak_data(view: streaks.StreakView) -> dict[str, Any]:
    """One streak in seed 000's shape."""
    return {
        "userId": view.user_id,
        "streakId": view.streak_id,
        "currentStartDate": view.current_start,
        "timeFrame": view.time_frame,
        "currentCount": view.current_count,
        "longestStreak": view.longest,
        "lastCompletedAt": None if view.last_completed_at is None else iso_utc(view.last_completed_at),
        "missedCount": view.missed_count,
        "completedDates": list(view.completed_dates),
        "milestonesClaimed": list(view.milestones_claimed),
    }


def analytics_data(view: streaks.StreakAnalyticsView) -> dict[str, Any]:
    """A streak's analytics in seed 002's shape."""
    return {
        "streakId": view.streak_id,
        "totalParticipants": view.total_participants,
        "activeParticipants": view.active_participants,
        "averageStreakLength": view.average_length,
        "longestUserStreak": view.longest,
        "completionRate": view.completion_rate,
    }


async def list_streaks(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    views = await streaks.user_streaks(call.services, call.principal, user_id)
    return Reply({"streaks": [streak_data(view) for view in views], "count": len(views)})


async def get_streak(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    view = await streaks.user_streak(call.services, call.principal, user_id, call.params["streakId"])
    return Reply(streak_data(view))


async def streak_analytics(call: Call) -> Reply:
    streak_id = call.query.get("streakId")
    if not streak_id:
        raise invalid("streakId", "'streakId' is required")
    view = await streaks.streak_analytics(call.services, call.principal, streak_id)
    return Reply(None if view is None else analytics_data(view))


async def set_time_zone(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    body: TimeZoneBody = call.body
    view = await streaks.set_time_zone(call.tx, user_id, body.timeZone)
    return Reply({"userId": view.user_id, "timeZone": view.time_zone})


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
