from enum import StrEnum


class ExpiryPolicyMode(StrEnum):
    DAYS_AFTER_EARNING = "days_after_earning"
    END_OF_PERIOD = "end_of_period"
    NEVER = "never"

    def __str__(self) -> str:
        return str(self.value)
