from enum import StrEnum


class AdminSurveyType(StrEnum):
    MULTIPLE = "MULTIPLE"
    SINGLE = "SINGLE"

    def __str__(self) -> str:
        return str(self.value)
