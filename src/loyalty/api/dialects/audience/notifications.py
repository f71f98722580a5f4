"""Seed 001 notifications of the signed-in user, and marking them read."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.dialects.audience.profile import ok
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.kernel.texts import accepted_languages
from loyalty.app.messaging import notifications
from loyalty.app.users.audience_profile import subject_of

TAGS = ("Audience: loyalty",)


class ReadBody(msgspec.Struct, forbid_unknown_fields=True):
    ids: list[str | int] | None = None
    """The notification ids to mark read (as returned); omitted: every unread notification."""


def notification_data(view: notifications.NotificationView) -> dict[str, Any]:
    """One notification in the seed 001 shape."""
    return {
        "id": view.id,
        "timestamp": view.timestamp,
        "type": view.type,
        "display": view.display,
        "title": view.title,
        "message": view.message,
        "payload": view.payload,
    }


async def list_notifications(call: Call) -> Reply:
    user_id = subject_of(call.principal)
    languages = accepted_languages(call.request.headers.get("accept-language"))
    views = await notifications.unread(call.services, call.principal, user_id, languages)
    return ok([notification_data(view) for view in views])


async def mark_read(call: Call) -> Reply:
    assert call.tx is not None
    user_id = subject_of(call.principal)
    body: ReadBody | None = call.body
    ids = notifications.parse_ids(body.ids if body is not None else None)
    marked = await notifications.mark_read(call.tx, user_id, ids)
    return ok({"marked": marked})


ENDPOINTS = [
    Endpoint(
        "GET",
        "/notifications",
        list_notifications,
        "Get the user's unread notifications, oldest first (title and message by Accept-Language)",
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="listAudienceNotifications",
    ),
    Endpoint(
        "POST",
        "/notifications/read",
        mark_read,
        "Mark notifications read: the given ids, or every unread one when 'ids' is omitted",
        body=ReadBody,
        body_optional=True,
        write=True,
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="markAudienceNotificationsRead",
    ),
]
