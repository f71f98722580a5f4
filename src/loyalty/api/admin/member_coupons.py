"""A member's coupons for the people who run the programme: list them with their state, grant an
offer's coupon without charging points, revoke an unredeemed one (manage or admin, with a reason)."""

from __future__ import annotations

import msgspec

from loyalty.api import coupon_ids
from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.offers import coupon_care
from loyalty.app.offers.coupons import CouponNotFound, user_coupons

TAGS = ("Admin",)


class CouponGrantBody(msgspec.Struct, forbid_unknown_fields=True):
    offerId: str
    """The offer whose coupon the member gets (no points are charged)."""
    reason: str
    """Why: kept in the audit trail."""


class CouponRevokeBody(msgspec.Struct, forbid_unknown_fields=True):
    reason: str
    """Why the coupon is withdrawn: kept on the coupon and in the audit trail."""


class MemberCoupon(msgspec.Struct):
    couponId: str
    """``COUPON#<n>``: the id the Lynes face uses."""
    code: str
    offerId: str | None
    title: str | None
    state: str
    """``open``, ``redeemed``, ``revoked`` or ``expired``."""
    issuedAt: int
    validUntil: int | None
    redeemedAt: int | None
    revokedAt: int | None
    revokeReason: str | None


class CouponChangeReply(msgspec.Struct):
    userId: str
    couponId: str
    code: str
    offerId: str | None
    reason: str
    validUntil: int | None
    revokedAt: int | None


def _change(done: coupon_care.CouponChange) -> CouponChangeReply:
    return CouponChangeReply(
        userId=done.user_id,
        couponId=coupon_ids.wire_id(done.coupon_id),
        code=done.code,
        offerId=done.offer_id,
        reason=done.reason,
        validUntil=done.valid_until,
        revokedAt=done.revoked_at,
    )


async def list_member_coupons(call: Call) -> Reply:
    rows = await user_coupons(call.services, call.principal, call.params["userId"])
    now = call.services.now()
    return Reply(
        [
            MemberCoupon(
                couponId=coupon_ids.wire_id(r["id"]),
                code=r["code"],
                offerId=r["offer_id"],
                title=r["title"],
                state=coupon_care.coupon_state(r, now),
                issuedAt=r["created_at"],
                validUntil=r["valid_until"],
                redeemedAt=r["redeemed_at"],
                revokedAt=r["revoked_at"],
                revokeReason=r["revoke_reason"],
            )
            for r in rows
        ]
    )


async def grant(call: Call) -> Reply:
    assert call.tx is not None
    body: CouponGrantBody = call.body
    done = await coupon_care.grant_coupon(call.tx, call.params["userId"], body.offerId, body.reason)
    return Reply(_change(done), status=201)


async def revoke(call: Call) -> Reply:
    assert call.tx is not None
    body: CouponRevokeBody = call.body
    coupon_id = coupon_ids.parse_coupon_id(call.params["couponId"])
    try:
        done = await coupon_care.revoke_coupon(call.tx, call.params["userId"], coupon_id, body.reason)
    except CouponNotFound as error:
        raise coupon_ids.missing(error) from None
    return Reply(_change(done))


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/admin/users/{userId}/coupons",
        list_member_coupons,
        "Every coupon of a user with its state (open, redeemed, revoked, expired), oldest first",
        responses={200: list[MemberCoupon]},
        tags=TAGS,
        operation_id="listMemberCoupons",
    ),
    Endpoint(
        "POST",
        "/v1/admin/users/{userId}/coupons",
        grant,
        "Grant a user an offer's coupon without charging points (manage or admin): takes the offer's "
        "stock and pool code, not the user's per-user limit; the reason goes to the audit trail",
        body=CouponGrantBody,
        write=True,
        responses={201: CouponChangeReply},
        tags=TAGS,
        operation_id="grantMemberCoupon",
    ),
    Endpoint(
        "POST",
        "/v1/admin/users/{userId}/coupons/{couponId}/revoke",
        revoke,
        "Revoke a user's unredeemed coupon (manage or admin): it can no longer be redeemed; a redeemed "
        "or already revoked coupon is refused (409). No points or stock are given back",
        body=CouponRevokeBody,
        write=True,
        responses={200: CouponChangeReply},
        tags=TAGS,
        operation_id="revokeMemberCoupon",
    ),
]
