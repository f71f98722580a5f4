from enum import StrEnum


class AdminLeaderboardInputMetric(StrEnum):
    EVENTS = "events"
    POINTS = "points"

    def __str__(self) -> str:
        return str(self.value)
