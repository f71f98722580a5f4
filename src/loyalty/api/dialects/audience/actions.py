"""Seed 001 ``POST /api/loyalty/action``: an action is an event of the rules engine."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.gamification_shapes import moved_data
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.events import events
from loyalty.app.users.users import check_user_id
from loyalty.core.errors import invalid

TAGS = ("Audience: actions",)
MAX_ACTION_STRING = 1024


class ActionBody(msgspec.Struct):
    action: Any = None
    data: Any = None
    userId: Any = None
    """Only for API keys (server to server); a user token acts for its own ``sub``."""


class ActionToLog(msgspec.Struct):
    """An action of the user (the document's shape of ``ActionBody``)."""

    action: str
    data: dict[str, Any] | None = None
    userId: str | None = None
    """Only for API keys (server to server); a user token acts for its own ``sub``."""


class ActionResult(msgspec.Struct):
    message: str
    data: dict[str, Any]


def action_request(action: object, data: object, user_id: object) -> events.EventRequest:
    """An action is an event of the rules engine under another name: ``action`` is the event id,
    ``data`` the metadata: strings up to 1024 characters, numbers, booleans (seed 001)."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise invalid("data", "'data' must be an object")
    for key, value in data.items():
        name = f"data.{key}"
        if isinstance(value, str):
            if len(value) > MAX_ACTION_STRING:
                raise invalid(name, f"'{name}' must be at most {MAX_ACTION_STRING} characters")
        elif not isinstance(value, bool | int | float):
            raise invalid(name, f"'{name}' must be a string, a number or a boolean")
    checked_action = events.check_event_id(action, "action")
    return events.EventRequest(checked_action, check_user_id(user_id, "userId"), data)


async def log_action(call: Call) -> Reply:
    assert call.tx is not None
    body: ActionBody = call.body
    user_id = call.principal.subject if call.principal.subject is not None else body.userId
    request = action_request(body.action, body.data, user_id)
    result = await events.log_event(call.tx, request)
    data = {
        "action": request.event_id,
        "points": result.points,
        "conditionReached": result.condition_reached,
        "limitReached": result.limit_reached,
        **{key: moved_data(key, value) for key, value in result.extra.items()},
    }
    return Reply({"message": "OK", "data": data})


ENDPOINTS = [
    Endpoint(
        "POST",
        "/action",
        log_action,
        "Log an action of the authenticated user",
        body=ActionBody,
        documented_body=ActionToLog,
        write=True,
        responses={200: ActionResult},
        tags=TAGS,
        operation_id="logAudienceAction",
    ),
]
