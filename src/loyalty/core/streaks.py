"""Streak arithmetic: periods in a time zone, advancing, breaking, freezes and milestones.

A period is a calendar day, ISO week (Monday first) or calendar month in the user's time zone,
numbered by an ordinal so that "the next period" is always ``ordinal + 1`` whatever the length of
the day (DST) or the month. The state only moves forward: a qualifying event in a period that is
not newer than the last counted one changes nothing, so no period is ever counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from loyalty.core.timeutil import local_datetime, start_of_day_ms

TimeFrame = Literal["daily", "weekly", "monthly"]
TIME_FRAMES: tuple[TimeFrame, ...] = ("daily", "weekly", "monthly")
COMPLETED_DATES_KEPT = 366
"""``completedDates`` keeps the most recent this-many entries, so a row stays small for years."""


@dataclass(frozen=True)
class Period:
    ordinal: int
    start_ms: int
    day_key: str
    """The local calendar day of the instant (``YYYY-MM-DD``): what ``completedDates`` records."""


def period_ordinal(day: date, time_frame: TimeFrame) -> int:
    if time_frame == "daily":
        return day.toordinal()
    if time_frame == "weekly":
        # Ordinal 1 (0001-01-01) is a Monday, so this numbers ISO weeks.
        return (day.toordinal() - 1) // 7
    return day.year * 12 + day.month - 1


def period_first_day(ordinal: int, time_frame: TimeFrame) -> date:
    if time_frame == "daily":
        return date.fromordinal(ordinal)
    if time_frame == "weekly":
        return date.fromordinal(ordinal * 7 + 1)
    return date(ordinal // 12, ordinal % 12 + 1, 1)


def period_of(ts_ms: int, tz: str, time_frame: TimeFrame) -> Period:
    day = local_datetime(ts_ms, tz).date()
    ordinal = period_ordinal(day, time_frame)
    return Period(
        ordinal=ordinal,
        start_ms=start_of_day_ms(period_first_day(ordinal, time_frame), tz),
        day_key=day.isoformat(),
    )


@dataclass(frozen=True)
class StreakRules:
    time_frame: TimeFrame
    freezes: int = 0
    """Missed periods one run of the streak may bridge in total; a new run starts with all again."""
    milestones: tuple[tuple[int, int], ...] = ()
    """(count, points) pairs: reaching ``count`` in a run pays ``points`` once per user, ever."""


@dataclass(frozen=True)
class StreakState:
    current_count: int = 0
    longest: int = 0
    current_start_ms: int | None = None
    last_period: int | None = None
    """Ordinal of the last counted period (None before the first)."""
    last_completed_at: int | None = None
    missed_count: int = 0
    freezes_used: int = 0
    completed_dates: tuple[str, ...] = ()
    milestones_claimed: tuple[int, ...] = ()


@dataclass(frozen=True)
class Advance:
    state: StreakState
    counted: bool
    """False when the period was already counted (or is older than the last counted one)."""
    milestones_reached: tuple[tuple[int, int], ...] = ()
    """(count, points) of milestones claimed by this advance."""


def is_broken(state: StreakState, ordinal: int, rules: StreakRules) -> bool:
    """Whether the run has missed more periods before ``ordinal`` than its freezes can bridge."""
    if state.current_count == 0 or state.last_period is None:
        return False
    missed = ordinal - state.last_period - 1
    return missed > rules.freezes - state.freezes_used


def project(state: StreakState, now: Period, rules: StreakRules) -> StreakState:
    """The state as of ``now`` without a new event: a run that can no longer continue reads as
    reset (``currentCount`` 0, ``missedCount`` + 1), exactly as the next event would store it."""
    if not is_broken(state, now.ordinal, rules):
        return state
    return replace(
        state, current_count=0, missed_count=state.missed_count + 1, freezes_used=0, current_start_ms=None
    )


def advance(state: StreakState, period: Period, ts_ms: int, rules: StreakRules) -> Advance:
    """Count a qualifying event at ``ts_ms`` falling in ``period``."""
    if state.last_period is not None and period.ordinal <= state.last_period:
        return Advance(state=state, counted=False)
    state = project(state, period, rules)
    if state.current_count == 0:
        count, start, freezes_used = 1, period.start_ms, 0
    else:
        assert state.last_period is not None
        count = state.current_count + 1
        start = state.current_start_ms if state.current_start_ms is not None else period.start_ms
        freezes_used = state.freezes_used + (period.ordinal - state.last_period - 1)
    claimed = set(state.milestones_claimed)
    reached = tuple((c, p) for c, p in rules.milestones if c <= count and c not in claimed)
    dates = (*state.completed_dates, period.day_key)[-COMPLETED_DATES_KEPT:]
    new_state = StreakState(
        current_count=count,
        longest=max(state.longest, count),
        current_start_ms=start,
        last_period=period.ordinal,
        last_completed_at=ts_ms,
        missed_count=state.missed_count,
        freezes_used=freezes_used,
        completed_dates=dates,
        milestones_claimed=tuple(sorted(claimed | {c for c, _ in reached})),
    )
    return Advance(state=new_state, counted=True, milestones_reached=reached)
