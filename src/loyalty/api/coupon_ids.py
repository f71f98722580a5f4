"""Coupon ids on the wire: ``COUPON#12`` (the Lynes sort key, and the admin API's ``couponId``) or
the bare ``12``. ``app`` knows a coupon by its number only; the faces read and write this form."""

from __future__ import annotations

from loyalty.app.offers.coupons import CouponNotFound
from loyalty.core.errors import LoyaltyError, invalid, not_found

PREFIX = "COUPON#"


def wire_id(coupon_id: int) -> str:
    return f"{PREFIX}{coupon_id}"


def coupon_id_or_none(text: str) -> int | None:
    value = text.removeprefix(PREFIX)
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None


def parse_coupon_id(text: str, field: str = "couponId") -> int:
    value = coupon_id_or_none(text)
    if value is None:
        raise invalid(field, f"'{field}' must be a coupon id such as 'COUPON#12' or '12'")
    return value


def missing(error: CouponNotFound) -> LoyaltyError:
    """The 404 for a coupon the user does not have, naming it in the wire form
    (``coupon 'COUPON#12' does not exist``)."""
    return error if error.coupon_id is None else not_found("coupon", wire_id(error.coupon_id))
