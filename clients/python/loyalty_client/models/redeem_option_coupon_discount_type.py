from enum import StrEnum


class RedeemOptionCouponDiscountType(StrEnum):
    ABSOLUTE = "ABSOLUTE"
    FREE_SHIPPING = "FREE_SHIPPING"
    PERCENT = "PERCENT"

    def __str__(self) -> str:
        return str(self.value)
