from enum import StrEnum

class MarketGroup(StrEnum):
    CN = "CN"
    GLOBAL = "GLOBAL"
    HKEX = "HKEX"
    SSE = "SSE"
    SZSE = "SZSE"

    def __str__(self) -> str:
        return str(self.value)
