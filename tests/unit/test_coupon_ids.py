"""Coupon ids on the wire (``COUPON#12`` or ``12``) and the 404 that names one in that form."""

from __future__ import annotations

import pytest

from loyalty.api.coupon_ids import coupon_id_or_none, missing, parse_coupon_id, wire_id
from loyalty.app.offers.coupons import CouponNotFound
from loyalty.core.errors import ErrorCode, LoyaltyError


@pytest.mark.parametrize(("text", "number"), [("COUPON#12", 12), ("12", 12), ("007", 7)])
def test_both_forms_give_the_number(text: str, number: int) -> None:
    assert coupon_id_or_none(text) == number
    assert parse_coupon_id(text) == number


@pytest.mark.parametrize("text", ["", "COUPON#", "abc", "COUPON#abc", "-1", "1.5", "9" * 19, "²", "coupon#1"])
def test_anything_else_is_no_id(text: str) -> None:
    assert coupon_id_or_none(text) is None
    with pytest.raises(LoyaltyError) as raised:
        parse_coupon_id(text, "SK")
    assert (raised.value.code, raised.value.field) == (ErrorCode.INVALID_INPUT, "SK")
    assert raised.value.message == "'SK' must be a coupon id such as 'COUPON#12' or '12'"


def test_the_wire_form_round_trips() -> None:
    assert wire_id(42) == "COUPON#42"
    assert parse_coupon_id(wire_id(42)) == 42


def test_a_missing_coupon_is_named_in_the_wire_form() -> None:
    error = missing(CouponNotFound(12))
    assert (error.code, error.field, error.message) == (
        ErrorCode.NOT_FOUND,
        None,
        "coupon 'COUPON#12' does not exist",
    )
    assert CouponNotFound(12).message == "coupon '12' does not exist"
