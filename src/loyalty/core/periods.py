"""Statistics periods (seed 002 ``GET /stats/event``) as local date ranges in a tenant's zone.

Every period ends today except ``timeframe=month``, which is one whole calendar month. ``all``
starts at the first day with data, which only the store knows, so its start is left open here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from loyalty.core.errors import invalid

PERIODS = ("1d", "7d", "30d", "90d", "current_month", "ytd", "all")
DEFAULT_PERIOD = "7d"
TRAILING_DAYS = {"1d": 1, "7d": 7, "30d": 30, "90d": 90}
MONTH_RE = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class DateRange:
    label: str
    """What the response echoes as ``period``: the period name, or ``month`` for a calendar month."""
    start: date | None
    """First local day, inclusive; None for ``all`` (the first day with data decides)."""
    end: date
    """Last local day, inclusive."""
    calendar_month: bool = False
    """The range is one calendar month, or its first days up to today (``current_month``)."""


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def parse_month(text: str | None) -> tuple[int, int]:
    match = MONTH_RE.fullmatch(text or "")
    if match is None or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1:
        raise invalid("month", "'month' must be a month in YYYY-MM format, e.g. 2025-08")
    return int(match.group(1)), int(match.group(2))


def resolve(period: str | None, timeframe: str | None, month: str | None, today: date) -> DateRange:
    """The local date range a stats request asks for; raises ``invalid`` naming the bad field."""
    if timeframe not in (None, "", "month"):
        raise invalid("timeframe", "'timeframe' must be 'month' (with 'month' as YYYY-MM) or absent")
    if timeframe == "month":
        year, number = parse_month(month)
        first, last = month_bounds(year, number)
        return DateRange(label="month", start=first, end=last, calendar_month=True)
    name = period or DEFAULT_PERIOD
    if name in TRAILING_DAYS:
        return DateRange(label=name, start=today - timedelta(days=TRAILING_DAYS[name] - 1), end=today)
    if name == "current_month":
        return DateRange(label=name, start=today.replace(day=1), end=today, calendar_month=True)
    if name == "ytd":
        return DateRange(label=name, start=date(today.year, 1, 1), end=today)
    if name == "all":
        return DateRange(label=name, start=None, end=today)
    raise invalid("period", f"'period' must be one of {', '.join(PERIODS)}")


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]
