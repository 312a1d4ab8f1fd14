"""Settings from the environment (pydantic-settings); read once by the composition root."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    data_dir: Path = Field(default=Path("data"), validation_alias="DATA_DIR")
    database_url: str | None = Field(default=None, validation_alias="TIMELINE_DATABASE_URL")
    host: str = Field(default="127.0.0.1", validation_alias="HOST")
    port: int = Field(default=8000, validation_alias="PORT")
    api_tokens: SecretStr = Field(default=SecretStr(""), validation_alias="TIMELINE_API_TOKEN")
    max_body_bytes: int = Field(default=64 * 1024, validation_alias="TIMELINE_MAX_BODY_BYTES")
    catch_up_on_write: bool = Field(default=True, validation_alias="TIMELINE_CATCH_UP_ON_WRITE")
    # Seconds between a serving process's looks at how far its read models lag the log (api/follower.py).
    catch_up_poll: float = Field(default=1.0, ge=0, validation_alias="TIMELINE_CATCH_UP_POLL")
    stale_after_events: int = Field(default=100, ge=1, validation_alias="TIMELINE_STALE_AFTER_EVENTS")
    min_position_timeout: float = Field(default=5.0, validation_alias="TIMELINE_MIN_POSITION_TIMEOUT")
    log_level: str = Field(default="INFO", validation_alias="LOG_LEVEL")
    max_streams: int = Field(default=32, ge=0, validation_alias="TIMELINE_MAX_STREAMS")
    idempotency_wait: float = Field(default=10.0, ge=0, validation_alias="TIMELINE_IDEMPOTENCY_WAIT")
    # Serving shape (docs/serving.md): "auto" takes uvloop and httptools when installed, which they are
    # by default; asyncio and h11 remain for platforms without them.
    workers: int = Field(default=1, ge=1, validation_alias="TIMELINE_WORKERS")
    loop: Literal["auto", "uvloop", "asyncio"] = Field(default="auto", validation_alias="TIMELINE_LOOP")
    http: Literal["auto", "httptools", "h11"] = Field(default="auto", validation_alias="TIMELINE_HTTP")
    # Bounds on connections, enforced by the HTTP protocol (api/connections.py): seconds a client has to send a
    # whole request (head and body) from its first byte, and open connections per process.
    request_timeout: float = Field(default=10.0, gt=0, validation_alias="TIMELINE_REQUEST_TIMEOUT")
    max_connections: int = Field(default=1000, ge=1, validation_alias="TIMELINE_MAX_CONNECTIONS")
    # Read answers kept per process while the read models stay at one position (api/middleware/answer_cache.py); 0: off.
    # Rows a /panel answer may have (a daily panel of 2019-2026 at 100k events is about ... rows): 422 beyond.
    panel_max_rows: int = Field(default=20_000_000, ge=1, validation_alias="TIMELINE_PANEL_MAX_ROWS")
    answer_cache_mb: int = Field(default=64, ge=0, le=4096, validation_alias="TIMELINE_ANSWER_CACHE_MB")
    # Threads that answer reads (api/answers/basis.py, answered_in_read_threads); writes keep the thread pool.
    read_threads: int = Field(default=2, ge=1, le=64, validation_alias="TIMELINE_READ_THREADS")
    # Webhooks of standing queries (api/webhooks/): the receivers allowed (hosts or CIDRs, comma-separated; none:
    # any public address), seconds one attempt may take in all, attempts before a subscription is parked, and the
    # first wait before a retry (doubled after each failure).
    webhook_hosts: str = Field(default="", validation_alias="TIMELINE_WEBHOOK_HOSTS")
    webhook_timeout: float = Field(default=10.0, gt=0, le=300, validation_alias="TIMELINE_WEBHOOK_TIMEOUT")
    webhook_attempts: int = Field(default=8, ge=1, le=100, validation_alias="TIMELINE_WEBHOOK_ATTEMPTS")
    webhook_backoff: float = Field(default=2.0, ge=0, le=3600, validation_alias="TIMELINE_WEBHOOK_BACKOFF")
    # A server on a streaming replica (docs/scaling.md): it reads only (no table made, no event applied, every
    # write refused naming the primary, whose API is at primary_url); its read models come by replication.
    read_only: bool = Field(default=False, validation_alias="TIMELINE_READ_ONLY")
    primary_url: str | None = Field(default=None, validation_alias="TIMELINE_PRIMARY_URL")

    @model_validator(mode="after")
    def _read_only_never_catches_up(self) -> Settings:
        if self.read_only:
            self.catch_up_on_write = False  # the primary's projection workers apply events; replication brings them
        return self

    @property
    def tokens(self) -> list[str]:
        """The configured write tokens; none means writes are refused."""
        return [token.strip() for token in self.api_tokens.get_secret_value().split(",") if token.strip()]

    @property
    def resolved_database_url(self) -> str:
        """TIMELINE_DATABASE_URL, or the embedded SQLite file under DATA_DIR."""
        return self.database_url or f"sqlite:///{self.data_dir / 'timeline.db'}"
