"""A coupon's state, as the dashboard and the admin API name it."""

from __future__ import annotations

import pytest

from loyalty.core.coupons import state_of

NOW = 1_800_000_000_000


@pytest.mark.parametrize(
    ("redeemed", "revoked_at", "valid_until", "state"),
    [
        (False, None, None, "open"),
        (False, None, NOW + 1, "open"),
        (False, None, NOW, "expired"),
        (False, NOW - 5, NOW + 1, "revoked"),
        (False, NOW - 5, NOW - 1, "revoked"),
        (True, None, NOW - 1, "redeemed"),
        (True, NOW - 5, None, "redeemed"),
    ],
)
def test_state_of_a_coupon(
    redeemed: bool, revoked_at: int | None, valid_until: int | None, state: str
) -> None:
    assert state_of(redeemed=redeemed, revoked_at=revoked_at, valid_until=valid_until, now=NOW) == state
