from enum import StrEnum

class PipelineCountsVintage(StrEnum):
    AS_PUBLISHED = "as_published"
    LATEST = "latest"

    def __str__(self) -> str:
        return str(self.value)
