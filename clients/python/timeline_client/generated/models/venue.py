from enum import StrEnum

class Venue(StrEnum):
    BSE = "BSE"
    CN_A = "CN-A"
    HKEX_GEM = "HKEX-GEM"
    HKEX_MAIN = "HKEX-MAIN"
    NASDAQ = "NASDAQ"
    NYSE = "NYSE"
    SSE_MAIN = "SSE-MAIN"
    SSE_STAR = "SSE-STAR"
    SZSE_CHINEXT = "SZSE-CHINEXT"
    SZSE_MAIN = "SZSE-MAIN"
    UNKNOWN = "UNKNOWN"

    def __str__(self) -> str:
        return str(self.value)
