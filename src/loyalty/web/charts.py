"""Inline SVG charts drawn on the server from the seed 002 ``GET /v1/stats/event`` shape.

Pure functions (dict in, SVG text out): no JavaScript library, no external service, and the pages
render the same in any browser, in e-mail, and in a screenshot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from markupsafe import escape

Point = tuple[str, float]

PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 48, 12, 12, 28
MAX_FILLED_DAYS = 120
MAX_BAR_WIDTH = 42.0


def daily_series(stats: dict[str, Any], key: str) -> list[Point]:
    """``events`` / ``users`` / ``points`` per day, oldest first; the days of the period without
    activity are drawn as zero (periods longer than ``MAX_FILLED_DAYS`` show only active days)."""
    daily = (stats.get("data") or {}).get("dailyData") or {}
    days = sorted(daily)
    start, end = stats.get("startDate"), stats.get("endDate")
    if isinstance(start, str) and isinstance(end, str):
        try:
            first: date | None = date.fromisoformat(start)
            last: date | None = date.fromisoformat(end)
        except ValueError:
            first = last = None
        if first is not None and last is not None and 0 <= (last - first).days < MAX_FILLED_DAYS:
            span = [(first + timedelta(days=i)).isoformat() for i in range((last - first).days + 1)]
            days = sorted(set(span) | set(days))
    return [(day, float((daily.get(day) or {}).get(key) or 0)) for day in days]


def hourly_totals(stats: dict[str, Any]) -> list[int]:
    """Events per hour of the day (tenant time), summed over the period; always 24 values."""
    totals = [0] * 24
    for day in ((stats.get("data") or {}).get("dailyData") or {}).values():
        for hour, count in enumerate((day or {}).get("hourlyDistribution") or []):
            if hour < 24:
                totals[hour] += int(count or 0)
    return totals


def top_events(stats: dict[str, Any], limit: int = 10) -> list[Point]:
    data = stats.get("data") or {}
    breakdown = data.get("eventBreakdown") or {}
    order = [e for e in data.get("topEvents") or [] if e in breakdown]
    order += sorted((e for e in breakdown if e not in order), key=lambda e: -int(breakdown[e]["count"]))
    return [(e, float(breakdown[e].get("count") or 0)) for e in order[:limit]]


def axis_top(value: float) -> float:
    """The axis maximum: four equal steps of 1, 2, 2.5 or 5 × 10ⁿ (whole numbers for counts)."""
    if value <= 0:
        return 4.0
    quarter = value / 4
    magnitude = 10 ** math.floor(math.log10(quarter)) if quarter >= 1 else 1
    for step in (1, 2, 2.5, 5, 10):
        if (step != 2.5 or magnitude >= 10) and quarter <= step * magnitude:
            return float(4 * step * magnitude)
    return float(40 * magnitude)  # pragma: no cover - the loop always returns


def _fmt(value: float) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1000:
        return f"{value / 1000:g}k"
    return f"{value:g}"


def _frame(width: int, height: int, title: str, top: float) -> list[str]:
    inner_h = height - PAD_TOP - PAD_BOTTOM
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(5):
        y = PAD_TOP + inner_h - inner_h * i / 4
        parts.append(
            f'<line class="grid" x1="{PAD_LEFT}" x2="{width - PAD_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="axis" x="{PAD_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_fmt(top * i / 4)}</text>"
        )
    return parts


def _x_labels(labels: Sequence[str], xs: Sequence[float], height: int, short: bool) -> list[str]:
    every = max(1, math.ceil(len(labels) / 8))
    out = []
    for i, (label, x) in enumerate(zip(labels, xs, strict=True)):
        if i % every == 0 or i == len(labels) - 1:
            text = label[5:] if short and len(label) == 10 else label
            out.append(
                f'<text class="axis" x="{x:.1f}" y="{height - 8}" text-anchor="middle">{escape(text)}</text>'
            )
    return out


def empty_chart(title: str, width: int = 640, height: int = 200) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<text class="empty" x="{width / 2}" y="{height / 2}" text-anchor="middle">No data yet</text></svg>'
    )


def bar_chart(points: Sequence[Point], *, title: str, width: int = 640, height: int = 220) -> str:
    if not points:
        return empty_chart(title, width, height)
    top = axis_top(max(v for _, v in points))
    inner_w = width - PAD_LEFT - PAD_RIGHT
    inner_h = height - PAD_TOP - PAD_BOTTOM
    slot = inner_w / len(points)
    bar = min(MAX_BAR_WIDTH, max(1.0, slot * 0.7))
    parts = _frame(width, height, title, top)
    xs = []
    for i, (label, value) in enumerate(points):
        x = PAD_LEFT + slot * i + (slot - bar) / 2
        h = inner_h * value / top
        xs.append(x + bar / 2)
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{PAD_TOP + inner_h - h:.1f}" width="{bar:.1f}" '
            f'height="{h:.1f}" rx="2"><title>{escape(label)}: {value:g}</title></rect>'
        )
    parts += _x_labels([p[0] for p in points], xs, height, short=True)
    parts.append("</svg>")
    return "".join(parts)


def line_chart(points: Sequence[Point], *, title: str, width: int = 640, height: int = 220) -> str:
    if not points:
        return empty_chart(title, width, height)
    top = axis_top(max(v for _, v in points))
    inner_w = width - PAD_LEFT - PAD_RIGHT
    inner_h = height - PAD_TOP - PAD_BOTTOM
    inset = 20  # keeps the first and last date labels inside the picture
    step = (inner_w - 2 * inset) / max(1, len(points) - 1)
    coords = [
        (
            PAD_LEFT + inset + (step * i if len(points) > 1 else inner_w / 2 - inset),
            PAD_TOP + inner_h - inner_h * v / top,
        )
        for i, (_, v) in enumerate(points)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    base = PAD_TOP + inner_h
    parts = _frame(width, height, title, top)
    first, last = coords[0][0], coords[-1][0]
    parts.append(f'<polygon class="area" points="{first:.1f},{base:.1f} {path} {last:.1f},{base:.1f}"/>')
    parts.append(f'<polyline class="line" points="{path}"/>')
    for (label, value), (x, y) in zip(points, coords, strict=True):
        parts.append(
            f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="3">'
            f"<title>{escape(label)}: {value:g}</title></circle>"
        )
    parts += _x_labels([p[0] for p in points], [c[0] for c in coords], height, short=True)
    parts.append("</svg>")
    return "".join(parts)


def hbar_chart(points: Sequence[Point], *, title: str, width: int = 640) -> str:
    """Horizontal bars with their labels (top events)."""
    if not points:
        return empty_chart(title, width, 120)
    row, label_w = 26, 180
    height = row * len(points) + 8
    top = max(v for _, v in points) or 1.0
    inner_w = width - label_w - 60
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, value) in enumerate(points):
        y = 4 + row * i
        w = max(2.0, inner_w * value / top)
        name = label if len(label) <= 26 else label[:25] + "…"
        parts.append(
            f'<text class="label" x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(name)}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" rx="3"/>'
            f'<text class="value" x="{label_w + w + 6:.1f}" y="{y + 16}">{value:g}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
