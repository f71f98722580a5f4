from enum import StrEnum


class AdminApiKeyInputRole(StrEnum):
    ADMIN = "admin"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
