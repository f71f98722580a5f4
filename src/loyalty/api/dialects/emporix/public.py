"""Seed 003 "Signed-In Customer Reward Points": the customer's own points, acting on the token's ``sub``."""

from __future__ import annotations

from loyalty.api.dialects.emporix import schemas
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.ledger import points
from loyalty.app.offers import redeem

TAGS = ("Emporix: signed-in customer",)


async def my_points(call: Call) -> Reply:
    value = await points.points_of(call.services, call.principal)
    return Reply(str(value).encode(), raw=True)


async def my_summary(call: Call) -> Reply:
    return Reply(schemas.summary(await points.summary_of(call.services, call.principal)))


async def redeem_option(call: Call) -> Reply:
    assert call.tx is not None
    body: schemas.RedeemRequest = call.body
    done = await redeem.redeem_signed_in(call.tx, body.id)
    return Reply(schemas.CouponCode(code=done.coupon.code))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/public/customer",
        my_points,
        "The signed-in customer's active points as a bare integer",
        responses={200: int},
        tags=TAGS,
        operation_id="getMyRewardPoints",
    ),
    Endpoint(
        "GET",
        "/public/customer/summary",
        my_summary,
        "The signed-in customer's points summary",
        responses={200: schemas.CustomerSummary},
        tags=TAGS,
        operation_id="getMyRewardSummary",
    ),
    Endpoint(
        "POST",
        "/public/customer/redeem",
        redeem_option,
        "Swap the signed-in customer's points for a coupon code using a redeem option",
        body=schemas.RedeemRequest,
        write=True,
        responses={200: schemas.CouponCode},
        query={"siteCode": "Site code, defined when a site is created (default main)"},
        tags=TAGS,
        operation_id="redeemMyRewardPoints",
    ),
]
