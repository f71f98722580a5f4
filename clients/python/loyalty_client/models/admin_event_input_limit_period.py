from enum import StrEnum


class AdminEventInputLimitPeriod(StrEnum):
    DAY = "day"
    LIFETIME = "lifetime"
    MONTH = "month"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
