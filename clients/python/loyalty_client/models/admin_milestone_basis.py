from enum import StrEnum


class AdminMilestoneBasis(StrEnum):
    BALANCE = "balance"
    LIFETIME = "lifetime"

    def __str__(self) -> str:
        return str(self.value)
