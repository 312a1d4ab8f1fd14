from enum import StrEnum

class PipelineCountsGranularity(StrEnum):
    DAY = "day"
    MONTH = "month"

    def __str__(self) -> str:
        return str(self.value)
