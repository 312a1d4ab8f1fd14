from enum import StrEnum

class Sector(StrEnum):
    AI = "ai"
    BIOTECH = "biotech"
    ELECTRONICS = "electronics"
    ENERGY = "energy"
    FINANCE = "finance"
    INTERNET = "internet"
    MATERIALS = "materials"
    MEDTECH = "medtech"
    OTHER = "other"
    ROBOTICS = "robotics"
    SEMICONDUCTORS = "semiconductors"

    def __str__(self) -> str:
        return str(self.value)
