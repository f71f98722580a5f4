"""Seed 001 notifications of the signed-in user, and marking them read."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.dialects.audience.profile import ok
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.kernel.texts import accepted_languages
from loyalty.app.messaging import notifications
from loyalty.app.users.audience_profile import subject_of
from loyalty.core.errors import invalid

TAGS = ("Audience: loyalty",)


class ReadBody(msgspec.Struct, forbid_unknown_fields=True):
    ids: list[str | int] | None = None
    """The notification ids to mark read (as returned); omitted: every unread notification."""


DERIVED_PREFIX = "ledger-"
"""Ids of the notifications of points earned by events: ``ledger-<ledger line id>``; a stored
notification's id is its number as a string."""


def wire_id(view: notifications.NotificationView) -> str:
    return f"{DERIVED_PREFIX}{view.id}" if view.derived else str(view.id)


def parse_ids(ids: object) -> notifications.ReadRequest | None:
    """``None`` (all unread) or the notification ids as returned (strings of digits for stored
    notifications, ``ledger-<n>`` for points earned by events; a bare number is a stored one)."""
    if ids is None:
        return None
    if not isinstance(ids, list) or len(ids) > notifications.MAX_MARK:
        raise invalid("ids", f"'ids' must be a list of at most {notifications.MAX_MARK} notification ids")
    stored: list[int] = []
    derived: list[int] = []
    for value in ids:
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if isinstance(text, str) and text.startswith(DERIVED_PREFIX):
            number, into = text.removeprefix(DERIVED_PREFIX), derived
        else:
            number, into = text, stored
        if not isinstance(number, str) or not number.isascii() or not number.isdigit() or len(number) > 18:
            raise invalid("ids", f"'ids' must hold notification ids, not {value!r}")
        into.append(int(number))
    return notifications.ReadRequest(stored=stored, derived=derived)


def notification_data(view: notifications.NotificationView) -> dict[str, Any]:
    """One notification in the seed 001 shape."""
    return {
        "id": wire_id(view),
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
    ids = parse_ids(body.ids if body is not None else None)
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
