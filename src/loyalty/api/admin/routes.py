from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api.admin.kind_shapes import per_kind
from loyalty.api.dialects.lynes.errors import LynesError, render_error
from loyalty.api.routing import Call, Dialect, Endpoint, Reply
from loyalty.app.ledger import adjustments
from loyalty.app.tenancy import admin
from loyalty.app.users import users

DIALECT = Dialect(name="admin", render_error=render_error, error_shape=LynesError)
TAGS = ("Admin",)


async def list_kind(call: Call) -> Reply:
    return Reply(await admin.list_items(call.services, call.principal, call.params["kind"]))


async def get_one(call: Call) -> Reply:
    return Reply(await admin.get_item(call.services, call.principal, call.params["kind"], call.params["id"]))


async def put_one(call: Call) -> Reply:
    assert call.tx is not None
    body: Any = call.body
    return Reply(await admin.put_item(call.tx, call.params["kind"], call.params["id"], body))


async def delete_one(call: Call) -> Reply:
    assert call.tx is not None
    return Reply(await admin.delete_item(call.tx, call.params["kind"], call.params["id"]))


class AdjustmentBody(msgspec.Struct, forbid_unknown_fields=True):
    points: int
    """Positive to add points, negative to take them away."""
    reason: str
    """Why: kept on the ledger line and in the audit trail."""


class AdjustmentReply(msgspec.Struct):
    userId: str
    points: int
    balance: int
    entryId: int
    reason: str


async def adjust_points(call: Call) -> Reply:
    assert call.tx is not None
    body: AdjustmentBody = call.body
    done = await adjustments.adjust_points(call.tx, call.params["userId"], body.points, body.reason)
    return Reply(
        AdjustmentReply(
            userId=done.user_id,
            points=done.points,
            balance=done.balance,
            entryId=done.entry_id,
            reason=done.reason,
        ),
        status=201,
    )


class BirthdayBody(msgspec.Struct, forbid_unknown_fields=True):
    birthday: str | None
    """``MM-DD``, or null to clear it."""


class BirthdayReply(msgspec.Struct):
    userId: str
    birthday: str | None


async def set_birthday(call: Call) -> Reply:
    assert call.tx is not None
    body: BirthdayBody = call.body
    done = await users.set_birthday(call.tx, call.params["userId"], body.birthday)
    return Reply(BirthdayReply(userId=done.user_id, birthday=done.birthday))


KIND_DOC = (
    "Kinds: events, challenges, streaks, surveys, offers, metrics, inventory, milestones, leaderboards, "
    "webhooks, usergroups, referrals, campaigns, api-keys, settings (id 'tenant'), audit (read-only)."
)

ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/admin/{kind}",
        list_kind,
        "List the configuration items of a kind. " + KIND_DOC,
        responses={200: list[dict[str, Any]]},
        tags=TAGS,
        operation_id="listAdminItems",
        documented_as=per_kind("list", list_kind, TAGS),
    ),
    Endpoint(
        "GET",
        "/v1/admin/{kind}/{id}",
        get_one,
        "Get one configuration item",
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="getAdminItem",
        documented_as=per_kind("get", get_one, TAGS),
    ),
    Endpoint(
        "PUT",
        "/v1/admin/{kind}/{id}",
        put_one,
        "Create or replace a configuration item (api-keys: the key is shown once in the answer)",
        body=dict[str, Any],
        write=True,
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="putAdminItem",
        documented_as=per_kind("put", put_one, TAGS),
    ),
    Endpoint(
        "DELETE",
        "/v1/admin/{kind}/{id}",
        delete_one,
        "Delete a configuration item (api-keys: revoke)",
        write=True,
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="deleteAdminItem",
        documented_as=per_kind("delete", delete_one, TAGS),
    ),
    Endpoint(
        "POST",
        "/v1/admin/users/{userId}/adjustments",
        adjust_points,
        "Adjust a user's points by hand (manage or admin): positive adds, negative takes away "
        "(never below zero); the reason goes to the ledger line and the audit trail",
        body=AdjustmentBody,
        write=True,
        responses={201: AdjustmentReply},
        tags=TAGS,
        operation_id="adjustUserPoints",
    ),
    Endpoint(
        "PUT",
        "/v1/admin/users/{userId}/birthday",
        set_birthday,
        "Set (MM-DD) or clear (null) a user's birthday, the day the birthday reward is paid "
        "(manage or admin; audited)",
        body=BirthdayBody,
        write=True,
        responses={200: BirthdayReply},
        tags=TAGS,
        operation_id="setUserBirthday",
    ),
]
