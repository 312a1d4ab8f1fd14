from enum import StrEnum

class SourceKind(StrEnum):
    ARTICLE = "article"
    DISCLOSURE = "disclosure"
    REPORT = "report"

    def __str__(self) -> str:
        return str(self.value)
