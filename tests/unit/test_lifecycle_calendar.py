"""The lifecycle calendar (core.lifecycle) and the referral decision (core.referrals): pure rules."""

from __future__ import annotations

from datetime import date

import pytest

from loyalty.core import lifecycle, rules
from loyalty.core.errors import LoyaltyError
from loyalty.core.referrals import PendingReferral, ReferralRule, award


@pytest.mark.parametrize("good", ["01-01", "02-29", "12-31", "04-30"])
def test_check_birthday_accepts_every_day_of_some_year(good: str) -> None:
    assert lifecycle.check_birthday(good) == good


@pytest.mark.parametrize("bad", ["00-10", "13-01", "04-31", "02-30", "1-01", "01-1", "1990-01-01", None, 101])
def test_check_birthday_refuses_anything_else_naming_the_field(bad: object) -> None:
    with pytest.raises(LoyaltyError) as raised:
        lifecycle.check_birthday(bad)
    assert raised.value.field == "birthday"


def test_february_29_birthdays_fall_on_the_28th_in_common_years_only() -> None:
    assert lifecycle.birthdays_on(date(2027, 2, 28)) == ("02-28", "02-29")
    assert lifecycle.birthdays_on(date(2028, 2, 28)) == ("02-28",)
    assert lifecycle.birthdays_on(date(2028, 2, 29)) == ("02-29",)
    assert lifecycle.birthdays_on(date(2027, 3, 1)) == ("03-01",)


def test_join_days_celebrated_on_a_day_cover_every_earlier_year() -> None:
    assert lifecycle.join_days_celebrated_on(date(2027, 5, 17), 2024) == [
        date(2024, 5, 17),
        date(2025, 5, 17),
        date(2026, 5, 17),
    ]
    assert lifecycle.join_days_celebrated_on(date(2027, 5, 17), 2027) == []


def test_join_day_february_29_is_celebrated_on_the_28th_of_common_years() -> None:
    assert lifecycle.join_days_celebrated_on(date(2027, 2, 28), 2023) == [
        date(2023, 2, 28),
        date(2024, 2, 28),
        date(2024, 2, 29),
        date(2025, 2, 28),
        date(2026, 2, 28),
    ]
    assert lifecycle.join_days_celebrated_on(date(2028, 2, 29), 2023) == [date(2024, 2, 29)]


def test_day_ranges_follow_the_time_zone_and_daylight_saving() -> None:
    [(start, end)] = lifecycle.day_ranges_ms([date(2026, 3, 29)], "Europe/Berlin")  # 23 hours long
    assert start == 1_774_738_800_000  # 2026-03-28T23:00:00Z
    assert end - start == 23 * 3_600_000


RULE = ReferralRule(
    referral_id="friends",
    condition=rules.compile_condition(
        {"type": "AND", "conditions": [{"field": "amount", "operator": "greater_than_or_equal", "value": 20}]}
    ),
    referrer_points=500,
    referee_points=200,
    max_per_referrer=20,
)


def test_a_qualifying_event_of_a_referred_user_earns_the_award() -> None:
    got = award((RULE,), PendingReferral("friends", 7), {"amount": 20})
    assert got is not None
    assert (got.rule, got.referrer_pk) == (RULE, 7)


def test_no_award_without_registration_condition_or_matching_programme() -> None:
    assert award((RULE,), None, {"amount": 50}) is None
    assert award((RULE,), PendingReferral("friends", 7), {"amount": 19.99}) is None
    assert award((RULE,), PendingReferral("other", 7), {"amount": 50}) is None
    assert award((), PendingReferral("friends", 7), {"amount": 50}) is None
