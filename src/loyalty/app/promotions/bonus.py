"""Points given for something the user did or is (a referral, a birthday): one shape for all.

A bonus is a ledger credit, a history entry that says why, a notification and a webhook, all in
the caller's transaction, after the caller has claimed the bonus once (a conditional write).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.messaging import notifications, outbox
from loyalty.core.timeutil import day_key

Text = dict[str, str]


@dataclass(frozen=True)
class Bonus:
    source: str
    """The ledger line's ``source`` (``referral``, ``birthday`` …)."""
    history_type: str
    """The history entry's ``type`` (``REFERRAL``, ``BIRTHDAY`` …)."""
    entry_id: str
    """The history entry's id: stable, one per bonus."""
    ref_id: str
    title: Text
    description: Text
    """Why the user got it, in the tenant's languages."""
    notification_type: str
    webhook: str
    details: dict[str, Any] = field(default_factory=dict)
    """In the history entry, the notification's payload and the webhook's data."""


async def pay(
    tx: Tx, user_pk: int, points: int, bonus: Bonus, *, extra: dict[str, Any] | None = None
) -> None:
    """Credit ``points`` (none when 0) and tell the user and the tenant's systems why; ``extra``
    joins the details of the notification and the webhook (a gift coupon's id and code)."""
    metric_changes: dict[str, Any] = {}
    if points > 0:
        posting = await ledger.credit(
            tx,
            user_pk,
            points,
            source=bonus.source,
            reference=bonus.ref_id,
            description=bonus.description.get("en") or bonus.source,
            entry_key=bonus.entry_id.lower()[:100],
        )
        after = posting.balance_after
        metric_changes = {ledger.POINTS: {"oldValue": after - points, "newValue": after}}
    details = {**bonus.details, **(extra or {})}
    await tx.store.history.insert(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        entry_id=bonus.entry_id,
        type=bonus.history_type,
        ref_id=bonus.ref_id,
        points=points,
        ts=tx.now,
        date_key=day_key(tx.now, tx.tenant.settings.timeZone),
        title=bonus.title,
        description=bonus.description,
        image=None,
        details=details,
    )
    await notifications.notify(
        tx,
        user_pk,
        type=bonus.notification_type,
        payload={**details, "points": points, "metricChanges": metric_changes},
        title=bonus.title,
        message=bonus.description,
        section="rewards",
    )
    await outbox.publish_for(tx, bonus.webhook, {**details, "points": points}, user_pk=user_pk)
