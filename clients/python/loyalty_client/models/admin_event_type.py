from enum import StrEnum


class AdminEventType(StrEnum):
    FIXED = "FIXED"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
