"""Leaderboard periods and bucket keys, and competition ranking (ties share a rank).

A score is kept per bucket: ``all``, a calendar month ``m:2025-11``, an ISO week ``w:2025-W45`` and
a calendar day ``d:2025-11-05`` (all in the tenant's time zone). Fixed periods read one bucket;
floating windows (``7d``, ``30d``, ``365d``) sum the day buckets of the last N days, today included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from loyalty.core.timeutil import local_datetime

PeriodName = Literal["all", "month", "week", "7d", "30d", "365d"]
PERIODS: tuple[PeriodName, ...] = ("all", "month", "week", "7d", "30d", "365d")
WINDOW_DAYS: dict[str, int] = {"7d": 7, "30d": 30, "365d": 365}

ALL_TIME = "all"


def month_bucket(day: date) -> str:
    return f"m:{day.year:04d}-{day.month:02d}"


def week_bucket(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"w:{year:04d}-W{week:02d}"


def day_bucket(day: date) -> str:
    return f"d:{day.isoformat()}"


def buckets_to_update(ts_ms: int, tz: str, periods: Sequence[str]) -> list[str]:
    """The buckets one scored activity adds to, for the periods a leaderboard offers."""
    day = local_datetime(ts_ms, tz).date()
    out: list[str] = []
    if "all" in periods:
        out.append(ALL_TIME)
    if "month" in periods:
        out.append(month_bucket(day))
    if "week" in periods:
        out.append(week_bucket(day))
    if any(p in WINDOW_DAYS for p in periods):
        out.append(day_bucket(day))
    return out


@dataclass(frozen=True)
class Window:
    buckets: tuple[str, ...]
    """One bucket for a fixed period; one per day for a floating window."""
    key: str
    """What the answer calls the period: ``all``, ``2025-11``, ``2025-W45``, ``2025-10-30..2025-11-05``."""


def window(period: PeriodName, now_ms: int, tz: str) -> Window:
    today = local_datetime(now_ms, tz).date()
    if period == "all":
        return Window((ALL_TIME,), ALL_TIME)
    if period == "month":
        bucket = month_bucket(today)
        return Window((bucket,), bucket[2:])
    if period == "week":
        bucket = week_bucket(today)
        return Window((bucket,), bucket[2:])
    days = WINDOW_DAYS[period]
    first = today - timedelta(days=days - 1)
    buckets = tuple(day_bucket(first + timedelta(days=i)) for i in range(days))
    return Window(buckets, f"{first.isoformat()}..{today.isoformat()}")


def competition_ranks(
    scores: Sequence[int], first_rank: int = 1, previous: tuple[int, int] | None = None
) -> list[int]:
    """Ranks for scores already sorted descending: equal scores share the rank of the first of
    them ("1, 2, 2, 4"). ``previous`` is (rank, score) of the entry just before this slice."""
    ranks: list[int] = []
    last_rank, last_score = previous if previous is not None else (0, None)
    for offset, score in enumerate(scores):
        rank = last_rank if score == last_score else first_rank + offset
        ranks.append(rank)
        last_rank, last_score = rank, score
    return ranks
