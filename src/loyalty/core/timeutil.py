"""Calendar arithmetic in a tenant's time zone. Time is always passed in as epoch milliseconds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


@lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def is_valid_zone(name: str) -> bool:
    try:
        zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@lru_cache(maxsize=256)
def local_datetime(ts_ms: int, tz: str) -> datetime:
    """Cached: one event asks for its instant's local date and hour about seven times (limit
    period, history date, streak period, leaderboard buckets, statistics), and datetimes are
    immutable."""
    return datetime.fromtimestamp(ts_ms / 1000, tz=zone(tz))


def day_key(ts_ms: int, tz: str) -> str:
    """``YYYY-MM-DD`` of the instant in the given zone (``globalEventDateKey``, streak days)."""
    return local_datetime(ts_ms, tz).date().isoformat()


def local_hour(ts_ms: int, tz: str) -> int:
    return local_datetime(ts_ms, tz).hour


@lru_cache(maxsize=256)
def start_of_day_ms(day: date, tz: str) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=zone(tz)).timestamp() * 1000)


def iso_utc(ts_ms: int) -> str:
    """ISO 8601 with milliseconds and ``Z``, as the Emporix and Lynes faces print instants."""
    return (
        datetime.fromtimestamp(ts_ms / 1000, tz=UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def parse_iso_ms(text: str) -> int:
    """Parse an ISO 8601 instant (``Z`` or offset; naive means UTC) into epoch milliseconds."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return int(value.timestamp() * 1000)


def add_days_ms(ts_ms: int, days: int) -> int:
    return ts_ms + int(timedelta(days=days).total_seconds() * 1000)
