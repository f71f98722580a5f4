"""Seed 001 "Get coupon data by id": one coupon of the signed-in user."""

from __future__ import annotations

import msgspec

from loyalty.api import coupon_ids
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.offers import offers
from loyalty.app.offers.coupons import CouponNotFound
from loyalty.core.errors import not_found

TAGS = ("Audience: loyalty",)


class CouponData(msgspec.Struct):
    id: str
    title: str | None
    link: str | None
    coupon_id: str | None
    """The offer the coupon was issued for."""
    coupon_type: str
    """The offer's type (LOCAL, ONLINE, coupon, …)."""
    coupon_code: str
    showOnNotification: bool


class CouponReply(msgspec.Struct):
    message: str
    data: CouponData


async def get_coupon(call: Call) -> Reply:
    # Any string is an id: one that names none of the user's coupons is "not found", whatever its
    # form, and is named as it was asked for (the answer never says what our ids look like).
    asked = call.params["couponId"]
    try:
        found = await offers.signed_in_coupon(
            call.services, call.principal, coupon_ids.coupon_id_or_none(asked)
        )
    except CouponNotFound:
        raise not_found("coupon", asked) from None
    row = found.row
    template = None if found.offer is None else found.offer.couponTemplate
    meta = row["metadata"] or {}
    return Reply(
        CouponReply(
            message="OK",
            data=CouponData(
                id=str(row["id"]),
                title=row["title"],
                link=template.link if template is not None and template.link else meta.get("link"),
                coupon_id=row["offer_id"],
                coupon_type=found.offer.type if found.offer is not None else "coupon",
                coupon_code=row["code"],
                showOnNotification=template.showOnNotification if template is not None else True,
            ),
        )
    )


ENDPOINTS = [
    Endpoint(
        "GET",
        "/coupons/{couponId}",
        get_coupon,
        "Get one coupon of the signed-in user: its code, type and link",
        responses={200: CouponReply},
        tags=TAGS,
        operation_id="getAudienceCoupon",
    ),
]
