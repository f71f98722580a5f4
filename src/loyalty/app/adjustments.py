"""Manual points adjustments by the people who run the programme (dashboard and admin API)."""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.app import ledger, notifications
from loyalty.app.uow import Tx
from loyalty.app.users import check_user_id, resolve_user
from loyalty.core.errors import invalid

MAX_REASON = 500
MAX_ADJUSTMENT = 1_000_000_000


@dataclass(frozen=True)
class AdjustmentView:
    user_id: str
    points: int
    balance: int
    entry_id: int
    reason: str


async def adjust_points(tx: Tx, user_id: str, amount: int, reason: str) -> AdjustmentView:
    """Credit (amount > 0) or debit (amount < 0) the user's points, with the reason on the ledger
    line; the ledger's effects write the audit record (every manual posting has one).
    A debit never takes the balance below zero."""
    tx.principal.require_manage()
    check_user_id(user_id)
    if isinstance(amount, bool) or not isinstance(amount, int) or amount == 0:
        raise invalid("points", "'points' must be a non-zero whole number (negative to take points away)")
    if abs(amount) > MAX_ADJUSTMENT:
        raise invalid("points", f"'points' must be between -{MAX_ADJUSTMENT} and {MAX_ADJUSTMENT}")
    reason = reason.strip() if isinstance(reason, str) else ""
    if not reason:
        raise invalid("reason", "'reason' is required: say why the points change")
    if len(reason) > MAX_REASON:
        raise invalid("reason", f"'reason' must be at most {MAX_REASON} characters")
    user_pk = await resolve_user(tx, user_id, create=False)
    if amount > 0:
        posting = await ledger.credit(tx, user_pk, amount, source="manual", description=reason)
        await notifications.points_earned(
            tx,
            user_pk,
            amount=amount,
            balance_after=posting.balance_after,
            payload={},
            title={"en": "Points added", "de": "Punkte gutgeschrieben"},
            message=reason,
        )
    else:
        posting = await ledger.debit(tx, user_pk, -amount, source="manual", description=reason)
    return AdjustmentView(
        user_id=user_id,
        points=amount,
        balance=posting.balance_after,
        entry_id=posting.entry_id,
        reason=reason,
    )
