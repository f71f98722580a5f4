"""Seed 002 ``GET /v1/stats/event``: global or per-event statistics over a period."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.stats import stats
from loyalty.core.periods import PERIODS

TAGS = ("Lynes: events & analytics",)


class DayStats(msgspec.Struct):
    events: int
    users: int
    points: int
    hourlyDistribution: list[int]


class EventDayStats(msgspec.Struct):
    count: int
    users: int
    points: int
    hourlyDistribution: list[int]


class EventTotals(msgspec.Struct):
    count: int
    users: int
    points: int


class CampaignTotals(msgspec.Struct):
    count: int
    points: int


class UsersMetadata(msgspec.Struct):
    uniqueUsersCalculationMethod: str
    uniqueUsersNote: str | None


class GlobalData(msgspec.Struct, omit_defaults=True):
    """Seed 002's shape; the campaign fields appear only when campaigns added points."""

    totalEvents: int
    uniqueUsers: int
    totalPoints: int
    eventBreakdown: dict[str, EventTotals]
    topEvents: list[str]
    dailyData: dict[str, DayStats]
    _metadata: UsersMetadata = msgspec.field(name="_metadata")
    campaignPoints: int = 0
    """Of ``totalPoints``, the points campaigns added (added to the seed's shape)."""
    campaignBreakdown: dict[str, CampaignTotals] = msgspec.field(default_factory=dict)
    """Campaign id -> the events it added to and the points it added."""


class GlobalStats(msgspec.Struct):
    period: str
    eventId: None
    startDate: str | None
    endDate: str
    data: GlobalData


class EventData(msgspec.Struct):
    totalCount: int
    uniqueUsers: int
    pointsAwarded: int
    conditionMet: int
    conditionFailed: int
    limitReached: int
    dailyData: dict[str, EventDayStats]


class EventStats(msgspec.Struct):
    period: str
    eventId: str
    startDate: str | None
    endDate: str
    data: EventData


def global_shape(view: stats.GlobalStatsView) -> GlobalStats:
    return GlobalStats(
        period=view.period,
        eventId=None,
        startDate=view.start,
        endDate=view.end,
        data=GlobalData(
            totalEvents=view.total_events,
            uniqueUsers=view.unique_users,
            totalPoints=view.total_points,
            eventBreakdown={
                e: EventTotals(count=t.count, users=t.users, points=t.points)
                for e, t in view.breakdown.items()
            },
            topEvents=view.top_events,
            dailyData={
                day: DayStats(events=d.events, users=d.users, points=d.points, hourlyDistribution=d.hourly)
                for day, d in view.daily.items()
            },
            _metadata=UsersMetadata(
                uniqueUsersCalculationMethod=view.users_method, uniqueUsersNote=view.users_note
            ),
            campaignPoints=sum(t.points for t in view.campaigns.values()),
            campaignBreakdown={
                c: CampaignTotals(count=t.count, points=t.points) for c, t in view.campaigns.items()
            },
        ),
    )


def event_shape(view: stats.EventStatsView) -> EventStats:
    return EventStats(
        period=view.period,
        eventId=view.event_id,
        startDate=view.start,
        endDate=view.end,
        data=EventData(
            totalCount=view.total_count,
            uniqueUsers=view.unique_users,
            pointsAwarded=view.points,
            conditionMet=view.condition_met,
            conditionFailed=view.condition_failed,
            limitReached=view.limit_reached,
            dailyData={
                day: EventDayStats(
                    count=d.events, users=d.users, points=d.points, hourlyDistribution=d.hourly
                )
                for day, d in view.daily.items()
            },
        ),
    )


async def get_event_stats(call: Call) -> Reply:
    query: Any = call.query
    call.principal.require_view()
    rng = await stats.resolve_range(
        call.services, call.principal, query.get("period"), query.get("timeframe"), query.get("month")
    )
    event_id = query.get("eventId") or None
    if event_id is None:
        return Reply(global_shape(await stats.global_stats(call.services, call.principal, rng)))
    return Reply(event_shape(await stats.event_stats(call.services, call.principal, rng, event_id)))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/stats/event",
        get_event_stats,
        "Event statistics, global or for one event, over a period",
        responses={200: GlobalStats | EventStats},
        query={
            "period": Query("the window, 7d by default; each ends today (tenant zone)", PERIODS),
            "eventId": "statistics of this event only (zeros for an event without data)",
            "timeframe": Query("month: one calendar month, given by 'month'", ("month",)),
            "month": "YYYY-MM, with timeframe=month",
        },
        tags=TAGS,
        operation_id="getEventStats",
    ),
]
