"""Seed 000 user endpoints: create, delete, points, history, plus the GDPR export."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.users import users
from loyalty.core.errors import invalid
from loyalty.core.lifecycle import check_birthday

TAGS = ("Lynes: users",)


class CreateUserBody(msgspec.Struct):
    userId: str | None = None
    birthday: str | None = None
    """Optional, ``MM-DD``: the day the birthday reward is paid (docs/lifecycle-rewards.md)."""


class UserCreated(msgspec.Struct):
    message: str
    userId: str
    createdAt: int


class UserDeleted(msgspec.Struct):
    message: str
    userId: str


class UserPoints(msgspec.Struct):
    userId: str
    points: int
    userExists: bool
    pendingPoints: int = 0
    """Points of events still in their return window: not spendable yet (added to the seed's shape)."""


class CampaignPoints(msgspec.Struct):
    campaignId: str
    points: int


class HistoryEntry(msgspec.Struct):
    id: str
    timestamp: int
    type: str
    points: int
    image: str | None
    description: dict[str, str] | None
    title: dict[str, str] | None
    userId: str
    globalEventDateKey: str
    campaigns: list[CampaignPoints] | msgspec.UnsetType = msgspec.UNSET
    """The campaigns that added to an event's points (only then; docs/campaigns.md)."""
    tierPoints: int | msgspec.UnsetType = msgspec.UNSET
    pendingUntil: int | msgspec.UnsetType = msgspec.UNSET
    """When an event's pending points become spendable (only for pending events)."""


def history_entry(view: users.HistoryEntryView) -> dict[str, Any]:
    """One entry in seed 000's shape; an event's campaigns, tier points and pending window are
    added only when it has them."""
    entry: dict[str, Any] = {
        "id": view.id,
        "timestamp": view.timestamp,
        "type": view.type,
        "points": view.points,
        "image": view.image,
        "description": view.description,
        "title": view.title,
        "userId": view.user_id,
        "globalEventDateKey": view.date_key,
    }
    extras = (
        ("campaigns", view.campaigns),
        ("tierPoints", view.tier_points),
        ("pendingUntil", view.pending_until),
    )
    entry.update((key, value) for key, value in extras if value is not None)
    return entry


def parse_bool(value: str | None, field: str, default: bool) -> bool:
    if value is None or value == "":
        return default
    lowered = value.lower()
    if lowered in ("true", "1"):
        return True
    if lowered in ("false", "0"):
        return False
    raise invalid(field, f"'{field}' must be true or false")


async def create_user(call: Call) -> Reply:
    assert call.tx is not None
    body: CreateUserBody = call.body
    user_id = users.check_user_id(body.userId)
    birthday = None if body.birthday is None else check_birthday(body.birthday)
    created = await users.create_user(call.tx, user_id, birthday=birthday)
    return Reply(
        UserCreated(
            message="user created successfully", userId=created.user_id, createdAt=created.created_at
        ),
        status=201,
    )


async def delete_user(call: Call) -> Reply:
    assert call.tx is not None
    user_id = users.check_user_id(call.params.get("userId"))
    await users.delete_user(call.tx, user_id)
    return Reply(
        UserDeleted(
            message="User data deletion process initiated successfully. Check logs for details.",
            userId=user_id,
        )
    )


async def get_points(call: Call) -> Reply:
    user_id = users.check_user_id(call.params.get("userId"))
    view = await users.points_view(call.services, call.principal, user_id)
    return Reply(
        UserPoints(
            userId=view.user_id,
            points=view.points,
            userExists=view.user_exists,
            pendingPoints=view.pending_points,
        )
    )


async def get_history(call: Call) -> Reply:
    user_id = users.check_user_id(call.params.get("userId"))
    sort = call.query.get("sort", "desc")
    if sort not in ("asc", "desc"):
        raise invalid("sort", "'sort' must be asc or desc")
    show_all = parse_bool(call.query.get("showAll"), "showAll", False)
    entries = await users.history(
        call.services, call.principal, user_id, ascending=sort == "asc", show_all=show_all
    )
    if not entries:
        return Reply(status=204)
    return Reply([history_entry(entry) for entry in entries])


async def export_user(call: Call) -> Reply:
    user_id = users.check_user_id(call.params.get("userId"))
    return Reply(await users.export_user(call.services, call.principal, user_id))


ENDPOINTS = [
    Endpoint(
        "POST",
        "/v1/user",
        create_user,
        "Create a user",
        body=CreateUserBody,
        write=True,
        responses={201: UserCreated},
        tags=TAGS,
        operation_id="createUser",
    ),
    Endpoint(
        "DELETE",
        "/v1/user/{userId}",
        delete_user,
        "Delete a user and all their data",
        write=True,
        responses={200: UserDeleted},
        tags=TAGS,
        operation_id="deleteUser",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/points",
        get_points,
        "Get a user's points",
        responses={200: UserPoints},
        tags=TAGS,
        operation_id="getUserPoints",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/history",
        get_history,
        "Get a user's reward history",
        responses={200: list[HistoryEntry], 204: None},
        query={
            "sort": Query("by timestamp (default desc)", ("asc", "desc")),
            "showAll": Query("include entries with 0 points (default false)", bool),
        },
        tags=TAGS,
        operation_id="getUserHistory",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/export",
        export_user,
        "Export everything stored about a user",
        responses={200: dict},
        tags=TAGS,
        operation_id="exportUser",
    ),
]
