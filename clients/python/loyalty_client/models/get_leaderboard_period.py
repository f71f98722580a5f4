from enum import StrEnum


class GetLeaderboardPeriod(StrEnum):
    ALL = "all"
    MONTH = "month"
    VALUE_3 = "7d"
    VALUE_4 = "30d"
    VALUE_5 = "365d"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
