"""Issuing coupons, over the in-memory store: codes from the pattern, collisions, validity."""

from __future__ import annotations

import pytest

from loyalty.app.offers.coupons import issue_coupon
from loyalty.core.errors import ErrorCode, LoyaltyError
from loyalty.core.expiry import DAY_MS
from tests.fakes.store import NOW, FakeStore, fake_tenant, fake_tx


async def test_a_coupon_gets_a_code_of_the_pattern_and_the_default_validity() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(couponCodePattern="AB-###", couponValidDays=10))
    issued = await issue_coupon(tx, 7, offer_id="o1", title="Ten off")
    row = store.coupons.rows[issued.id]
    assert (row["user_pk"], row["offer_id"], row["code"]) == (7, "o1", issued.code)
    assert issued.code.startswith("AB-")
    assert issued.code[3:].isdigit()
    assert len(issued.code) == 6
    assert issued.valid_until == row["valid_until"] == NOW + 10 * DAY_MS


async def test_a_taken_code_draws_another() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(couponCodePattern="C-#"))
    # Five of the ten codes: each draw retries past the taken ones (a failure would need 20
    # draws in a row among at most four taken codes: (4/10)^20, about 1e-8).
    codes = [(await issue_coupon(tx, 1, offer_id=None, title=None)).code for _ in range(5)]
    assert len(set(codes)) == 5
    assert set(codes) <= {f"C-{d}" for d in range(10)}


async def test_a_pattern_with_no_free_code_left_is_a_conflict_naming_the_setting() -> None:
    store = FakeStore()
    tx = fake_tx(store, tenant=fake_tenant(couponCodePattern="ONLY"))
    await issue_coupon(tx, 1, offer_id=None, title=None)
    with pytest.raises(LoyaltyError) as raised:
        await issue_coupon(tx, 2, offer_id=None, title=None)
    assert (raised.value.code, raised.value.field) == (ErrorCode.CONFLICT, "couponCodePattern")
    assert len(store.coupons.rows) == 1


async def test_a_pool_code_already_issued_is_a_conflict_on_the_code() -> None:
    store = FakeStore()
    tx = fake_tx(store)
    await issue_coupon(tx, 1, offer_id="o", title=None, code="POOL-1")
    with pytest.raises(LoyaltyError) as raised:
        await issue_coupon(tx, 2, offer_id="o", title=None, code="POOL-1")
    assert (raised.value.code, raised.value.field) == (ErrorCode.CONFLICT, "code")
