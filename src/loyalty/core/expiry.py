"""The tenant's expiry policy turned into a credit's ``validUntil``, in the tenant's time zone.

A credit is active strictly before its ``validUntil`` and expired from that instant on.
"""

from __future__ import annotations

from datetime import datetime

from loyalty.core.timeutil import local_datetime, zone

DAY_MS = 86_400_000
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def valid_until_for(
    mode: str,
    *,
    earned_at: int,
    tz: str,
    days: int | None = None,
    period: str | None = None,
    after_months: int = 0,
) -> int | None:
    """``never`` → None; ``days_after_earning`` → N days later; ``end_of_period`` → the end of the
    month/quarter/year that contains the earning date moved ``after_months`` months forward."""
    if mode == "days_after_earning" and days:
        return earned_at + days * DAY_MS
    if mode == "end_of_period" and period in PERIOD_MONTHS:
        local = local_datetime(earned_at, tz)
        month_index = local.year * 12 + (local.month - 1) + after_months
        size = PERIOD_MONTHS[period]
        end_index = (month_index // size + 1) * size  # first month of the next period
        year, month = divmod(end_index, 12)
        return int(datetime(year, month + 1, 1, tzinfo=zone(tz)).timestamp() * 1000)
    return None
