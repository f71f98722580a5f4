from enum import StrEnum


class MissionType(StrEnum):
    FIXED = "FIXED"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
