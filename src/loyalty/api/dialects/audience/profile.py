"""Seed 001 reads of the signed-in user: loyalty configuration, rewards profile, history."""

from __future__ import annotations

from typing import Any

from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app import audience_profile
from loyalty.app.texts import accepted_languages
from loyalty.app.validation import MAX_SAFE_INTEGER, is_whole
from loyalty.core.errors import invalid

TAGS = ("Audience: loyalty",)


def ok(data: Any) -> Reply:
    return Reply({"message": "OK", "data": data})


def parse_ms(value: str | None, field: str) -> int | None:
    if value is None or value == "":
        return None
    if not is_whole(value) or abs(int(value)) > MAX_SAFE_INTEGER:
        raise invalid(field, f"'{field}' must be a timestamp in epoch milliseconds")
    return int(value)


async def get_config(call: Call) -> Reply:
    languages = accepted_languages(call.request.headers.get("accept-language"))
    return ok(await audience_profile.loyalty_config(call.services, call.principal, languages))


async def get_profile(call: Call) -> Reply:
    assert call.tx is not None
    return ok(await audience_profile.profile(call.tx))


async def get_history(call: Call) -> Reply:
    return ok(
        await audience_profile.history(
            call.services,
            call.principal,
            from_ts=parse_ms(call.query.get("from"), "from"),
            to_ts=parse_ms(call.query.get("to"), "to"),
        )
    )


ENDPOINTS = [
    Endpoint(
        "GET",
        "/config",
        get_config,
        "Get the loyalty configuration: metrics, inventory, challenges with missions and rewards",
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="getAudienceConfig",
    ),
    Endpoint(
        "GET",
        "/profile",
        get_profile,
        "Get the user's rewards profile (created empty when missing)",
        write=True,
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="getAudienceProfile",
    ),
    Endpoint(
        "GET",
        "/history",
        get_history,
        "Get the user's transaction history, oldest first",
        responses={200: dict[str, Any]},
        query={"from": Query("epoch ms, inclusive", int), "to": Query("epoch ms, inclusive", int)},
        tags=TAGS,
        operation_id="getAudienceHistory",
    ),
]
