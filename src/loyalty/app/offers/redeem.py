"""Redeem an offer for a user: one transaction that checks the offer's window, counts the
user's redemption and the offer's stock (each one conditional statement), debits the points,
takes a code (pattern or imported pool), issues the coupon, and records history, webhook and
notification. Any refusal raises, so the transaction rolls back and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loyalty.app.kernel.uow import Tx
from loyalty.app.ledger import ledger
from loyalty.app.ledger.points import signed_in
from loyalty.app.messaging import notifications, outbox
from loyalty.app.offers import catalog
from loyalty.app.offers.coupons import IssuedCoupon, issue_coupon
from loyalty.app.users.users import resolve_user
from loyalty.core import offers as rules
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.expiry import DAY_MS
from loyalty.core.timeutil import day_key

POOL_ATTEMPTS = 20
"""Pool codes tried per redemption when a code is already some coupon's code."""


@dataclass(frozen=True)
class Redemption:
    coupon: IssuedCoupon
    points: int
    balance_after: int | None
    """None when the offer cost nothing (no ledger line)."""


def coupon_valid_until(offer: catalog.Offer, now: int) -> int | None:
    """The issued coupon's end: the earliest of the template's fixed end and its (or the
    offer's) number of days."""
    template = offer.couponTemplate
    days = template.validDays if template is not None and template.validDays else offer.couponValidDays
    ends = [now + days * DAY_MS] if days else []
    if template is not None and template.validUntil is not None:
        ends.append(template.validUntil)
    return min(ends) if ends else None


def _refused(reason: str) -> LoyaltyError:
    code = ErrorCode.LIMIT_REACHED if reason == rules.LIMIT_REACHED else ErrorCode.NOT_REDEEMABLE
    return LoyaltyError(code, rules.MESSAGES[reason], field="offerId")


async def redeem_offer(
    tx: Tx, user_id: str, offer_id: str, context: dict[str, Any] | None = None
) -> Redemption:
    tx.principal.require_act_for_user(user_id)
    offer = catalog.offer_of(tx.tenant, offer_id)
    reason = catalog.unavailable_reason(offer, tx.now)
    if reason is not None:
        raise reason
    user_pk = await resolve_user(tx, user_id, create=False)
    counted = await tx.store.offers.count_user_redemption(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        offer_id=offer_id,
        limit=offer.perUserLimit,
    )
    if not counted:
        raise _refused(rules.LIMIT_REACHED)
    await take_stock(tx, offer)
    posting = None
    if offer.points > 0:
        posting = await ledger.debit(
            tx, user_pk, offer.points, source="offer", reference=offer_id, description=offer.title
        )
    coupon = await hand_out(
        tx, user_pk, offer, ledger_entry_id=None if posting is None else posting.entry_id, context=context
    )
    await record_issue(tx, user_pk, user_id, offer, coupon, points=offer.points)
    return Redemption(
        coupon=coupon, points=offer.points, balance_after=None if posting is None else posting.balance_after
    )


async def take_stock(tx: Tx, offer: catalog.Offer) -> None:
    """One unit of the offer's stock (when it has one), in one conditional statement."""
    if offer.stock is not None and not await tx.store.offers.take_stock(
        tenant_id=tx.tenant.id, offer_id=offer.offerId or "", stock=offer.stock
    ):
        raise _refused(rules.OUT_OF_STOCK)


async def hand_out(
    tx: Tx,
    user_pk: int,
    offer: catalog.Offer,
    *,
    ledger_entry_id: int | None,
    context: dict[str, Any] | None = None,
) -> IssuedCoupon:
    """Issue the offer's coupon: a code from its pool (refused when the pool is empty) or from its
    pattern, with the offer's coupon fields as metadata."""
    offer_id = offer.offerId or ""
    template = offer.couponTemplate or catalog.CouponTemplate()
    metadata = {**(offer.coupon or {}), **({"shopId": offer.shopId} if offer.shopId else {})}
    if context:
        metadata["context"] = context
    for _ in range(POOL_ATTEMPTS if template.codePool else 1):
        code = None
        if template.codePool:
            code = await tx.store.offers.claim_code(
                tenant_id=tx.tenant.id, offer_id=offer_id, user_pk=user_pk, now=tx.now
            )
            if code is None:
                raise _refused(rules.OUT_OF_STOCK)
        try:
            return await issue_coupon(
                tx,
                user_pk,
                offer_id=offer_id,
                title=template.title or offer.title,
                description=template.description or offer.description,
                valid_until=coupon_valid_until(offer, tx.now),
                metadata=metadata,
                ledger_entry_id=ledger_entry_id,
                code=code,
                pattern=template.codePattern,
            )
        except LoyaltyError as error:
            # A pool code that some coupon of the tenant already carries stays claimed (it is
            # spent) and the next free code is tried; nothing was written for it.
            if code is None or error.field != "code":
                raise
    raise _refused(rules.OUT_OF_STOCK)


async def record_issue(
    tx: Tx, user_pk: int, user_id: str, offer: catalog.Offer, coupon: IssuedCoupon, *, points: int
) -> None:
    """History line, ``coupon.issued`` webhook and the user's notification (``points``: what the
    user paid, 0 for a coupon granted by hand)."""
    offer_id = offer.offerId or ""
    details = {"offerId": offer_id, "couponId": str(coupon.id), "code": coupon.code}
    await tx.store.history.insert(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        entry_id=f"OFFER#{offer_id}#{coupon.id}",
        type="OFFER",
        ref_id=offer_id,
        points=-points,
        ts=tx.now,
        date_key=day_key(tx.now, tx.tenant.settings.timeZone),
        title=offer.title,
        description=offer.description,
        image=offer.image,
        details=details,
    )
    await outbox.publish(
        tx,
        "coupon.issued",
        {**details, "title": coupon.title, "validUntil": coupon.valid_until, "points": points},
        user_id=user_id,
    )
    await notifications.notify(
        tx,
        user_pk,
        type="couponIssued",
        payload={**details, "title": coupon.title, "validUntil": coupon.valid_until},
        title=coupon.title,
        message=offer.description,
        section="rewards",
    )


async def redeem_signed_in(tx: Tx, offer_id: str) -> Redemption:
    """The storefront redemption: the signed-in customer (the token's ``sub``) redeems."""
    return await redeem_offer(tx, signed_in(tx.principal), offer_id)
