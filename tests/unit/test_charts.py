"""The analytics charts: pure functions from the seed 002 stats shape to inline SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from loyalty.web import charts

SVG = "{http://www.w3.org/2000/svg}"

# The global example of seed 002 (GET /v1/stats/event), with a second day and hours filled in.
STATS = {
    "period": "7d",
    "eventId": None,
    "startDate": "2025-08-01",
    "endDate": "2025-08-07",
    "data": {
        "totalEvents": 6120,
        "uniqueUsers": 1420,
        "totalPoints": 81230,
        "eventBreakdown": {
            "purchase_completed": {"count": 4210, "users": 980, "points": 71230},
            "login": {"count": 1910, "users": 1240, "points": 10000},
        },
        "topEvents": ["purchase_completed", "login"],
        "dailyData": {
            "2025-08-02": {"events": 40, "users": 7, "points": 300, "hourlyDistribution": [0] * 23 + [40]},
            "2025-08-01": {"events": 900, "users": 320, "points": 11000, "hourlyDistribution": []},
        },
    },
}


def test_daily_series_covers_every_day_of_the_period_oldest_first() -> None:
    assert charts.daily_series(STATS, "events") == [
        ("2025-08-01", 900.0),
        ("2025-08-02", 40.0),
        ("2025-08-03", 0.0),
        ("2025-08-04", 0.0),
        ("2025-08-05", 0.0),
        ("2025-08-06", 0.0),
        ("2025-08-07", 0.0),
    ]
    assert charts.daily_series(STATS, "points")[:2] == [("2025-08-01", 11000.0), ("2025-08-02", 300.0)]


def test_daily_series_of_a_long_period_shows_only_active_days() -> None:
    stats = {**STATS, "startDate": "2020-01-01"}
    assert [d for d, _ in charts.daily_series(stats, "users")] == ["2025-08-01", "2025-08-02"]


def test_hourly_totals_always_has_24_hours_and_treats_empty_days_as_zero() -> None:
    totals = charts.hourly_totals(STATS)
    assert len(totals) == 24
    assert totals[23] == 40
    assert sum(totals) == 40


def test_top_events_follow_top_events_order_with_counts() -> None:
    assert charts.top_events(STATS) == [("purchase_completed", 4210.0), ("login", 1910.0)]


def test_axis_top_is_four_whole_steps_of_1_2_25_or_5() -> None:
    assert [charts.axis_top(v) for v in (0, 1, 3, 7, 40, 900, 11000)] == [4, 4, 4, 8, 40, 1000, 20000]


def test_bar_chart_draws_one_bar_per_day_scaled_to_the_axis() -> None:
    svg = ET.fromstring(charts.bar_chart(charts.daily_series(STATS, "events"), title="Events per day"))
    bars = svg.findall(f"{SVG}rect")
    assert len(bars) == 7
    heights = [float(b.get("height", "0")) for b in bars]
    # axis top is 1000: 900 events fill 90% of the 180px plot, 40 events 4%.
    assert heights == [162.0, 7.2, 0.0, 0.0, 0.0, 0.0, 0.0]
    assert [t.text for t in bars[0].iter(f"{SVG}title")] == ["2025-08-01: 900"]


def test_line_chart_has_a_point_per_day() -> None:
    svg = ET.fromstring(charts.line_chart(charts.daily_series(STATS, "users"), title="Users"))
    assert len(svg.findall(f"{SVG}circle")) == 7
    assert svg.find(f"{SVG}polyline") is not None


def test_empty_series_says_no_data() -> None:
    svg = ET.fromstring(charts.bar_chart([], title="Events"))
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["No data yet"]


def test_labels_are_escaped() -> None:
    svg = charts.hbar_chart([("<script>", 3.0)], title="Top & co")
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    ET.fromstring(svg)
