from enum import StrEnum

class TimeToListingCohort(StrEnum):
    QUARTER = "quarter"
    YEAR = "year"

    def __str__(self) -> str:
        return str(self.value)
