from enum import StrEnum


class RewardType(StrEnum):
    INVENTORY = "inventory"
    METRIC = "metric"

    def __str__(self) -> str:
        return str(self.value)
