"""Webhook deliveries in the admin API: list, one with its attempts, and the manual re-send.

Webhooks themselves are the generic admin kind ``webhooks``; these read the outbox, so they are
their own paths under the webhook they belong to.
"""

from __future__ import annotations

from typing import Any

from loyalty.api.admin.routes import DIALECT
from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.kernel.validation import is_whole
from loyalty.app.messaging import webhooks
from loyalty.core.errors import invalid

TAGS = ("Admin",)
DEFAULT_LIMIT = 100


def _limit(call: Call) -> int:
    raw = call.query.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    if not is_whole(raw):
        raise invalid("limit", "'limit' must be a whole number")
    return int(raw)


async def list_deliveries(call: Call) -> Reply:
    return Reply(
        await webhooks.list_deliveries(
            call.services,
            call.principal,
            call.params["id"],
            status=call.query.get("status"),
            limit=_limit(call),
        )
    )


async def get_delivery(call: Call) -> Reply:
    return Reply(
        await webhooks.get_delivery(
            call.services, call.principal, call.params["id"], call.params["deliveryId"]
        )
    )


async def resend_delivery(call: Call) -> Reply:
    assert call.tx is not None
    return Reply(await webhooks.resend_delivery(call.tx, call.params["id"], call.params["deliveryId"]))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/admin/webhooks/{id}/deliveries",
        list_deliveries,
        "List a webhook's deliveries, newest first, with status and attempt count",
        query={
            "status": Query("deliveries in this state", webhooks.DELIVERY_STATUSES),
            "limit": Query("1-500 (default 100)", int),
        },
        responses={200: list[dict[str, Any]]},
        tags=TAGS,
        operation_id="listWebhookDeliveries",
    ),
    Endpoint(
        "GET",
        "/v1/admin/webhooks/{id}/deliveries/{deliveryId}",
        get_delivery,
        "One delivery with every attempt (time, HTTP status, error, duration)",
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="getWebhookDelivery",
    ),
    Endpoint(
        "POST",
        "/v1/admin/webhooks/{id}/deliveries/{deliveryId}/resend",
        resend_delivery,
        "Send a delivery again now (same id and body), with a fresh retry period",
        write=True,
        responses={200: dict[str, Any]},
        tags=TAGS,
        operation_id="resendWebhookDelivery",
    ),
]

__all__ = ["DIALECT", "ENDPOINTS"]
