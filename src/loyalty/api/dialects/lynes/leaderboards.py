"""Leaderboards: top N with ranks and the asking user's position, and a user's ranks."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.gamification import leaderboards
from loyalty.app.users.users import check_user_id
from loyalty.core.leaderboards import PERIODS

TAGS = ("Lynes: leaderboards",)


class RankedEntry(msgspec.Struct):
    rank: int | None
    userId: str
    score: int


class Neighbours(msgspec.Struct):
    above: list[RankedEntry]
    below: list[RankedEntry]


class Leaderboard(msgspec.Struct):
    leaderboardId: str
    title: str | dict[str, str] | None
    metric: str
    usergroup: str | None
    period: str
    periodKey: str
    entries: list[RankedEntry]
    user: RankedEntry | None
    neighbours: Neighbours


class UserRank(msgspec.Struct):
    leaderboardId: str
    period: str
    periodKey: str
    rank: int | None
    score: int


class UserRanks(msgspec.Struct):
    userId: str
    ranks: list[UserRank]


def entry_data(view: leaderboards.RankedEntryView) -> dict[str, Any]:
    return {"rank": view.rank, "userId": view.user_id, "score": view.score}


def leaderboard_data(view: leaderboards.LeaderboardView) -> dict[str, Any]:
    return {
        "leaderboardId": view.leaderboard_id,
        "title": view.title,
        "metric": view.metric,
        "usergroup": view.usergroup,
        "period": view.period,
        "periodKey": view.period_key,
        "entries": [entry_data(entry) for entry in view.entries],
        "user": None if view.user is None else entry_data(view.user),
        "neighbours": {
            "above": [entry_data(entry) for entry in view.above],
            "below": [entry_data(entry) for entry in view.below],
        },
    }


def user_ranks_data(view: leaderboards.UserRanksView) -> dict[str, Any]:
    return {
        "userId": view.user_id,
        "ranks": [
            {
                "leaderboardId": rank.leaderboard_id,
                "period": rank.period,
                "periodKey": rank.period_key,
                "rank": rank.rank,
                "score": rank.score,
            }
            for rank in view.ranks
        ],
    }


async def get_leaderboard(call: Call) -> Reply:
    user_id = call.query.get("userId")
    if user_id is not None:
        check_user_id(user_id)
    view = await leaderboards.leaderboard(
        call.services,
        call.principal,
        call.params["leaderboardId"],
        period=call.query.get("period"),
        limit=leaderboards.parse_limit(call.query.get("limit")),
        user_id=user_id,
    )
    return Reply(leaderboard_data(view))


async def get_user_ranks(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    view = await leaderboards.user_ranks(
        call.services, call.principal, user_id, leaderboard_id=call.query.get("leaderboardId") or None
    )
    return Reply(user_ranks_data(view))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/leaderboard/{leaderboardId}",
        get_leaderboard,
        "Top N of a leaderboard with ranks, and the asking user's rank and neighbours",
        responses={200: Leaderboard},
        query={
            "period": Query("the window (default: all, else the board's first)", PERIODS),
            "limit": Query("how many top entries, 1-100 (default 10)", int),
            "userId": "whose own rank to show (default: the token's user; others need the view scope)",
        },
        tags=TAGS,
        operation_id="getLeaderboard",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/rank",
        get_user_ranks,
        "A user's rank and score in every period of every active leaderboard",
        responses={200: UserRanks},
        query={"leaderboardId": "only this leaderboard"},
        tags=TAGS,
        operation_id="getUserRanks",
    ),
]
