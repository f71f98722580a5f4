"""Webhook delivery: claim due outbox rows, POST them signed, retry with exponential backoff.

Runs inside every server process by default (``LOYALTY_DELIVERY_IN_PROCESS``) or as
``loyalty worker``. Any number of deliverers may run against one database: a row is claimed by
taking a lease (owner + expiry) in one conditional UPDATE, so two deliverers never send the same
message at the same time, and a deliverer that dies only delays its rows until the lease expires.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import os
import socket
import time
import uuid
from typing import Any

import httpx

from loyalty.app import telemetry
from loyalty.app.outbox import WAKEUP
from loyalty.app.services import Services
from loyalty.app.webhooks import Webhook
from loyalty.storage.repositories import outbox as outbox_repo

log = logging.getLogger("loyalty.delivery")

FIRST_BACKOFF_MS = 1_000
MAX_BACKOFF_MS = 3_600_000
SIGNATURE_HEADER = "X-Loyalty-Signature"
USER_AGENT = "loyalty-webhooks/1"


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


def new_owner() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Deliverer:
    """One delivery worker. ``run_once`` handles one batch; ``run`` loops until cancelled."""

    def __init__(
        self, services: Services, *, owner: str | None = None, client: httpx.AsyncClient | None = None
    ):
        self.services = services
        self.owner = owner or new_owner()
        settings = services.settings
        self.batch_size = settings.delivery_batch_size
        self.timeout = settings.delivery_timeout_seconds
        # The lease outlives one batch (sent concurrently, each bounded by the timeout).
        self.lease_ms = int((self.timeout * 2 + 30) * 1000)
        self._client = client
        self._own_client = client is None

    async def __aenter__(self) -> Deliverer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self.timeout, follow_redirects=False)
        return self._client

    async def close(self) -> None:
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    async def run_once(self) -> int:
        """Claim and attempt one batch of due messages; returns how many were attempted."""
        now = self.services.now()
        async with self.services.db.write() as conn:
            rows = await outbox_repo.claim_due(
                conn, owner=self.owner, now=now, lease_until=now + self.lease_ms, limit=self.batch_size
            )
        results = await asyncio.gather(*(self._attempt(row) for row in rows), return_exceptions=True)
        for row, result in zip(rows, results, strict=True):
            if isinstance(result, Exception):  # its lease expires and another attempt follows
                log.error(
                    "webhook delivery could not be recorded",
                    exc_info=result,
                    extra={"fields": {"delivery": row["delivery_id"]}},
                )
        return len(rows)

    async def drain(self) -> int:
        """Attempt batches until nothing is due; returns the number of attempts."""
        total = 0
        while True:
            done = await self.run_once()
            total += done
            if done == 0:
                return total

    async def run(self, wakeup: asyncio.Event | None = None) -> None:
        poll = self.services.settings.delivery_poll_seconds
        while True:
            try:
                await self.drain()
            except Exception:
                log.exception("webhook delivery failed; retrying later")
            if wakeup is None:
                await asyncio.sleep(poll)
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wakeup.wait(), timeout=poll)
            wakeup.clear()

    async def _attempt(self, row: dict[str, Any]) -> None:
        tenant = await self.services.tenants.by_id(int(row["tenant_id"]))
        webhook: Webhook | None = tenant.get("webhooks", row["webhook_id"]) if tenant else None
        if webhook is None or not webhook.active or not webhook.secret:
            reason = "webhook was deleted" if webhook is None else "webhook is inactive"
            async with self.services.db.write() as conn:
                await outbox_repo.cancel(conn, outbox_id=int(row["id"]), owner=self.owner, reason=reason)
            telemetry.record_delivery("failed")
            return
        status_code, error, duration_ms = await self._post(webhook, row)
        now = self.services.now()
        failed_attempts = int(row["attempts"]) + 1
        if error is None:
            status, due, result = outbox_repo.DELIVERED, now, "delivered"
        else:
            retry_at = next_attempt_at(
                now=now, failed_attempts=failed_attempts, retry_until=row["retry_until"]
            )
            if retry_at is None:
                status, due, result = outbox_repo.FAILED, now, "failed"
            else:
                status, due, result = outbox_repo.PENDING, retry_at, "retry"
        async with self.services.db.write() as conn:
            await outbox_repo.record_attempt(
                conn,
                outbox_id=int(row["id"]),
                attempted_at=now,
                status_code=status_code,
                error=error,
                duration_ms=duration_ms,
            )
            await outbox_repo.settle(
                conn,
                outbox_id=int(row["id"]),
                owner=self.owner,
                status=status,
                next_attempt_at=due,
                status_code=status_code,
                error=error,
                delivered_at=now if error is None else None,
            )
        telemetry.record_delivery(result)
        if error is not None:
            log.info(
                "webhook delivery attempt failed",
                extra={
                    "fields": {"delivery": row["delivery_id"], "attempt": failed_attempts, "error": error}
                },
            )

    async def _post(self, webhook: Webhook, row: dict[str, Any]) -> tuple[int | None, str | None, int]:
        body: str = row["body"]
        assert webhook.secret is not None
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Loyalty-Event": row["event_type"],
            "X-Loyalty-Delivery": row["delivery_id"],
            SIGNATURE_HEADER: signature(webhook.secret, self.services.now() // 1000, body),
        }
        started = time.perf_counter()
        try:
            response = await self.client.post(webhook.url, content=body.encode(), headers=headers)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"[:500], _ms_since(started)
        if 200 <= response.status_code < 300:
            return response.status_code, None, _ms_since(started)
        return response.status_code, f"HTTP {response.status_code}", _ms_since(started)


def _ms_since(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


def attach_wakeup(services: Services) -> asyncio.Event:
    """Lets ``outbox.publish`` wake this process's delivery loop right after a commit."""
    event = asyncio.Event()
    services.extras[WAKEUP] = event
    return event
