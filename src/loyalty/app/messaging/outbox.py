"""The transactional outbox: a change and the webhook messages announcing it commit together.

``publish`` writes one row per subscribed, active webhook in the caller's transaction, so a
rolled-back change sends nothing and a committed one is delivered even if the process dies right
after the commit. It costs nothing (no SQL) when no webhook of the tenant wants the event type.

Messages hold personal data. ``forget_user`` (in a user's deletion) redacts the user's messages,
all but the ``user.deleted`` notice; the deliverers remove finished messages after the retention
period (``app/messaging/delivery.py``).
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import msgspec

from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.messaging.ports import PENDING, NewOutboxMessage
from loyalty.app.tenancy.tenants import TenantConfig

# Stable names; receivers switch on them (``X-Loyalty-Event`` and the body's ``type``).
EVENT_TYPES = (
    "points.awarded",
    "points.redeemed",
    "points.expired",
    "coupon.issued",
    "coupon.revoked",
    "challenge.completed",
    "streak.milestone",
    "milestone.changed",
    "referral.rewarded",
    "points.expiring",
    "lifecycle.rewarded",
    "user.deleted",
)

WAKEUP = "delivery_wakeup"
"""``services.extras`` key of the ``asyncio.Event`` an in-process delivery loop waits on."""
_WAKE_HOOK = "delivery_wake_hook"


def subscribers(tx: Tx, event_type: str) -> list[Any]:
    """The tenant's active webhooks (``app.messaging.webhooks.Webhook``) that want ``event_type``."""
    return subscribers_of(tx.tenant, event_type)


def subscribers_of(tenant: TenantConfig, event_type: str) -> list[Any]:
    hooks = tenant.all("webhooks")
    return [h for h in hooks.values() if h.active and event_type in h.eventTypes]


async def publish(tx: Tx, event_type: str, payload: dict[str, Any], *, user_id: str | None = None) -> None:
    """Queue ``event_type`` with ``payload`` (plus ``userId``) for every webhook subscribed to it."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown webhook event type {event_type!r}")
    hooks = subscribers(tx, event_type)
    if not hooks:
        return
    data = {"userId": user_id, **payload} if user_id is not None else dict(payload)
    retry_until = tx.now + tx.services.settings.delivery_retry_hours * 3_600_000
    rows: list[NewOutboxMessage] = []
    for hook in hooks:
        delivery_id = "whd_" + uuid.uuid4().hex
        body = message_body(delivery_id, event_type, tx.tenant.name, tx.now, data)
        rows.append(
            {
                "delivery_id": delivery_id,
                "tenant_id": tx.tenant.id,
                "webhook_id": hook.id,
                "event_type": event_type,
                "body": body,
                "status": PENDING,
                "attempts": 0,
                "next_attempt_at": tx.now,
                "retry_until": retry_until,
                "created_at": tx.now,
                "user_id": user_id,
            }
        )
    await tx.store.outbox.insert_messages(rows)
    hook_after_commit = wake_hook(tx.services)
    if hook_after_commit is not None and hook_after_commit not in tx.after_commit:
        tx.after_commit.append(hook_after_commit)


async def publish_for(tx: Tx, event_type: str, payload: dict[str, Any], *, user_pk: int) -> None:
    """``publish`` for callers that hold the user's key: the user id is looked up only when some
    webhook wants the event, so the hot path pays nothing when nobody subscribed."""
    if not subscribers(tx, event_type):
        return
    user_id = await tx.store.outbox.external_user_id(user_pk)
    await publish(tx, event_type, payload, user_id=user_id)


def message_body(
    delivery_id: str, event_type: str, tenant: str, created_at: int, data: dict[str, Any], **extra: Any
) -> str:
    """The JSON text that is signed and sent (see docs/webhooks.md, "The message")."""
    body = {"id": delivery_id, "type": event_type, "tenant": tenant, "createdAt": created_at, "data": data}
    return msgspec.json.encode({**body, **extra}).decode()


async def forget_user(tx: Tx, user_id: str) -> int:
    """Redact every message about ``user_id`` (queued, failed or in the delivery log) to its type
    and time: ``data`` becomes empty and ``redacted`` true. Messages still to be sent are sent so
    redacted. Runs in the deletion's transaction, before its ``user.deleted`` notice is queued,
    which keeps the ``userId``. Returns how many messages were redacted."""
    rows = await tx.store.outbox.messages_about_user(tx.tenant.id, user_id)
    bodies = {
        int(row["id"]): message_body(
            row["delivery_id"], row["event_type"], tx.tenant.name, int(row["created_at"]), {}, redacted=True
        )
        for row in rows
    }
    await tx.store.outbox.replace_bodies(bodies)
    return len(bodies)


async def queue_depth(services: Services) -> dict[str, int]:
    """How many messages (every tenant's) are pending and failed, for the ``/metrics`` gauge."""
    async with services.stores.read() as store:
        return await store.outbox.queue_depth()


def wake_hook(services: Services) -> Callable[[], Awaitable[None]] | None:
    """Wakes this process's delivery loop after commit (none when delivery runs elsewhere)."""
    hook: Callable[[], Awaitable[None]] | None = services.extras.get(_WAKE_HOOK)
    if hook is None and WAKEUP in services.extras:
        event = services.extras[WAKEUP]

        async def wake() -> None:
            event.set()

        hook = services.extras[_WAKE_HOOK] = wake
    return hook
