"""Webhook delivery: claim due outbox rows, POST them signed, retry with exponential backoff.

Runs inside every server process by default (``LOYALTY_DELIVERY_IN_PROCESS``) or as
``loyalty worker``. Any number of deliverers may run against one database: a row is claimed by
taking a lease (owner + expiry) in one conditional UPDATE, so two deliverers never send the same
message at the same time, and a deliverer that dies only delays its rows until the lease expires.

Connections go only to destinations the operator's policy allows (``app/messaging/destinations.py``), checked
on the resolved address at connect time (``app/messaging/pinned_transport.py``). Each deliverer also removes
delivered and failed messages older than ``LOYALTY_DELIVERY_RETENTION_DAYS`` (they hold personal data).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import standardwebhooks

from loyalty.app.kernel import telemetry
from loyalty.app.kernel.services import Services
from loyalty.app.messaging.destinations import DestinationPolicy
from loyalty.app.messaging.outbox import WAKEUP
from loyalty.app.messaging.pinned_transport import PinnedTransport, Resolver, system_resolver
from loyalty.app.messaging.ports import DELIVERED, FAILED, PENDING, OutboxRow
from loyalty.app.messaging.webhooks import LOYALTY_V1, Webhook

log = logging.getLogger("loyalty.delivery")

FIRST_BACKOFF_MS = 1_000
MAX_BACKOFF_MS = 3_600_000
SIGNATURE_HEADER = "X-Loyalty-Signature"
USER_AGENT = "loyalty-webhooks/1"
DAY_MS = 86_400_000
CLEANUP_INTERVAL_MS = 600_000
"""How often (at most) a deliverer looks for messages past their retention."""
CLEANUP_BATCH = 1_000
CLEANUP_BATCHES_PER_ROUND = 20


def backoff_ms(failed_attempts: int) -> int:
    """Wait after the n-th failed attempt: 1 s, 2 s, 4 s, … doubling, capped at one hour."""
    if failed_attempts < 1:
        return 0
    return int(min(FIRST_BACKOFF_MS * 2 ** min(failed_attempts - 1, 32), MAX_BACKOFF_MS))


def next_attempt_at(*, now: int, failed_attempts: int, retry_until: int) -> int | None:
    """When to try again after a failure at ``now``; None once the retry period is over (give up)."""
    if now >= retry_until:
        return None
    return now + backoff_ms(failed_attempts)


def signature(secret: str, timestamp_s: int, body: str) -> str:
    """``t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`` (see docs/webhooks.md)."""
    digest = hmac.new(secret.encode(), f"{timestamp_s}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp_s},v1={digest}"


def signature_headers(webhook: Webhook, delivery_id: str, timestamp_s: int, body: str) -> dict[str, str]:
    """The signature headers of one attempt in the webhook's format (see docs/webhooks.md)."""
    assert webhook.secret is not None
    if webhook.signatureFormat == LOYALTY_V1:
        return {SIGNATURE_HEADER: signature(webhook.secret, timestamp_s, body)}
    signer = standardwebhooks.Webhook(webhook.secret)
    return {
        "webhook-id": delivery_id,
        "webhook-timestamp": str(timestamp_s),
        "webhook-signature": signer.sign(delivery_id, datetime.fromtimestamp(timestamp_s, tz=UTC), body),
    }


def new_owner() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Deliverer:
    """One delivery worker. ``run_once`` handles one batch; ``run`` loops until cancelled."""

    def __init__(
        self,
        services: Services,
        *,
        owner: str | None = None,
        client: httpx.AsyncClient | None = None,
        resolver: Resolver = system_resolver,
    ):
        self.services = services
        self.owner = owner or new_owner()
        settings = services.settings
        self.batch_size = settings.delivery_batch_size
        self.timeout = settings.delivery_timeout_seconds
        # The lease outlives one batch (sent concurrently, each bounded by the timeout).
        self.lease_ms = int((self.timeout * 2 + 30) * 1000)
        self.retention_ms = settings.delivery_retention_days * DAY_MS
        self.policy = DestinationPolicy.from_setting(settings.webhook_allowed_destinations or "")
        self.resolver = resolver
        self._client = client
        self._own_client = client is None
        self._next_cleanup_at = 0

    async def __aenter__(self) -> Deliverer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            # Keep a connection per concurrent send alive between batches (httpx keeps 20 by default).
            limits = httpx.Limits(max_connections=self.batch_size, max_keepalive_connections=self.batch_size)
            transport = PinnedTransport(
                self.policy, inner=httpx.AsyncHTTPTransport(limits=limits), resolver=self.resolver
            )
            # trust_env=False: a proxy from HTTP(S)_PROXY would make the connection itself, to an
            # address this process never checked.
            self._client = httpx.AsyncClient(
                timeout=self.timeout, follow_redirects=False, transport=transport, trust_env=False
            )
        return self._client

    async def close(self) -> None:
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    async def run_once(self) -> int:
        """Claim and attempt one batch of due messages; returns how many were attempted.

        The batch is sent concurrently and its outcomes are recorded together, in one write
        transaction: one commit per batch rather than one per message. A deliverer that dies or
        cannot record before that commit leaves the batch leased, and it is sent again once the
        lease expires: at least once, as before.
        """
        now = self.services.now()
        async with self.services.stores.write() as store:
            rows = await store.outbox.claim_due(
                owner=self.owner, now=now, lease_until=now + self.lease_ms, limit=self.batch_size
            )
        if not rows:
            return 0
        webhooks = await self._webhooks_of(rows)
        results = await asyncio.gather(
            *(self._attempt(row, webhooks[_webhook_key(row)]) for row in rows), return_exceptions=True
        )
        outcomes: list[_Outcome] = []
        for row, result in zip(rows, results, strict=True):
            if isinstance(result, BaseException):  # its lease expires and another attempt follows
                log.error(
                    "webhook delivery attempt failed unexpectedly",
                    exc_info=result,
                    extra={"fields": {"delivery": row["delivery_id"]}},
                )
            else:
                outcomes.append(result)
        try:
            await self._record(outcomes)
        except Exception:  # the leases expire and the batch is attempted again
            log.exception(
                "webhook deliveries could not be recorded",
                extra={"fields": {"deliveries": [o.row["delivery_id"] for o in outcomes]}},
            )
            return len(rows)
        for outcome in outcomes:
            telemetry.record_delivery(outcome.result)
            if outcome.sent and outcome.error is not None:
                log.info(
                    "webhook delivery attempt failed",
                    extra={
                        "fields": {
                            "delivery": outcome.row["delivery_id"],
                            "attempt": int(outcome.row["attempts"]) + 1,
                            "error": outcome.error,
                        }
                    },
                )
        return len(rows)

    async def remove_expired(self) -> int:
        """Remove delivered and failed messages past the retention period (with their attempts);
        runs at most every ten minutes per deliverer. Returns how many messages were removed.

        A long backlog (the first run after an upgrade) is removed a few batches per round, each
        in its own transaction, so deliveries are not held up behind it."""
        now = self.services.now()
        if self.retention_ms <= 0 or now < self._next_cleanup_at:
            return 0
        self._next_cleanup_at = now + CLEANUP_INTERVAL_MS
        removed = 0
        for _ in range(CLEANUP_BATCHES_PER_ROUND):
            async with self.services.stores.write() as store:
                done = await store.outbox.delete_finished_before(
                    cutoff=now - self.retention_ms, limit=CLEANUP_BATCH
                )
            removed += done
            if done < CLEANUP_BATCH:
                return removed
        self._next_cleanup_at = now  # more to remove: go on in the next round
        return removed

    async def drain(self, stop: asyncio.Event | None = None) -> int:
        """Attempt batches until nothing is due or ``stop`` is set; returns the number of attempts.

        Removes the messages past their retention first (``remove_expired``)."""
        try:
            await self.remove_expired()
        except Exception:  # delivery matters more; the next round tries again
            log.exception("expired webhook messages could not be removed")
        total = 0
        while stop is None or not stop.is_set():
            done = await self.run_once()
            total += done
            if done == 0:
                break
        return total

    async def run(self, wakeup: asyncio.Event | None = None, stop: asyncio.Event | None = None) -> None:
        """Deliver until cancelled, or until ``stop`` is set.

        Setting ``stop`` lets the batch in hand finish and be recorded before returning, so a
        deliverer that is shut down (``loyalty worker`` on SIGTERM) sends nothing twice; cancelling
        abandons the batch, which is sent again when its lease expires.
        """
        poll = self.services.settings.delivery_poll_seconds
        stop = stop or asyncio.Event()
        while not stop.is_set():
            try:
                await self.drain(stop)
            except Exception:
                log.exception("webhook delivery failed; retrying later")
            await _first_of([e for e in (wakeup, stop) if e is not None], seconds=poll)
            if wakeup is not None:
                wakeup.clear()

    async def _webhooks_of(self, rows: list[OutboxRow]) -> dict[tuple[int, str], Webhook | None]:
        """Each claimed message's webhook, reading every tenant's configuration once per batch."""
        found: dict[tuple[int, str], Webhook | None] = {}
        for tenant_id in sorted({int(row["tenant_id"]) for row in rows}):
            tenant = await self.services.tenants.by_id(tenant_id)
            for row in rows:
                if int(row["tenant_id"]) == tenant_id:
                    found[_webhook_key(row)] = tenant.get("webhooks", row["webhook_id"]) if tenant else None
        return found

    async def _attempt(self, row: OutboxRow, webhook: Webhook | None) -> _Outcome:
        if webhook is None or not webhook.active or not webhook.secret:
            reason = "webhook was deleted" if webhook is None else "webhook is inactive"
            return _Outcome(row, sent=False, status=FAILED, due=0, result="failed", error=reason)
        status_code, error, duration_ms = await self._post(webhook, row)
        now = self.services.now()
        if error is None:
            status, due, result = DELIVERED, now, "delivered"
        else:
            retry_at = next_attempt_at(
                now=now, failed_attempts=int(row["attempts"]) + 1, retry_until=row["retry_until"]
            )
            if retry_at is None:
                status, due, result = FAILED, now, "failed"
            else:
                status, due, result = PENDING, retry_at, "retry"
        return _Outcome(
            row,
            sent=True,
            status=status,
            due=due,
            result=result,
            error=error,
            status_code=status_code,
            attempted_at=now,
            duration_ms=duration_ms,
        )

    async def _record(self, outcomes: list[_Outcome]) -> None:
        """Settle a batch in one transaction; only rows whose lease this deliverer still holds change."""
        if not outcomes:
            return
        async with self.services.stores.write() as store:
            for o in outcomes:
                outbox_id = int(o.row["id"])
                if not o.sent:
                    assert o.error is not None
                    await store.outbox.cancel(outbox_id=outbox_id, owner=self.owner, reason=o.error)
                    continue
                await store.outbox.record_attempt(
                    outbox_id=outbox_id,
                    attempted_at=o.attempted_at,
                    status_code=o.status_code,
                    error=o.error,
                    duration_ms=o.duration_ms,
                )
                await store.outbox.settle(
                    outbox_id=outbox_id,
                    owner=self.owner,
                    status=o.status,
                    next_attempt_at=o.due,
                    status_code=o.status_code,
                    error=o.error,
                    delivered_at=o.attempted_at if o.error is None else None,
                )

    async def _post(self, webhook: Webhook, row: OutboxRow) -> tuple[int | None, str | None, int]:
        body: str = row["body"]
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Loyalty-Event": row["event_type"],
            "X-Loyalty-Delivery": row["delivery_id"],
            **signature_headers(webhook, row["delivery_id"], self.services.now() // 1000, body),
        }
        started = time.perf_counter()
        try:
            response = await self.client.post(webhook.url, content=body.encode(), headers=headers)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"[:500], _ms_since(started)
        if 200 <= response.status_code < 300:
            return response.status_code, None, _ms_since(started)
        return response.status_code, f"HTTP {response.status_code}", _ms_since(started)


@dataclass
class _Outcome:
    """What one attempt came to, waiting to be recorded with the rest of its batch."""

    row: OutboxRow
    sent: bool
    """False when the message was failed without sending (its webhook deleted or inactive)."""
    status: str
    due: int
    result: str
    """For telemetry: delivered, retry or failed."""
    error: str | None = None
    status_code: int | None = None
    attempted_at: int = 0
    duration_ms: int = 0


async def _first_of(events: list[asyncio.Event], *, seconds: float) -> None:
    """Return when one of ``events`` is set, or after ``seconds``."""
    waits = [asyncio.ensure_future(e.wait()) for e in events]
    try:
        await asyncio.wait(waits, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()


def _webhook_key(row: OutboxRow) -> tuple[int, str]:
    return int(row["tenant_id"]), str(row["webhook_id"])


def _ms_since(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


def attach_wakeup(services: Services) -> asyncio.Event:
    """Lets ``outbox.publish`` wake this process's delivery loop right after a commit."""
    event = asyncio.Event()
    services.extras[WAKEUP] = event
    return event
