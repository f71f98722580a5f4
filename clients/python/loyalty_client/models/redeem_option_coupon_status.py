from enum import StrEnum


class RedeemOptionCouponStatus(StrEnum):
    EXPIRED = "EXPIRED"
    INACTIVE = "INACTIVE"
    USED = "USED"
    VALID = "VALID"

    def __str__(self) -> str:
        return str(self.value)
