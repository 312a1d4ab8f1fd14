from enum import StrEnum

class Stage(StrEnum):
    ACCEPTED = "accepted"
    APPROVED = "approved"
    DELISTED = "delisted"
    FILED = "filed"
    GUIDANCE = "guidance"
    INQUIRY = "inquiry"
    LAPSED = "lapsed"
    LISTED = "listed"
    PREPARING = "preparing"
    REGISTERED = "registered"
    REJECTED = "rejected"
    TERMINATED = "terminated"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
