from enum import StrEnum


class RepeatPer(StrEnum):
    DAY = "day"
    TOTAL = "total"
    WEEK = "week"

    def __str__(self) -> str:
        return str(self.value)
