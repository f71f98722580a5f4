"""The calendar of lifecycle rewards: which birthdays and join-date anniversaries fall on a day.

February 29: in a year without one, a birthday or a join date on February 29 is celebrated on
February 28 (the last day of February, so the reward stays within the same month and is never
skipped). Pure: days come in as dates of the tenant's time zone.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from loyalty.core.errors import invalid
from loyalty.core.timeutil import start_of_day_ms

_BIRTHDAY = re.compile(r"^(\d\d)-(\d\d)$")
LEAP_DAY = "02-29"


def check_birthday(value: object, field: str = "birthday") -> str:
    """A birthday as ``MM-DD`` (no year: the programme has no need to know one's age)."""
    text = value if isinstance(value, str) else ""
    found = _BIRTHDAY.match(text)
    if found is not None:
        month, day = int(found.group(1)), int(found.group(2))
        # 2000 is a leap year: every day that exists in some year is accepted.
        if 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]:
            return text
    raise invalid(field, f"'{field}' must be a day of the year as MM-DD (e.g. 05-17), not {value!r}")


def _stands_in_for_leap_day(day: date) -> bool:
    return day.month == 2 and day.day == 28 and not calendar.isleap(day.year)


def birthdays_on(day: date) -> tuple[str, ...]:
    """The ``MM-DD`` values whose birthday is celebrated on ``day``."""
    own = f"{day.month:02d}-{day.day:02d}"
    return (own, LEAP_DAY) if _stands_in_for_leap_day(day) else (own,)


def join_days_celebrated_on(day: date, first_year: int) -> list[date]:
    """The join dates (from ``first_year`` up to the year before ``day``) whose anniversary is
    ``day``: the same month and day, and February 29 on February 28 of a year without one."""
    out: list[date] = []
    for year in range(first_year, day.year):
        if not (day.month == 2 and day.day == 29 and not calendar.isleap(year)):
            out.append(date(year, day.month, day.day))
        if _stands_in_for_leap_day(day) and calendar.isleap(year):
            out.append(date(year, 2, 29))
    return out


def day_ranges_ms(days: list[date], tz: str) -> list[tuple[int, int]]:
    """[start, end) of each local day in epoch ms (a day may be 23 or 25 hours long)."""
    return [(start_of_day_ms(d, tz), start_of_day_ms(date.fromordinal(d.toordinal() + 1), tz)) for d in days]
