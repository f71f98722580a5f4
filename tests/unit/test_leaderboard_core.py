"""Leaderboard buckets, windows and competition ranking."""

from __future__ import annotations

from datetime import datetime

import pytest

from loyalty.core.leaderboards import buckets_to_update, competition_ranks, window
from loyalty.core.timeutil import zone


def at(local: str, tz: str = "UTC") -> int:
    return int(datetime.fromisoformat(local).replace(tzinfo=zone(tz)).timestamp() * 1000)


def test_one_activity_updates_all_time_month_week_and_day() -> None:
    assert buckets_to_update(at("2025-11-05 12:00"), "UTC", ["all", "month", "week", "7d", "30d"]) == [
        "all",
        "m:2025-11",
        "w:2025-W45",
        "d:2025-11-05",
    ]


def test_only_the_buckets_the_board_offers() -> None:
    assert buckets_to_update(at("2025-11-05 12:00"), "UTC", ["week"]) == ["w:2025-W45"]


def test_buckets_follow_the_tenant_time_zone() -> None:
    # 23:30 UTC on Oct 31 is already November 1 in Berlin.
    ts = at("2025-10-31 23:30")
    assert buckets_to_update(ts, "Europe/Berlin", ["month", "7d"]) == ["m:2025-11", "d:2025-11-01"]
    assert buckets_to_update(ts, "UTC", ["month", "7d"]) == ["m:2025-10", "d:2025-10-31"]


def test_iso_week_at_the_year_end() -> None:
    assert buckets_to_update(at("2025-12-29 12:00"), "UTC", ["week"]) == ["w:2026-W01"]


@pytest.mark.parametrize(
    ("period", "buckets", "key"),
    [
        ("all", ("all",), "all"),
        ("month", ("m:2025-11",), "2025-11"),
        ("week", ("w:2025-W45",), "2025-W45"),
    ],
)
def test_fixed_periods_read_one_bucket(period: str, buckets: tuple[str, ...], key: str) -> None:
    w = window(period, at("2025-11-05 12:00"), "UTC")  # type: ignore[arg-type]
    assert (w.buckets, w.key) == (buckets, key)


def test_floating_window_is_the_last_n_days_including_today() -> None:
    w = window("7d", at("2025-11-05 12:00"), "UTC")
    assert w.buckets == tuple(
        f"d:2025-{d}" for d in ["10-30", "10-31", "11-01", "11-02", "11-03", "11-04", "11-05"]
    )
    assert w.key == "2025-10-30..2025-11-05"
    assert len(window("365d", at("2025-11-05 12:00"), "UTC").buckets) == 365


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        ([50, 40, 40, 30], [1, 2, 2, 4]),
        ([10, 10, 10], [1, 1, 1]),
        ([9, 8, 7], [1, 2, 3]),
        ([], []),
    ],
)
def test_ties_share_a_rank_and_the_next_rank_skips(scores: list[int], ranks: list[int]) -> None:
    assert competition_ranks(scores) == ranks


def test_ranks_continue_from_a_previous_slice() -> None:
    assert competition_ranks([40, 30], first_rank=3, previous=(2, 40)) == [2, 4]
