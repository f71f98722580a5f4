from enum import StrEnum


class AdminLeaderboardPeriodsItem(StrEnum):
    ALL = "all"
    MONTH = "month"
    VALUE_0 = "30d"
    VALUE_1 = "365d"
    VALUE_2 = "7d"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
