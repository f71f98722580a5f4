"""Coupons handed out and withdrawn by the people who run the programme (dashboard and admin API).

- **Grant**: the offer's coupon for a member without charging points — a goodwill gesture or a
  replacement. It takes a unit of the offer's stock and a code from its pool like a redemption, but
  is not counted against the member's ``perUserLimit`` (it is not the member's redemption). An
  inactive offer may be granted (that is how a tenant keeps a goodwill coupon out of the feed); an
  offer outside its validity window may not.
- **Revoke**: an issued, unredeemed coupon becomes unusable. The row stays (history, audit and the
  member page still show it) with ``revoked_at`` and the reason; redeeming it afterwards is refused.
  A revoke gives back neither points, stock nor the member's redemption count: a refund is a
  separate points adjustment with its own reason.

Both need a manage credential (support or admin), carry a reason, write an audit record naming the
person, and queue a webhook (``coupon.issued`` / ``coupon.revoked``). The rules that must hold under
concurrency are single conditional statements: a coupon is revoked only while it is unredeemed and
unrevoked, and redeemed only while it is unrevoked, so of a revoke and a redemption racing for one
coupon exactly one succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger.adjustments import check_reason
from loyalty.app.messaging import outbox
from loyalty.app.offers import catalog
from loyalty.app.offers.coupons import CouponNotFound
from loyalty.app.offers.ports import CouponRow
from loyalty.app.offers.redeem import hand_out, record_issue, take_stock
from loyalty.app.users.users import check_user_id, resolve_user
from loyalty.core import coupons
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid


@dataclass(frozen=True)
class CouponChange:
    user_id: str
    coupon_id: int
    code: str
    offer_id: str | None
    reason: str
    valid_until: int | None = None
    revoked_at: int | None = None


def coupon_state(row: CouponRow, now: int) -> str:
    """``open``, ``redeemed``, ``revoked`` or ``expired`` of a stored coupon: how the dashboard and
    the admin API name it (the Lynes and Audience faces leave revoked coupons out instead)."""
    return coupons.state_of(
        redeemed=bool(row["redeemed"]),
        revoked_at=row["revoked_at"],
        valid_until=row["valid_until"],
        now=now,
    )


async def grant_coupon(tx: Tx, user_id: str, offer_id: str, reason: str) -> CouponChange:
    """Issue the offer's coupon to the member without charging points."""
    tx.principal.require_manage()
    check_user_id(user_id)
    why = check_reason(reason, "say why the member gets this coupon")
    if not offer_id:
        raise invalid("offerId", "'offerId' is required: choose the offer whose coupon the member gets")
    try:
        offer = catalog.offer_of(tx.tenant, offer_id)
    except LoyaltyError:
        missing = f"offer '{offer_id}' does not exist"
        raise LoyaltyError(ErrorCode.NOT_FOUND, missing, field="offerId") from None
    refused = catalog.outside_window(offer, tx.now)
    if refused is not None:
        raise refused
    user_pk = await resolve_user(tx, user_id, create=False)
    await take_stock(tx, offer)
    coupon = await hand_out(tx, user_pk, offer, ledger_entry_id=None)
    await record_issue(tx, user_pk, user_id, offer, coupon, points=0)
    granted = {"offerId": offer_id, "code": coupon.code, "reason": why}
    await _audit(tx, "coupon.grant", user_id, coupon.id, None, granted)
    return CouponChange(user_id, coupon.id, coupon.code, offer_id, why, valid_until=coupon.valid_until)


async def revoke_coupon(tx: Tx, user_id: str, coupon_id: int, reason: str) -> CouponChange:
    """Make the member's issued, unredeemed coupon unusable; refused (409) when it is already
    redeemed or revoked, 404 when the member has no such coupon."""
    tx.principal.require_manage()
    check_user_id(user_id)
    why = check_reason(reason, "say why the coupon is withdrawn")
    user_pk = await resolve_user(tx, user_id, create=False)
    revoked = await tx.store.coupons.revoke_if_open(
        user_pk=user_pk, coupon_id=coupon_id, reason=why, now=tx.now
    )
    row = await tx.store.coupons.get_for_user(user_pk, coupon_id)
    if row is None:
        raise CouponNotFound(coupon_id)
    if not revoked:
        state = coupon_state(row, tx.now)
        raise LoyaltyError(
            ErrorCode.CONFLICT,
            f"the coupon is already {state}: only an unredeemed coupon can be revoked",
            field="couponId",
        )
    details = {"couponId": str(coupon_id), "code": row["code"], "offerId": row["offer_id"]}
    await outbox.publish(tx, "coupon.revoked", {**details, "reason": why}, user_id=user_id)
    after = {"state": "revoked", "reason": why}
    await _audit(tx, "coupon.revoke", user_id, coupon_id, {**details, "state": "open"}, after)
    return CouponChange(
        user_id, coupon_id, row["code"], row["offer_id"], why, row["valid_until"], revoked_at=tx.now
    )


async def _audit(tx: Tx, action: str, user_id: str, coupon_id: int, before: Any, after: Any) -> None:
    await tx.store.audit.record(
        tenant_id=tx.tenant.id,
        actor=tx.principal.actor,
        action=action,
        target=f"users/{user_id}/coupons/{coupon_id}",
        before=before,
        after=after,
        now=tx.now,
    )
