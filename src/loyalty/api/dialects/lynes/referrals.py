"""A user's referral code and registering with a friend's code (docs/referrals.md)."""

from __future__ import annotations

import msgspec

from loyalty.api.routing import Call, Endpoint, Reply
from loyalty.app.promotions import referrals
from loyalty.app.users.users import check_user_id

TAGS = ("Lynes: referrals",)


class UserReferral(msgspec.Struct):
    userId: str
    referralId: str | None
    """The active referral programme (null when none is active: the code is kept for later)."""
    code: str
    """The user's own code to share: stable, made on the first read."""
    referredCount: int
    """Users who registered with this code."""


class RegisterReferralBody(msgspec.Struct):
    code: str | None = None
    """The code of the friend who referred the user."""


class ReferralRegistered(msgspec.Struct):
    message: str
    userId: str
    referralId: str
    code: str


async def get_referral(call: Call) -> Reply:
    user_id = check_user_id(call.params.get("userId"))
    return Reply(await referrals.referral_of(call.services, call.principal, user_id))


async def register_referral(call: Call) -> Reply:
    assert call.tx is not None
    body: RegisterReferralBody = call.body
    user_id = check_user_id(call.params.get("userId"))
    return Reply(await referrals.register_referral(call.tx, user_id, body.code), status=201)


ENDPOINTS = [
    Endpoint(
        "GET",
        "/v1/user/{userId}/referral",
        get_referral,
        "Get the user's referral code (made on the first read) and how many users it referred",
        responses={200: UserReferral},
        tags=TAGS,
        operation_id="getUserReferral",
    ),
    Endpoint(
        "POST",
        "/v1/user/{userId}/referral",
        register_referral,
        "Register the friend's code the user was referred with (once per user, never their own)",
        body=RegisterReferralBody,
        write=True,
        responses={201: ReferralRegistered},
        tags=TAGS,
        operation_id="registerUserReferral",
    ),
]
