from enum import StrEnum


class AdminWebhookInputSignatureFormat(StrEnum):
    LOYALTY_V1 = "loyalty-v1"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
