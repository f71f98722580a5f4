"""Manual points adjustments by the people who run the programme (dashboard and admin API)."""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.messaging import notifications
from loyalty.app.users.users import check_user_id, resolve_user
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


def check_reason(reason: object, why: str) -> str:
    """The stripped reason a person gives for a change by hand (required, at most 500 characters)."""
    text = reason.strip() if isinstance(reason, str) else ""
    if not text:
        raise invalid("reason", f"'reason' is required: {why}")
    if len(text) > MAX_REASON:
        raise invalid("reason", f"'reason' must be at most {MAX_REASON} characters")
    return text


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
    reason = check_reason(reason, "say why the points change")
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
