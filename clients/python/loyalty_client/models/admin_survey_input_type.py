from enum import StrEnum


class AdminSurveyInputType(StrEnum):
    MULTIPLE = "MULTIPLE"
    SINGLE = "SINGLE"

    def __str__(self) -> str:
        return str(self.value)
