"""Redeem an offer for a user: debit its points and issue its coupon, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from loyalty.app import catalog, ledger
from loyalty.app.coupons import IssuedCoupon, issue_coupon
from loyalty.app.points import signed_in
from loyalty.app.uow import Tx
from loyalty.app.users import resolve_user
from loyalty.core.expiry import DAY_MS


@dataclass(frozen=True)
class Redemption:
    coupon: IssuedCoupon
    points: int
    balance_after: int | None
    """None when the offer cost nothing (no ledger line)."""


async def redeem_offer(tx: Tx, user_id: str, offer_id: str) -> Redemption:
    tx.principal.require_act_for_user(user_id)
    offer = catalog.offer_of(tx.tenant, offer_id)
    reason = catalog.unavailable_reason(offer, tx.now)
    if reason is not None:
        raise reason
    user_pk = await resolve_user(tx, user_id, create=False)
    posting = None
    if offer.points > 0:
        posting = await ledger.debit(
            tx, user_pk, offer.points, source="offer", reference=offer_id, description=offer.title
        )
    coupon = await issue_coupon(
        tx,
        user_pk,
        offer_id=offer_id,
        title=offer.title,
        description=offer.description,
        valid_until=None if offer.couponValidDays is None else tx.now + offer.couponValidDays * DAY_MS,
        metadata={**(offer.coupon or {}), **({"shopId": offer.shopId} if offer.shopId else {})},
        ledger_entry_id=None if posting is None else posting.entry_id,
    )
    return Redemption(
        coupon=coupon, points=offer.points, balance_after=None if posting is None else posting.balance_after
    )


async def redeem_signed_in(tx: Tx, offer_id: str) -> Redemption:
    """The storefront redemption: the signed-in customer (the token's ``sub``) redeems."""
    return await redeem_offer(tx, signed_in(tx.principal), offer_id)
