from enum import StrEnum


class AdminMilestoneInputBasis(StrEnum):
    BALANCE = "balance"
    LIFETIME = "lifetime"

    def __str__(self) -> str:
        return str(self.value)
