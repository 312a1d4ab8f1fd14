"""Settings from the environment (pydantic-settings); read once by the composition root."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("data"), validation_alias="DATA_DIR")
    database_url: str | None = Field(default=None, validation_alias="TIMELINE_DATABASE_URL")
    host: str = Field(default="127.0.0.1", validation_alias="HOST")
    port: int = Field(default=8000, validation_alias="PORT")
    api_tokens: SecretStr = Field(default=SecretStr(""), validation_alias="TIMELINE_API_TOKEN")

    @property
    def resolved_database_url(self) -> str:
        """TIMELINE_DATABASE_URL, or the embedded SQLite file under DATA_DIR."""
        return self.database_url or f"sqlite:///{self.data_dir / 'timeline.db'}"
