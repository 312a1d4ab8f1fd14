from enum import StrEnum

class PanelFormatType0(StrEnum):
    ARROW = "arrow"
    CSV = "csv"
    JSON = "json"
    PARQUET = "parquet"

    def __str__(self) -> str:
        return str(self.value)
