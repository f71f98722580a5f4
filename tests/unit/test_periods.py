"""Stats periods as local date ranges: the table of the seed's periods and the month timeframe."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loyalty.core.errors import LoyaltyError
from loyalty.core.periods import DateRange, days, month_bounds, resolve

TODAY = date(2025, 8, 7)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("1d", DateRange("1d", date(2025, 8, 7), TODAY)),
        ("7d", DateRange("7d", date(2025, 8, 1), TODAY)),
        ("30d", DateRange("30d", date(2025, 7, 9), TODAY)),
        ("90d", DateRange("90d", date(2025, 5, 10), TODAY)),
        ("current_month", DateRange("current_month", date(2025, 8, 1), TODAY, calendar_month=True)),
        ("ytd", DateRange("ytd", date(2025, 1, 1), TODAY)),
        ("all", DateRange("all", None, TODAY)),
        (None, DateRange("7d", date(2025, 8, 1), TODAY)),
        ("", DateRange("7d", date(2025, 8, 1), TODAY)),
    ],
)
def test_each_period_is_a_range_of_local_days_ending_today(period: str | None, expected: DateRange) -> None:
    assert resolve(period, None, None, TODAY) == expected


@pytest.mark.parametrize(
    ("month", "first", "last"),
    [
        ("2025-08", date(2025, 8, 1), date(2025, 8, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-02", date(2025, 2, 1), date(2025, 2, 28)),
        ("2025-12", date(2025, 12, 1), date(2025, 12, 31)),
        ("2026-01", date(2026, 1, 1), date(2026, 1, 31)),
    ],
)
def test_timeframe_month_is_the_whole_calendar_month(month: str, first: date, last: date) -> None:
    assert resolve("7d", "month", month, TODAY) == DateRange("month", first, last, calendar_month=True)


@pytest.mark.parametrize("month", [None, "", "2025-8", "2025-13", "2025-00", "0000-01", "25-08", "2025/08"])
def test_a_bad_or_missing_month_is_refused_naming_month(month: str | None) -> None:
    with pytest.raises(LoyaltyError) as error:
        resolve(None, "month", month, TODAY)
    assert error.value.field == "month"


def test_an_unknown_period_is_refused_naming_period() -> None:
    with pytest.raises(LoyaltyError) as error:
        resolve("14d", None, None, TODAY)
    assert error.value.field == "period"


def test_an_unknown_timeframe_is_refused_naming_timeframe() -> None:
    with pytest.raises(LoyaltyError) as error:
        resolve(None, "year", "2025", TODAY)
    assert error.value.field == "timeframe"


def test_a_month_without_timeframe_is_ignored() -> None:
    assert resolve("1d", None, "2025-01", TODAY) == DateRange("1d", TODAY, TODAY)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 1)))
def test_month_bounds_hold_every_day_of_the_month_and_no_other(day: date) -> None:
    first, last = month_bounds(day.year, day.month)
    month_days = days(first, last)
    assert day in month_days
    assert all(d.month == day.month and d.year == day.year for d in month_days)
    assert len(month_days) in (28, 29, 30, 31)
