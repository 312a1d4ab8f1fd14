"""What a refused request raises."""

from __future__ import annotations

import json
from typing import Any


class ApiError(Exception):
    """The service answered 4xx or 5xx: ``status`` and its ``detail`` (for a 422, one entry per problem, each with
    its ``loc``, the field path)."""

    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail

    @classmethod
    def from_body(cls, status: int, content: bytes) -> ApiError:
        try:
            body = json.loads(content)
        except ValueError:
            return cls(status, content.decode("utf-8", "replace"))
        return cls(status, body.get("detail", body) if isinstance(body, dict) else body)
