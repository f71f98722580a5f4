"""Tier thresholds and crossings (up and down) as pure functions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty.core.tiers import Tier, TierChange, change, tier_for

TIERS = (Tier("bronze", 0), Tier("silver", 500), Tier("gold", 2000))
FROM_100 = (Tier("bronze", 100), Tier("silver", 500))


@pytest.mark.parametrize(
    ("value", "tiers", "expected"),
    [
        (0, TIERS, "bronze"),
        (499, TIERS, "bronze"),
        (500, TIERS, "silver"),
        (1999, TIERS, "silver"),
        (2000, TIERS, "gold"),
        (10**9, TIERS, "gold"),
        (99, FROM_100, None),
        (100, FROM_100, "bronze"),
    ],
)
def test_tier_is_the_highest_threshold_reached(
    value: int, tiers: tuple[Tier, ...], expected: str | None
) -> None:
    assert tier_for(value, tiers) == expected


@pytest.mark.parametrize(
    ("previous", "value", "expected"),
    [
        ("bronze", 600, TierChange("bronze", "silver")),  # up one
        ("bronze", 2500, TierChange("bronze", "gold")),  # up two at once: one change
        ("gold", 700, TierChange("gold", "silver")),  # down (balance basis)
        ("silver", 700, None),  # no crossing
        (None, 0, TierChange(None, "bronze")),  # first tier
    ],
)
def test_crossings_up_and_down(previous: str | None, value: int, expected: TierChange | None) -> None:
    assert change(previous, value, TIERS) == expected


def test_falling_below_the_first_threshold_leaves_no_tier() -> None:
    assert change("bronze", 50, FROM_100) == TierChange("bronze", None)
    assert change(None, 50, FROM_100) is None


def test_change_payload_is_the_seed_001_shape() -> None:
    assert TierChange("bronze", "silver").as_payload() == {"oldValue": "bronze", "newValue": "silver"}


@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=40))
def test_replaying_values_reports_a_change_only_when_the_tier_differs(values: list[int]) -> None:
    current: str | None = None
    for value in values:
        crossing = change(current, value, TIERS)
        if crossing is not None:
            assert crossing.old == current
            assert crossing.new != current
            current = crossing.new
        assert current == tier_for(value, TIERS) or not values
