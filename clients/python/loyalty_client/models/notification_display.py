from enum import StrEnum


class NotificationDisplay(StrEnum):
    BANNER = "banner"
    NONE = "none"
    POPUP = "popup"
    TOAST = "toast"

    def __str__(self) -> str:
        return str(self.value)
