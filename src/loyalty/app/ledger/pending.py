"""Pending points: an event definition's ``pendingDays`` (the return window).

The event's write holds its points in a pending credit instead of the balance. After that many
days the worker (and every server process, like the expiry sweep) credits them through the
ledger — one ledger line, keyed like the event's own credit, so a reversal afterwards finds it —
exactly once: the pending row moves to ``matured`` by a conditional update in the transaction
that credits. Reversing the event first moves it to ``reversed`` instead, and nothing is credited.
"""

from __future__ import annotations

import asyncio
import logging

from loyalty.app.events.event_store import credit_entry_key
from loyalty.app.gamification import milestones
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.ledger.ports import DROPPED, MATURED, REVERSED

SWEEP_SECONDS = 60.0
BATCH = 200
MATURED_NOTE = "pending points matured"
log = logging.getLogger("loyalty.pending")


async def cancel_for_reversal(tx: Tx, logged_id: int) -> int | None:
    """A reversed event's points that were still pending: cancelled (returns them), or None when
    the event had no pending credit or it has matured already (then the ledger credit is reversed)."""
    row = await tx.store.pending_credits.settle(state=REVERSED, now=tx.now, logged_id=logged_id)
    return None if row is None else int(row["points"])


async def _mature_one(services: Services, credit_id: int, tenant_id: int, now: int) -> int:
    tenant = await services.tenants.by_id(tenant_id)
    async with services.stores.write() as store:
        if tenant is None:  # the tenant is gone: nothing to credit any more
            await store.pending_credits.settle(state=DROPPED, now=now, id=credit_id)
            return 0
        tx = ledger.job_tx(store, services, tenant, "pending", now)
        row = await store.pending_credits.settle(state=MATURED, now=now, id=credit_id)
        if row is None:  # matured by another process, or reversed meanwhile
            return 0
        user_pk, logged_id = int(row["user_pk"]), int(row["logged_id"])
        description = f"{row['description'] or 'Event'} ({MATURED_NOTE})"
        await ledger.credit(
            tx,
            user_pk,
            int(row["points"]),
            source="event",
            reference=str(logged_id),
            description=description,
            entry_key=credit_entry_key(logged_id),
        )
        await milestones.reevaluate(tx, user_pk)
    for hook in tx.after_commit:  # wakes webhook delivery for points.awarded
        await hook()
    return 1


async def mature_due(
    services: Services, *, now: int, tenant_id: int | None = None, batch: int = BATCH
) -> int:
    """Credit every pending credit due at ``now`` (of one tenant, or all); returns how many this
    process credited."""
    matured = 0
    while True:
        async with services.stores.read() as store:
            due = await store.pending_credits.due(now=now, limit=batch, tenant_id=tenant_id)
        for credit_id, tenant_id in due:
            matured += await _mature_one(services, credit_id, tenant_id, now)
        if len(due) < batch:
            return matured


async def run_maturing(services: Services, interval_s: float = SWEEP_SECONDS) -> None:
    """Runs in the worker and in every server process; each credit is claimed once, so they may
    overlap without crediting anything twice."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await mature_due(services, now=services.now())
        except Exception:
            log.exception("maturing pending points failed; retrying later")
