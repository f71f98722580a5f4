"""Streak rules as pure functions: periods in a time zone (DST included), resets, freezes,
milestones, and the read-time projection. Times are written as local wall-clock strings."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loyalty.core.streaks import (
    COMPLETED_DATES_KEPT,
    StreakRules,
    StreakState,
    TimeFrame,
    advance,
    period_of,
    project,
)
from loyalty.core.timeutil import zone


def at(local: str, tz: str) -> int:
    """Epoch ms of a local wall-clock time (``YYYY-MM-DD HH:MM``) in ``tz``."""
    return int(datetime.fromisoformat(local).replace(tzinfo=zone(tz)).timestamp() * 1000)


def utc(text: str) -> int:
    return at(text, "UTC")


def run(
    instants: list[int], tz: str, rules: StreakRules, state: StreakState | None = None
) -> tuple[StreakState, list[tuple[int, int]]]:
    state = state or StreakState()
    paid: list[tuple[int, int]] = []
    for ts in instants:
        result = advance(state, period_of(ts, tz, rules.time_frame), ts, rules)
        state = result.state
        paid.extend(result.milestones_reached)
    return state, paid


DAILY = StreakRules(time_frame="daily")


@pytest.mark.parametrize(
    ("case", "tz", "instants", "count", "missed"),
    [
        (
            "three days in a row",
            "UTC",
            [utc("2025-11-01 09:00"), utc("2025-11-02 09:00"), utc("2025-11-03 09:00")],
            3,
            0,
        ),
        ("twice on one day counts once", "UTC", [utc("2025-11-01 08:00"), utc("2025-11-01 20:00")], 1, 0),
        ("a missed day resets", "UTC", [utc("2025-11-01 09:00"), utc("2025-11-03 09:00")], 1, 1),
        # 22:30Z and 23:30Z on Nov 4 are 23:30 on Nov 4 and 00:30 on Nov 5 in Berlin.
        (
            "an hour apart, two Berlin days",
            "Europe/Berlin",
            [utc("2025-11-04 22:30"), utc("2025-11-04 23:30")],
            2,
            0,
        ),
        ("the same hour apart, one UTC day", "UTC", [utc("2025-11-04 22:30"), utc("2025-11-04 23:30")], 1, 0),
        # 06:00Z on Nov 5 is still Nov 4 in Los Angeles: Nov 3 LA, Nov 4 LA are consecutive.
        (
            "Los Angeles evening is the previous UTC day",
            "America/Los_Angeles",
            [utc("2025-11-04 05:00"), utc("2025-11-05 06:00")],
            2,
            0,
        ),
        # Nov 3 09:00Z and Nov 5 06:00Z skip Nov 4 in UTC, but are Nov 3 01:00 and Nov 4 22:00 in LA.
        ("a gap in UTC", "UTC", [utc("2025-11-03 09:00"), utc("2025-11-05 06:00")], 1, 1),
        (
            "the same instants in Los Angeles are consecutive",
            "America/Los_Angeles",
            [utc("2025-11-03 09:00"), utc("2025-11-05 06:00")],
            2,
            0,
        ),
        # Berlin springs forward on 2025-03-30: a 23-hour day still counts as one day.
        (
            "spring-forward day counts as one day",
            "Europe/Berlin",
            [
                at("2025-03-29 00:10", "Europe/Berlin"),
                at("2025-03-30 23:50", "Europe/Berlin"),
                at("2025-03-31 00:10", "Europe/Berlin"),
            ],
            3,
            0,
        ),
        # Berlin falls back on 2025-10-26: 25 hours between two midnights-plus-5 are consecutive days.
        (
            "fall-back day: 25 hours apart is the next day",
            "Europe/Berlin",
            [at("2025-10-26 00:05", "Europe/Berlin"), at("2025-10-27 00:05", "Europe/Berlin")],
            2,
            0,
        ),
        (
            "fall-back day: both 01:30s are one day",
            "Europe/Berlin",
            [utc("2025-10-25 23:30"), utc("2025-10-26 00:30")],
            1,
            0,
        ),
        (
            "New York spring forward then next day",
            "America/New_York",
            [
                at("2025-03-08 23:59", "America/New_York"),
                at("2025-03-09 03:01", "America/New_York"),
                at("2025-03-10 00:01", "America/New_York"),
            ],
            3,
            0,
        ),
        (
            "Kiritimati (UTC+14) crosses the date line first",
            "Pacific/Kiritimati",
            [utc("2025-11-01 09:00"), utc("2025-11-01 11:00")],
            2,
            0,
        ),
    ],
)
def test_daily_streak_counts_local_days(
    case: str, tz: str, instants: list[int], count: int, missed: int
) -> None:
    state, _ = run(instants, tz, DAILY)
    assert (state.current_count, state.missed_count) == (count, missed), case


@pytest.mark.parametrize(
    ("time_frame", "days", "count", "missed"),
    [
        ("weekly", ["2025-11-09", "2025-11-10"], 2, 0),  # Sunday, then Monday: next ISO week
        ("weekly", ["2025-11-03", "2025-11-09"], 1, 0),  # Monday and Sunday: same week
        ("weekly", ["2025-11-03", "2025-11-17"], 1, 1),  # a week skipped
        ("weekly", ["2025-12-29", "2026-01-05"], 2, 0),  # across the year end (ISO week 1 of 2026)
        ("monthly", ["2025-01-31", "2025-02-01"], 2, 0),
        ("monthly", ["2025-12-15", "2026-01-15"], 2, 0),
        ("monthly", ["2025-01-15", "2025-03-15"], 1, 1),
        ("monthly", ["2025-02-01", "2025-02-28"], 1, 0),
    ],
)
def test_weekly_and_monthly_periods(time_frame: TimeFrame, days: list[str], count: int, missed: int) -> None:
    tz = "Europe/Berlin"
    state, _ = run([at(f"{d} 12:00", tz) for d in days], tz, StreakRules(time_frame=time_frame))
    assert (state.current_count, state.missed_count) == (count, missed)


def test_period_start_is_local_midnight_of_the_first_day() -> None:
    ts = utc("2025-11-05 10:00")
    assert period_of(ts, "Europe/Berlin", "daily").start_ms == utc("2025-11-04 23:00")
    assert period_of(ts, "Europe/Berlin", "weekly").start_ms == utc("2025-11-02 23:00")  # Monday Nov 3
    assert period_of(ts, "Europe/Berlin", "monthly").start_ms == utc("2025-10-31 23:00")


@pytest.mark.parametrize(
    ("freezes", "days", "count", "missed", "freezes_used"),
    [
        (1, ["01", "03"], 2, 0, 1),  # one missed day bridged
        (1, ["01", "03", "05"], 1, 1, 0),  # the second miss breaks the run; a new run starts
        (2, ["01", "04"], 2, 0, 2),  # a gap of two bridged at once
        (2, ["01", "05"], 1, 1, 0),  # a gap of three is too long
        (1, ["01", "02", "03"], 3, 0, 0),  # no gap: no freeze used
        (0, ["01", "03"], 1, 1, 0),
    ],
)
def test_freezes_bridge_missed_periods(
    freezes: int, days: list[str], count: int, missed: int, freezes_used: int
) -> None:
    rules = StreakRules(time_frame="daily", freezes=freezes)
    state, _ = run([utc(f"2025-11-{d} 12:00") for d in days], "UTC", rules)
    assert (state.current_count, state.missed_count, state.freezes_used) == (count, missed, freezes_used)


def test_a_new_run_gets_its_freezes_back() -> None:
    rules = StreakRules(time_frame="daily", freezes=1)
    # 01, (02 frozen) 03, (04+05 missed: break) 06, (07 frozen) 08
    state, _ = run([utc(f"2025-11-{d} 12:00") for d in ["01", "03", "06", "08"]], "UTC", rules)
    assert (state.current_count, state.missed_count, state.freezes_used) == (2, 1, 1)


def test_milestones_pay_once_ever_even_after_a_reset() -> None:
    rules = StreakRules(time_frame="daily", milestones=((3, 50), (7, 100)))
    days = ["01", "02", "03", "04", "06", "07", "08"]  # run of 4 (pays 3), break, run of 3
    state, paid = run([utc(f"2025-11-{d} 12:00") for d in days], "UTC", rules)
    assert paid == [(3, 50)]
    assert state.milestones_claimed == (3,)
    assert (state.current_count, state.longest) == (3, 4)


def test_milestone_added_later_is_paid_at_the_next_counted_period() -> None:
    state, _ = run([utc(f"2025-11-0{d} 12:00") for d in "12345"], "UTC", DAILY)
    rules = StreakRules(time_frame="daily", milestones=((3, 10),))
    state, paid = run([utc("2025-11-06 12:00")], "UTC", rules, state)
    assert paid == [(3, 10)]
    assert state.current_count == 6


def test_an_older_event_changes_nothing() -> None:
    state, _ = run([utc("2025-11-05 12:00")], "UTC", DAILY)
    result = advance(
        state, period_of(utc("2025-11-04 12:00"), "UTC", "daily"), utc("2025-11-04 12:00"), DAILY
    )
    assert result.counted is False
    assert result.state == state


def test_completed_dates_lastcompleted_and_start() -> None:
    state, _ = run([utc("2025-11-01 09:00"), utc("2025-11-02 10:00")], "Europe/Berlin", DAILY)
    assert state.completed_dates == ("2025-11-01", "2025-11-02")
    assert state.last_completed_at == utc("2025-11-02 10:00")
    assert state.current_start_ms == utc("2025-10-31 23:00")


def test_completed_dates_keep_only_the_most_recent() -> None:
    start = utc("2024-01-01 12:00")
    instants = [start + i * 86_400_000 for i in range(COMPLETED_DATES_KEPT + 5)]
    state, _ = run(instants, "UTC", DAILY)
    assert len(state.completed_dates) == COMPLETED_DATES_KEPT
    assert state.completed_dates[-1] == "2025-01-05"
    assert state.current_count == COMPLETED_DATES_KEPT + 5


@pytest.mark.parametrize(
    ("now", "freezes", "count", "missed"),
    [
        ("2025-11-03 23:59", 0, 3, 0),  # today already done
        ("2025-11-04 23:59", 0, 3, 0),  # today still open: the run is alive
        ("2025-11-05 00:00", 0, 0, 1),  # yesterday missed: reads as reset without a write
        ("2025-11-05 12:00", 1, 3, 0),  # a freeze can still bridge the missed day
        ("2025-11-06 12:00", 1, 0, 1),
    ],
)
def test_projection_shows_a_lapsed_run_as_reset(now: str, freezes: int, count: int, missed: int) -> None:
    rules = StreakRules(time_frame="daily", freezes=freezes)
    state, _ = run([utc(f"2025-11-0{d} 12:00") for d in "123"], "UTC", rules)
    shown = project(state, period_of(utc(now), "UTC", "daily"), rules)
    assert (shown.current_count, shown.missed_count, shown.longest) == (count, missed, 3)


def test_the_next_event_stores_what_the_read_showed() -> None:
    rules = DAILY
    state, _ = run([utc("2025-11-01 12:00"), utc("2025-11-02 12:00")], "UTC", rules)
    later = utc("2025-11-09 12:00")
    shown = project(state, period_of(later, "UTC", "daily"), rules)
    stored = advance(state, period_of(later, "UTC", "daily"), later, rules).state
    assert (shown.missed_count, stored.missed_count, stored.current_count) == (1, 1, 1)


# --- properties ---------------------------------------------------------------------------------

instants = st.lists(
    st.integers(min_value=utc("2024-01-01 00:00"), max_value=utc("2026-12-31 23:59")), max_size=60
)
zones = st.sampled_from(["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati"])
frames = st.sampled_from(["daily", "weekly", "monthly"])


@settings(max_examples=300, deadline=None)
@given(instants, zones, frames, st.integers(min_value=0, max_value=3))
def test_a_streak_never_counts_a_period_twice(
    times: list[int], tz: str, frame: TimeFrame, freezes: int
) -> None:
    rules = StreakRules(time_frame=frame, freezes=freezes, milestones=((2, 5), (5, 9)))
    state = StreakState()
    counted: list[int] = []
    paid: list[int] = []
    for ts in times:
        period = period_of(ts, tz, frame)
        result = advance(state, period, ts, rules)
        if result.counted:
            counted.append(period.ordinal)
        paid.extend(c for c, _ in result.milestones_reached)
        state = result.state
    assert counted == sorted(set(counted))  # strictly increasing: no period twice
    assert len(counted) <= len({period_of(ts, tz, frame).ordinal for ts in times})
    assert state.current_count <= len(counted)
    assert state.longest >= state.current_count
    assert len(paid) == len(set(paid))
    assert list(state.completed_dates) == sorted(set(state.completed_dates))


@settings(max_examples=200, deadline=None)
@given(instants, zones)
def test_sorted_daily_events_count_exactly_the_distinct_days(times: list[int], tz: str) -> None:
    state, _ = run(sorted(times), tz, DAILY)
    days = {period_of(ts, tz, "daily").day_key for ts in times}
    assert len(state.completed_dates) == min(len(days), COMPLETED_DATES_KEPT)
