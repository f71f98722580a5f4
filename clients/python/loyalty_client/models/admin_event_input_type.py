from enum import StrEnum


class AdminEventInputType(StrEnum):
    FIXED = "FIXED"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
