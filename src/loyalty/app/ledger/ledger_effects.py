"""What follows every ledger posting outside the ledger itself: webhooks, metrics, audit.

The ledger calls these in one marked line at the end of ``credit``/``debit`` (and the expiry run),
inside the same transaction. Manual adjustments (``source="manual"``) are also written to the audit
trail with the balance before and after.
"""

from __future__ import annotations

from loyalty.app.kernel import telemetry
from loyalty.app.kernel.uow import Tx
from loyalty.app.messaging import outbox

MANUAL = "manual"


async def credited(
    tx: Tx,
    user_pk: int,
    amount: int,
    balance_after: int,
    entry_id: int,
    source: str,
    metric: str,
    reference: str | None,
    description: str | None = None,
) -> None:
    """Positional, so the ledger's hook stays one line: ``credited(tx, user_pk, amount, balance, …)``."""
    telemetry.record_points("issued", amount, metric)
    await _announce(
        tx,
        "points.awarded",
        user_pk,
        amount,
        balance_after,
        entry_id=entry_id,
        source=source,
        metric=metric,
        reference=reference,
        description=description,
    )


async def debited(
    tx: Tx,
    user_pk: int,
    amount: int,
    balance_after: int,
    entry_id: int,
    source: str,
    metric: str,
    reference: str | None,
    description: str | None = None,
) -> None:
    """``amount`` is the positive number of points taken."""
    telemetry.record_points("redeemed", amount, metric)
    await _announce(
        tx,
        "points.redeemed",
        user_pk,
        -abs(amount),
        balance_after,
        entry_id=entry_id,
        source=source,
        metric=metric,
        reference=reference,
        description=description,
    )


async def expired(
    tx: Tx, user_pk: int, amount: int, balance_after: int, *, entry_id: int, metric: str
) -> None:
    telemetry.record_points("expired", amount, metric)
    await _announce(
        tx,
        "points.expired",
        user_pk,
        -abs(amount),
        balance_after,
        entry_id=entry_id,
        source="expiry",
        metric=metric,
        reference=None,
    )


async def _announce(
    tx: Tx,
    event_type: str,
    user_pk: int,
    signed_amount: int,
    balance_after: int,
    *,
    entry_id: int,
    source: str,
    metric: str,
    reference: str | None,
    description: str | None = None,
) -> None:
    manual = source == MANUAL
    if not manual and not outbox.subscribers(tx, event_type):
        return  # the common case: no extra SQL
    user_id = await tx.store.outbox.external_user_id(user_pk)
    if manual:
        await tx.store.audit.record(
            tenant_id=tx.tenant.id,
            actor=tx.principal.actor,
            action="points.adjust",
            target=f"users/{user_id}/{metric}",
            before={"balance": balance_after - signed_amount},
            after={
                "balance": balance_after,
                "amount": signed_amount,
                "reference": reference,
                "reason": description,
            },
            now=tx.now,
        )
    await outbox.publish(
        tx,
        event_type,
        {
            "metric": metric,
            "points": abs(signed_amount),
            "balance": balance_after,
            "source": source,
            "reference": reference,
            "entryId": entry_id,
        },
        user_id=user_id,
    )
