from enum import StrEnum

class TimeInStageVintage(StrEnum):
    AS_PUBLISHED = "as_published"
    LATEST = "latest"

    def __str__(self) -> str:
        return str(self.value)
