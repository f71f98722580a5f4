from enum import StrEnum


class AdminEventLimitPeriod(StrEnum):
    DAY = "day"
    LIFETIME = "lifetime"
    MONTH = "month"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
