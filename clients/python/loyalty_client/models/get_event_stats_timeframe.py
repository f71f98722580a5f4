from enum import StrEnum


class GetEventStatsTimeframe(StrEnum):
    MONTH = "month"

    def __str__(self) -> str:
        return str(self.value)
