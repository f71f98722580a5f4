"""Seed 000 offers and coupons of a user: feed, redeemable check, redemption, coupons."""

from __future__ import annotations

from typing import Any

import msgspec

from loyalty.api import coupon_ids
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.kernel.validation import check_string
from loyalty.app.offers import offers, redeem
from loyalty.app.offers.coupons import CouponNotFound, IssuedCoupon
from loyalty.app.offers.ports import CouponRow
from loyalty.app.users.users import check_user_id
from loyalty.core import offers as rules
from loyalty.core.errors import invalid

TAGS = ("Lynes: offers and coupons",)


class Coupon(msgspec.Struct):
    PK: str
    SK: str
    title: str | None
    description: str | None
    validUntil: int
    """Always a number (seed 000): the tenant's ``couponValidDays`` when the offer sets no end."""
    redeemed: bool
    metadata: dict[str, Any]
    """The offer's coupon fields and ``shopId``, plus ``code`` and ``offerId``."""


class Redeemable(msgspec.Struct):
    offerId: str
    redeemable: bool
    reasons: list[str]
    """Every reason that applies: NOT_ACTIVE, NOT_YET_VALID, EXPIRED, NOT_ENOUGH_POINTS,
    OUT_OF_STOCK, LIMIT_REACHED."""
    messages: list[str]
    points: int
    userPoints: int
    stockLeft: int | None
    userRedemptions: int
    perUserLimit: int | None


class RedeemBody(msgspec.Struct):
    metadata: dict[str, Any] | None = None


class Redeemed(msgspec.Struct):
    redeemed: bool
    offerId: str
    points: int
    balance: int | None
    coupon: Coupon


class CouponRedeemBody(msgspec.Struct, forbid_unknown_fields=True):
    # Typed loosely so a missing or mistyped field is answered with a 400 naming it.
    userId: Any = None
    """Required (seed 000: "400 userId missing"); must match the path."""
    SK: Any = None
    """Required: the coupon's ``COUPON#…`` id; must name the coupon in the path."""


class CouponRedeemed(msgspec.Struct):
    redeemed: bool


def coupon_view(row: CouponRow, user_id: str) -> Coupon:
    """A stored coupon in the seed's shape."""
    return Coupon(
        PK=f"USER#{user_id}#COUPON",
        SK=coupon_ids.wire_id(row["id"]),
        title=row["title"],
        description=row["description"],
        validUntil=row["valid_until"] or 0,
        redeemed=row["redeemed"],
        metadata=offers.coupon_metadata(row["metadata"], row["code"], row["offer_id"]),
    )


def issued_view(c: IssuedCoupon, user_id: str) -> Coupon:
    """A coupon just issued by a redemption, in the seed's shape."""
    return Coupon(
        PK=f"USER#{user_id}#COUPON",
        SK=coupon_ids.wire_id(c.id),
        title=c.title,
        description=c.description,
        validUntil=c.valid_until,
        redeemed=False,
        metadata=offers.coupon_metadata(c.metadata, c.code, c.offer_id),
    )


async def offer_feed(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    kind = call.query.get("type") or None
    return Reply(await offers.feed(call.services, call.principal, user_id, kind))


async def offer_redeemable(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    check = await offers.redeemable(call.services, call.principal, user_id, call.params["offerId"])
    return Reply(
        Redeemable(
            offerId=check.offer_id,
            redeemable=not check.reasons,
            reasons=check.reasons,
            messages=[rules.MESSAGES[r] for r in check.reasons],
            points=check.points,
            userPoints=check.user_points,
            stockLeft=check.stock_left,
            userRedemptions=check.user_redemptions,
            perUserLimit=check.per_user_limit,
        )
    )


async def redeem_offer(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    body: RedeemBody | None = call.body
    done = await redeem.redeem_offer(
        call.tx, user_id, call.params["offerId"], None if body is None else body.metadata
    )
    return Reply(
        Redeemed(
            redeemed=True,
            offerId=call.params["offerId"],
            points=done.points,
            balance=done.balance_after,
            coupon=issued_view(done.coupon, user_id),
        )
    )


async def list_coupons(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    rows = await offers.open_coupons(call.services, call.principal, user_id)
    return Reply([coupon_view(r, user_id) for r in rows])


async def redeem_coupon(call: Call) -> Reply:
    assert call.tx is not None
    user_id = check_user_id(call.params.get("userId"))
    body: CouponRedeemBody = call.body
    if check_string(body.userId, "userId") != user_id:
        raise invalid("userId", "'userId' must match the user in the path")
    sort_key = check_string(body.SK, "SK")
    coupon_id = coupon_ids.parse_coupon_id(call.params["couponId"])
    if coupon_ids.parse_coupon_id(sort_key, "SK") != coupon_id:
        raise invalid("SK", "'SK' must name the coupon in the path")
    try:
        await offers.redeem_coupon(call.tx, user_id, coupon_id)
    except CouponNotFound as error:
        raise coupon_ids.missing(error) from None
    return Reply(CouponRedeemed(redeemed=True))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/user/{userId}/offer/feed",
        offer_feed,
        "Get the offer feed: active offers that have not ended, optionally of one type",
        responses={200: list[dict[str, Any]]},
        query={"type": "offer type, e.g. LOCAL or ONLINE"},
        tags=TAGS,
        operation_id="getOfferFeed",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/offer/{offerId}/redeemable",
        offer_redeemable,
        "Check whether the user can redeem the offer, with every reason that applies",
        responses={200: Redeemable},
        tags=TAGS,
        operation_id="isOfferRedeemable",
    ),
    Endpoint(
        "POST",
        "/v1/user/{userId}/offer/{offerId}/redeem",
        redeem_offer,
        "Redeem an offer: debit its points and issue its coupon (a refusal changes nothing)",
        body=RedeemBody,
        body_optional=True,
        write=True,
        responses={200: Redeemed},
        tags=TAGS,
        operation_id="redeemOffer",
    ),
    Endpoint(
        "GET",
        "/v1/user/{userId}/coupon",
        list_coupons,
        "Get the user's coupons that are neither redeemed nor expired",
        responses={200: list[Coupon]},
        tags=TAGS,
        operation_id="listUserCoupons",
    ),
    Endpoint(
        "PUT",
        "/v1/user/{userId}/coupon/{couponId}",
        redeem_coupon,
        "Redeem a coupon (body names it by SK); a redeemed or expired coupon is refused (400)",
        body=CouponRedeemBody,
        write=True,
        responses={200: CouponRedeemed},
        tags=TAGS,
        operation_id="redeemCoupon",
    ),
]
