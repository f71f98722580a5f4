"""Admin kind ``webhooks``: where a tenant's systems want to hear about changes, and which ones.

The signing ``secret`` is write-only: required when a webhook is created, kept when a later PUT
omits it, and never returned (reads show ``secretSet``). ``signatureFormat`` chooses how messages
are signed: ``standard`` (Standard Webhooks, the default for new webhooks) or ``loyalty-v1`` (the
``X-Loyalty-Signature`` header, kept for the webhooks made before the standard format existed).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Literal
from urllib.parse import urlsplit

import msgspec

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.messaging import outbox
from loyalty.app.messaging.destinations import DestinationPolicy
from loyalty.app.messaging.outbox import EVENT_TYPES
from loyalty.app.messaging.ports import AttemptRow, OutboxRow
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found
from loyalty.settings import Settings

MIN_SECRET_LENGTH = 16
MAX_URL_LENGTH = 2000
SignatureFormat = Literal["standard", "loyalty-v1"]
STANDARD: SignatureFormat = "standard"
LOYALTY_V1: SignatureFormat = "loyalty-v1"
STANDARD_SECRET_PREFIX = "whsec_"
# Standard Webhooks: the key is 24 to 64 random bytes, written base64 after ``whsec_``.
STANDARD_KEY_BYTES = (24, 64)


class Webhook(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    url: str
    eventTypes: list[str]
    secret: str | None = None
    active: bool = True
    description: str | None = None
    signatureFormat: SignatureFormat = STANDARD


def check_webhook(value: Webhook) -> None:
    if len(value.url) > MAX_URL_LENGTH:
        raise invalid("url", f"'url' must be at most {MAX_URL_LENGTH} characters")
    try:
        parts = urlsplit(value.url)
    except ValueError:
        raise invalid("url", "'url' must be an absolute http or https URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise invalid("url", "'url' must be an absolute http or https URL")
    if not value.eventTypes:
        raise invalid("eventTypes", "'eventTypes' must name at least one event type")
    for name in value.eventTypes:
        if name not in EVENT_TYPES:
            raise invalid(
                "eventTypes", f"'eventTypes': unknown event type '{name}' (known: {', '.join(EVENT_TYPES)})"
            )
    if len(set(value.eventTypes)) != len(value.eventTypes):
        raise invalid("eventTypes", "'eventTypes' lists an event type twice")
    if value.secret is not None and len(value.secret) < MIN_SECRET_LENGTH:
        raise invalid("secret", f"'secret' must be at least {MIN_SECRET_LENGTH} characters")


def check_stored_webhook(stored: dict[str, Any], settings: Settings) -> None:
    """The rules that need the operator's settings or the secret kept from before."""
    policy = DestinationPolicy.from_setting(settings.webhook_allowed_destinations or "")
    refusal = policy.url_refusal(str(stored["url"]))
    if refusal is not None:
        raise invalid(
            "url",
            f"'url' must be a public address: {refusal}. The operator can allow internal destinations "
            "with LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS",
        )
    secret = stored.get("secret")
    if stored.get("signatureFormat", STANDARD) == STANDARD and secret is not None:
        standard_key(str(secret))


def standard_key(secret: str) -> bytes:
    """The HMAC key of a Standard Webhooks secret (``whsec_`` + base64); 400 naming ``secret``."""
    problem = (
        f"'secret' of a webhook with signatureFormat '{STANDARD}' must be '{STANDARD_SECRET_PREFIX}' "
        f"followed by {STANDARD_KEY_BYTES[0]} to {STANDARD_KEY_BYTES[1]} random bytes in base64 "
        "(docs/webhooks.md shows how to make one)"
    )
    if not secret.startswith(STANDARD_SECRET_PREFIX):
        raise invalid("secret", problem)
    try:
        key = base64.b64decode(secret[len(STANDARD_SECRET_PREFIX) :], validate=True)
    except (binascii.Error, ValueError):
        raise invalid("secret", problem) from None
    if not STANDARD_KEY_BYTES[0] <= len(key) <= STANDARD_KEY_BYTES[1]:
        raise invalid("secret", problem)
    return key


CONFIG_KIND = ConfigKind(
    name="webhooks",
    schema=Webhook,
    id_field="id",
    check=check_webhook,
    check_stored=check_stored_webhook,
    write_only=("secret",),
    description="HTTP endpoints that receive signed messages about changes (see docs/webhooks.md)",
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


# --- Deliveries: read-only views and the manual re-send (``/v1/admin/webhooks/{id}/deliveries``) ---

DELIVERY_STATUSES = ("pending", "delivered", "failed")
MAX_DELIVERY_LIST = 500


def delivery_view(row: OutboxRow) -> dict[str, Any]:
    pending = row["status"] == "pending"
    return {
        "id": row["delivery_id"],
        "webhookId": row["webhook_id"],
        "eventType": row["event_type"],
        "status": row["status"],
        "attempts": row["attempts"],
        "nextAttemptAt": row["next_attempt_at"] if pending else None,
        "retryUntil": row["retry_until"],
        "lastStatusCode": row["last_status_code"],
        "lastError": row["last_error"],
        "createdAt": row["created_at"],
        "deliveredAt": row["delivered_at"],
        "body": msgspec.json.decode(row["body"]),
    }


def attempt_view(row: AttemptRow) -> dict[str, Any]:
    return {
        "attemptedAt": row["attempted_at"],
        "statusCode": row["status_code"],
        "error": row["error"],
        "durationMs": row["duration_ms"],
    }


async def list_deliveries(
    services: Services,
    principal: Principal,
    webhook_id: str,
    *,
    status: str | None,
    limit: int,
    last_attempt: bool = False,
) -> list[dict[str, Any]]:
    """The webhook's messages, newest first; ``last_attempt`` adds ``lastAttemptAt`` to each
    (one more query for the whole page, for the dashboard)."""
    principal.require_read_programme()
    if status is not None and status not in DELIVERY_STATUSES:
        raise invalid("status", f"'status' must be one of {', '.join(DELIVERY_STATUSES)}")
    if not 1 <= limit <= MAX_DELIVERY_LIST:
        raise invalid("limit", f"'limit' must be between 1 and {MAX_DELIVERY_LIST}")

    async def work(store: Store, tenant: TenantConfig) -> list[dict[str, Any]]:
        rows = await store.outbox.list_for_webhook(tenant.id, webhook_id, status=status, limit=limit)
        views = [delivery_view(r) for r in rows]
        if last_attempt:
            times = await store.outbox.last_attempt_times([int(r["id"]) for r in rows])
            for row, view in zip(rows, views, strict=True):
                view["lastAttemptAt"] = times.get(int(row["id"]))
        return views

    return await run_read(services, principal, work)


async def get_delivery(
    services: Services, principal: Principal, webhook_id: str, delivery_id: str
) -> dict[str, Any]:
    principal.require_read_programme()

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
        row = await store.outbox.get(tenant.id, delivery_id)
        if row is None or row["webhook_id"] != webhook_id:
            raise not_found("webhook delivery", delivery_id)
        attempts = await store.outbox.attempts_of(int(row["id"]))
        return {**delivery_view(row), "attemptLog": [attempt_view(a) for a in attempts]}

    return await run_read(services, principal, work)


async def resend_delivery(tx: Tx, webhook_id: str, delivery_id: str) -> dict[str, Any]:
    """Queue the same message (same id and body) again now, with a fresh retry period."""
    tx.principal.require_support()
    row = await tx.store.outbox.get(tx.tenant.id, delivery_id)
    if row is None or row["webhook_id"] != webhook_id:
        raise not_found("webhook delivery", delivery_id)
    retry_until = tx.now + tx.services.settings.delivery_retry_hours * 3_600_000
    if not await tx.store.outbox.requeue(tx.tenant.id, delivery_id, now=tx.now, retry_until=retry_until):
        raise LoyaltyError(ErrorCode.CONFLICT, "this delivery is being sent right now; retry shortly")
    await tx.store.audit.record(
        tenant_id=tx.tenant.id,
        actor=tx.principal.actor,
        action="webhook-delivery.resend",
        target=f"webhooks/{webhook_id}/deliveries/{delivery_id}",
        before={"status": row["status"], "attempts": row["attempts"]},
        after={"status": "pending"},
        now=tx.now,
    )
    wake = outbox.wake_hook(tx.services)
    if wake is not None:
        tx.after_commit.append(wake)
    updated = await tx.store.outbox.get(tx.tenant.id, delivery_id)
    assert updated is not None
    return delivery_view(updated)
