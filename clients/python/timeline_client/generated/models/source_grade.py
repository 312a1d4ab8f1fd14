from enum import StrEnum

class SourceGrade(StrEnum):
    OTHER = "other"
    PRIMARY_DISCLOSURE = "primary_disclosure"
    REPUTABLE_REPORT = "reputable_report"

    def __str__(self) -> str:
        return str(self.value)
