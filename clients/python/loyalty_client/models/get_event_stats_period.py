from enum import StrEnum


class GetEventStatsPeriod(StrEnum):
    ALL = "all"
    CURRENT_MONTH = "current_month"
    VALUE_0 = "1d"
    VALUE_1 = "7d"
    VALUE_2 = "30d"
    VALUE_3 = "90d"
    YTD = "ytd"

    def __str__(self) -> str:
        return str(self.value)
